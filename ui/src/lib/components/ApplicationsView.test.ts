import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { applicationView } from '$lib/applicationView.svelte';
import { application, applicationDetail, fakeClient } from '$lib/testing/fakeClient';
import ApplicationsView from './ApplicationsView.svelte';

describe('ApplicationsView', () => {
	it('filters the list by status, words and due follow-ups', async () => {
		const listApplications = vi.fn(() => Promise.resolve([application()]));
		setApiClient(fakeClient({ listApplications }));
		applicationView.mode = 'list';
		render(ApplicationsView);
		await screen.findByTestId('application-list');
		expect(listApplications).toHaveBeenLastCalledWith({ statuses: [], text: null, follow_up_by: null });

		await fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'applied' } });
		await fireEvent.input(screen.getByLabelText('Filter applications'), { target: { value: ' vercel ' } });
		await fireEvent.click(screen.getByLabelText('Follow-up due'));
		await vi.waitFor(() =>
			expect(listApplications).toHaveBeenLastCalledWith({
				statuses: ['applied'],
				text: 'vercel',
				follow_up_by: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
			})
		);
		applicationView.mode = 'board';
		applicationView.status = null;
		applicationView.text = '';
		applicationView.dueOnly = false;
	});

	it('moves a card from the list and says so', async () => {
		const setApplicationStatus = vi.fn(() => Promise.resolve(applicationDetail({ status: 'interviewing' })));
		setApiClient(
			fakeClient({ listApplications: vi.fn(() => Promise.resolve([application()])), setApplicationStatus })
		);
		applicationView.mode = 'list';
		render(ApplicationsView);
		const select = await screen.findByLabelText(/Status of Account Executive/);
		await fireEvent.change(select, { target: { value: 'interviewing' } });
		expect(setApplicationStatus).toHaveBeenCalledWith(1, 'interviewing', false);
		await vi.waitFor(() =>
			expect(screen.getByRole('status').textContent).toBe(
				'Moved “Account Executive, Commercial” to Interviewing.'
			)
		);
		applicationView.mode = 'board';
	});
});
