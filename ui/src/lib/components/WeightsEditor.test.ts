import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { campaign, fakeClient, weights } from '$lib/testing/fakeClient';
import WeightsEditor from './WeightsEditor.svelte';

describe('WeightsEditor', () => {
	it('saves the weights the user set', async () => {
		const setCampaignWeights = vi.fn((id: number, set: ReturnType<typeof weights>) =>
			Promise.resolve(campaign({ id, profile: { ...campaign().profile, weights: set }, base_weights: set }))
		);
		setApiClient(fakeClient({ setCampaignWeights }));
		const onchange = vi.fn();
		render(WeightsEditor, { campaign: campaign(), onchange });
		const save = screen.getByTestId('weights-save') as HTMLButtonElement;
		expect(save.disabled).toBe(true);

		await fireEvent.input(screen.getByTestId('weight-skills'), { target: { value: '4.2' } });
		expect(save.disabled).toBe(false);
		await fireEvent.click(save);
		expect(setCampaignWeights).toHaveBeenCalledWith(7, weights({ skills: 4.2 }));
		await vi.waitFor(() => expect(onchange).toHaveBeenCalled());
	});

	it('marks learned weights, lists what taught them and resets them', async () => {
		const learned = campaign({ profile: { ...campaign().profile, weights: weights({ keywords: 3.4 }) } });
		const resetCampaignWeights = vi.fn(() => Promise.resolve(campaign()));
		const feedbackHistory = vi.fn(() =>
			Promise.resolve([
				{
					id: 5,
					job_id: 3,
					title: 'Rust Engineer',
					company: 'Acme',
					kind: 'like' as const,
					before: weights(),
					after: weights({ keywords: 3.4 }),
					created_at: new Date().toISOString()
				}
			])
		);
		setApiClient(fakeClient({ resetCampaignWeights, feedbackHistory }));
		render(WeightsEditor, { campaign: learned, onchange: vi.fn() });

		expect(screen.getByTestId('weight-learned').textContent).toBe('you set 3.00');
		const history = await screen.findByTestId('feedback-history');
		expect(history.textContent?.replace(/\s+/g, ' ')).toContain(
			'You liked Rust Engineer at Acme today: Title & keywords 3.00 → 3.40'
		);
		await fireEvent.click(screen.getByTestId('weights-reset'));
		expect(resetCampaignWeights).toHaveBeenCalledWith(7);
	});
});
