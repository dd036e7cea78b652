import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { campaign, campaignScore, fakeClient, weights } from '$lib/testing/fakeClient';
import ScoreBreakdown from './ScoreBreakdown.svelte';

describe('ScoreBreakdown', () => {
	it('lists every factor with its points and evidence', () => {
		setApiClient(fakeClient());
		render(ScoreBreakdown, { jobId: 3, score: campaignScore() });
		expect(screen.getByTestId('score-value').textContent).toBe('82');
		const rows = screen.getAllByTestId('score-factor').map((row) =>
			Array.from(row.children)
				.map((cell) => cell.textContent?.trim())
				.join(' | ')
		);
		expect(rows).toEqual(['Title & keywords | 28.6 | title has rust', 'Salary | 7.1 | no salary stated']);
	});

	it('shows why a filtered job was dropped instead of factors', () => {
		setApiClient(fakeClient());
		render(ScoreBreakdown, {
			jobId: 3,
			score: campaignScore({ score: 0, filtered: 'mentions the excluded word "php"' })
		});
		expect(screen.getByText(/Filtered out: mentions the excluded word "php"/)).toBeTruthy();
		expect(screen.queryAllByTestId('score-factor')).toHaveLength(0);
	});

	it('says how feedback moved the weights and can take it back', async () => {
		const giveFeedback = vi.fn(() =>
			Promise.resolve({
				feedback_id: 11,
				before: weights(),
				after: weights({ keywords: 3.12, salary: 1.46 })
			})
		);
		const undoFeedback = vi.fn(() => Promise.resolve(campaign()));
		setApiClient(fakeClient({ giveFeedback, undoFeedback }));
		render(ScoreBreakdown, { jobId: 3, score: campaignScore() });

		await fireEvent.click(screen.getByTestId('feedback-like'));
		expect(giveFeedback).toHaveBeenCalledWith(7, 3, 'like');
		const change = await screen.findByTestId('weights-change');
		expect(change.textContent).toContain('Title & keywords 3.00 → 3.12, Salary 1.50 → 1.46');

		await fireEvent.click(screen.getByTestId('undo-feedback'));
		expect(undoFeedback).toHaveBeenCalledWith(11);
		await vi.waitFor(() => expect(screen.queryByTestId('weights-change')).toBeNull());
	});
});
