import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { JobDetail } from '$lib/bindings/JobDetail';
import type { JobPage } from '$lib/bindings/JobPage';
import type { JobQuery } from '$lib/bindings/JobQuery';
import { jobFilters, noFilters, visit } from '$lib/jobFilters.svelte';
import { applicationDetail, fakeClient, summary } from '$lib/testing/fakeClient';
import JobsView from './JobsView.svelte';

const goto = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('$app/navigation', () => ({ goto }));

const jobs = (count: number, from = 1) =>
	Array.from({ length: count }, (_, index) => summary({ id: from + index, title: `Job ${from + index}` }));

afterEach(() => {
	jobFilters.text = '';
	jobFilters.campaignId = null;
	jobFilters.source = null;
	jobFilters.filters = noFilters();
	jobFilters.sort = null;
	goto.mockClear();
});

describe('JobsView', () => {
	it('says "1,000+ jobs" when a broad search was counted only up to the cap', async () => {
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: [summary()], total: 1000, total_capped: true })),
				getJob: vi.fn(() => new Promise<never>(() => {}))
			})
		);
		render(JobsView);
		const count = await screen.findByTestId('job-count');
		expect(count.textContent?.replace(/\s+/g, ' ').trim()).toBe('1,000+ jobs');
	});

	it('counts an exact total as it is', async () => {
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: [summary()], total: 1, total_capped: false }))
			})
		);
		render(JobsView);
		const count = await screen.findByTestId('job-count');
		expect(count.textContent?.replace(/\s+/g, ' ').trim()).toBe('1 job');
	});

	it('renders only the rows in view of a long list', async () => {
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: jobs(100), total: 1000, total_capped: true }))
			})
		);
		render(JobsView);
		await screen.findByTestId('job-viewport');
		const rows = screen.getAllByTestId('job-row');
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.length).toBeLessThan(40);
	});

	it('sends the chosen filters and sort, and counts the filters', async () => {
		const listJobs = vi.fn<(query: JobQuery) => Promise<JobPage>>(() =>
			Promise.resolve({ jobs: jobs(3), total: 3, total_capped: false })
		);
		setApiClient(fakeClient({ listJobs }));
		render(JobsView);
		await screen.findByTestId('job-count');
		await fireEvent.click(screen.getByTestId('filters-toggle'));
		await fireEvent.click(screen.getByTestId('filter-mode-remote'));
		await fireEvent.input(screen.getByTestId('filter-salary-min'), { target: { value: '90,000' } });
		await fireEvent.change(screen.getByTestId('job-sort'), { target: { value: 'salary' } });
		expect(screen.queryByTestId('filter-new-since')).toBeNull();
		visit.previous = '2026-11-20T09:00:00.000Z';
		await fireEvent.click(await screen.findByTestId('filter-new-since'));
		await vi.waitFor(() => {
			const query = listJobs.mock.calls.at(-1)?.[0];
			expect(query?.filters?.new_since).toBe('2026-11-20T09:00:00.000Z');
			expect(query?.filters?.work_modes).toEqual(['remote']);
			expect(query?.filters?.salary_min).toBe(90000);
			expect(query?.sort).toBe('salary');
			expect(query?.offset).toBe(0);
		});
		expect(screen.getByTestId('filters-toggle').textContent).toContain('3');
		visit.previous = null;
		await fireEvent.click(screen.getByTestId('filters-clear'));
		await vi.waitFor(() => expect(listJobs.mock.calls.at(-1)?.[0]?.filters?.work_modes).toEqual([]));
	});

	it('moves with j and k, saves with s, opens with o, and explains h outside a campaign', async () => {
		const openExternal = vi.fn(() => Promise.resolve());
		const setApplicationStatus = vi.fn(() => Promise.resolve(applicationDetail()));
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: jobs(3), total: 3, total_capped: false })),
				getJob: vi.fn((id: number) =>
					Promise.resolve({
						...summary({ id }),
						apply_url: `https://careers.example.com/${id}`,
						url: null,
						description_html: '',
						skills: [],
						countries: [],
						postings: [],
						scores: []
					} as unknown as JobDetail)
				),
				openExternal,
				setApplicationStatus
			})
		);
		render(JobsView, { selectedId: 2 });
		await screen.findByTestId('job-viewport');
		await fireEvent.keyDown(window, { key: 'j' });
		expect(goto).toHaveBeenLastCalledWith('/jobs/3');
		await fireEvent.keyDown(window, { key: 'k' });
		expect(goto).toHaveBeenLastCalledWith('/jobs/1');
		await fireEvent.keyDown(window, { key: 's' });
		await vi.waitFor(() => expect(setApplicationStatus).toHaveBeenCalledWith(2, 'saved', false));
		await fireEvent.keyDown(window, { key: 'o' });
		await vi.waitFor(() => expect(openExternal).toHaveBeenCalledWith('https://careers.example.com/2'));
		await fireEvent.keyDown(window, { key: 'h' });
		expect((await screen.findByRole('status')).textContent).toContain('Hiding works within a campaign');
		// Typing in the search box is typing, not a command.
		await fireEvent.keyDown(screen.getByTestId('job-search'), { key: 'j' });
		expect(goto).toHaveBeenCalledTimes(2);
	});

	it('saves the open job with s even before the list has loaded it', async () => {
		const setApplicationStatus = vi.fn(() => Promise.resolve(applicationDetail()));
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => new Promise<never>(() => {})),
				getJob: vi.fn(() => new Promise<never>(() => {})),
				setApplicationStatus
			})
		);
		render(JobsView, { selectedId: 99 });
		await fireEvent.keyDown(window, { key: 's' });
		await vi.waitFor(() => expect(setApplicationStatus).toHaveBeenCalledWith(99, 'saved', false));
	});

	it('saves the current search as a view and brings a view back', async () => {
		const saveView = vi.fn((name: string, query: JobQuery) =>
			Promise.resolve({ id: 1, name, query, created_at: '', updated_at: '' })
		);
		const stored = {
			id: 1,
			name: 'Remote rust',
			query: { text: 'rust', source: null, limit: null, offset: null, sort: 'salary' as const },
			created_at: '',
			updated_at: ''
		};
		setApiClient(
			fakeClient({
				listJobs: vi.fn(() => Promise.resolve({ jobs: jobs(1), total: 1, total_capped: false })),
				saveView,
				savedViews: vi.fn().mockResolvedValueOnce([]).mockResolvedValue([stored])
			})
		);
		render(JobsView);
		await fireEvent.click(await screen.findByTestId('saved-view-new'));
		await fireEvent.input(screen.getByTestId('saved-view-name'), { target: { value: 'Remote rust' } });
		await fireEvent.click(screen.getByTestId('saved-view-save'));
		expect(saveView.mock.calls[0]?.[0]).toBe('Remote rust');
		const select = (await screen.findByTestId('saved-view-select')) as HTMLSelectElement;
		await fireEvent.change(select, { target: { value: '1' } });
		expect(jobFilters.text).toBe('rust');
		expect(jobFilters.sort).toBe('salary');
	});
});
