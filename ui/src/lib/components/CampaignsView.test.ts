import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { campaign, fakeClient } from '$lib/testing/fakeClient';
import CampaignsView from './CampaignsView.svelte';

describe('CampaignsView', () => {
	it('pauses, duplicates and deletes (after asking) the selected campaign', async () => {
		// What the Rust side has stored, changed by each call as the real one would.
		let stored = [campaign({ id: 1, name: 'Rust jobs', source_ids: [4] })];
		const setCampaignActive = vi.fn((id: number, active: boolean) => {
			stored = stored.map((c) => (c.id === id ? { ...c, active } : c));
			return Promise.resolve(stored.find((c) => c.id === id)!);
		});
		const duplicateCampaign = vi.fn(() => {
			const copy = campaign({ id: 2, name: 'Rust jobs (copy)', active: false });
			stored = [...stored, copy];
			return Promise.resolve(copy);
		});
		const deleteCampaign = vi.fn((id: number) => {
			stored = stored.filter((c) => c.id !== id);
			return Promise.resolve();
		});
		setApiClient(
			fakeClient({
				listCampaigns: vi.fn(() => Promise.resolve(stored)),
				setCampaignActive,
				duplicateCampaign,
				deleteCampaign
			})
		);
		render(CampaignsView);
		expect((await screen.findByTestId('campaign-title')).textContent).toBe('Rust jobs');

		await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
		expect(setCampaignActive).toHaveBeenCalledWith(1, false);
		expect((await screen.findByTestId('campaign-notice')).textContent).toBe('Paused “Rust jobs”.');
		expect(await screen.findByRole('button', { name: 'Resume' })).toBeTruthy();

		await fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
		expect(duplicateCampaign).toHaveBeenCalledWith(1);
		await vi.waitFor(() => expect(screen.getByTestId('campaign-title').textContent).toBe('Rust jobs (copy)'));

		await fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
		expect(deleteCampaign).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByTestId('confirm-delete'));
		expect(deleteCampaign).toHaveBeenCalledWith(2);
		await vi.waitFor(() =>
			expect(screen.getByTestId('campaign-notice').textContent).toBe(
				'Deleted “Rust jobs (copy)”. Its jobs are still stored.'
			)
		);
		expect(screen.getAllByTestId('campaign-item').map((item) => item.textContent)).toHaveLength(1);
	});
});
