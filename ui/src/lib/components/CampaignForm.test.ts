import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import { inputOf } from '$lib/ranking';
import { campaign, fakeClient, resume } from '$lib/testing/fakeClient';
import CampaignForm from './CampaignForm.svelte';

describe('CampaignForm', () => {
	it('sends keywords as lists and shows an error beside the field it is about', async () => {
		const onsubmit = vi.fn(() =>
			Promise.reject(
				new ApiError('invalid_input', '"rust" is both wanted and excluded.', 'excluded_keywords')
			)
		);
		setApiClient(fakeClient());
		render(CampaignForm, { initial: inputOf(campaign()), sources: [], submitLabel: 'Save', onsubmit });
		await fireEvent.input(screen.getByTestId('campaign-keywords'), { target: { value: 'rust, backend ,' } });
		await fireEvent.input(screen.getByTestId('campaign-excluded'), { target: { value: 'Rust' } });
		await fireEvent.click(screen.getByTestId('campaign-save'));

		expect(onsubmit).toHaveBeenCalledOnce();
		const sent = (onsubmit.mock.calls[0] as unknown as [ReturnType<typeof inputOf>])[0];
		expect(sent.profile.keywords).toEqual(['rust', 'backend']);
		expect(sent.profile.excluded_keywords).toEqual(['Rust']);
		const message = await screen.findByTestId('error-excluded_keywords');
		expect(message.textContent).toBe('"rust" is both wanted and excluded.');
		expect(screen.queryByTestId('error-name')).toBeNull();
	});

	it('ranks with a stored resume when one is chosen', async () => {
		const onsubmit = vi.fn(() => Promise.resolve());
		setApiClient(fakeClient({ listResumes: vi.fn(() => Promise.resolve([resume()])) }));
		render(CampaignForm, { initial: inputOf(campaign()), sources: [], submitLabel: 'Save', onsubmit });
		const select = (await screen.findByTestId('campaign-resume')) as HTMLSelectElement;
		await fireEvent.change(select, { target: { value: '4' } });
		expect(screen.getByText(/Ranks with the text of “Ada CV”/)).toBeTruthy();
		await fireEvent.click(screen.getByTestId('campaign-save'));
		const sent = (onsubmit.mock.calls[0] as unknown as [ReturnType<typeof inputOf>])[0];
		expect(sent.resume_id).toBe(4);
	});
});
