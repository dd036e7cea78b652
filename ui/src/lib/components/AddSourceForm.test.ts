import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import type { Candidate } from '$lib/bindings/Candidate';
import type { FetchReport } from '$lib/bindings/FetchReport';
import type { SourceOverview } from '$lib/bindings/SourceOverview';
import type { WatchedSource } from '$lib/bindings/WatchedSource';
import { fakeClient, watched } from '$lib/testing/fakeClient';
import AddSourceForm from './AddSourceForm.svelte';

function report(source: WatchedSource, overrides: Partial<FetchReport> = {}): FetchReport {
	return {
		source,
		seen: 2,
		new_jobs: 2,
		updated: 0,
		unchanged: 0,
		flagged: 0,
		merged: 0,
		closed: 0,
		reopened: 0,
		new_matches: 0,
		warnings: [],
		healed: false,
		duration_ms: 12,
		...overrides
	};
}

function overview(kind: 'remotive' | 'adzuna', ready: boolean): SourceOverview {
	return {
		info: {
			kind,
			name: kind === 'remotive' ? 'Remotive' : 'Adzuna',
			label: kind === 'remotive' ? 'Remotive' : 'Adzuna',
			category: 'board',
			param_label: 'Keywords',
			param_example: 'rust developer',
			param_optional: true,
			keys: [],
			terms: 'At most 4 requests a day.',
			attribution: null,
			opt_in_warning: null,
			min_refresh_minutes: 360
		},
		enabled: true,
		ready,
		missing_keys: ready ? [] : ['Adzuna app_id'],
		keys: [],
		watched: 0,
		failing: 0
	};
}

async function submit(value: string) {
	const input = screen.getByLabelText('Add a job source') as HTMLInputElement;
	await fireEvent.input(input, { target: { value } });
	await fireEvent.click(screen.getByRole('button', { name: 'Add & fetch' }));
}

describe('AddSourceForm', () => {
	it('detects the board behind a pasted URL, fetches it and reports what it found', async () => {
		const source = watched({ id: 7 });
		const client = fakeClient({
			discoverSources: vi.fn(() =>
				Promise.resolve<Candidate[]>([{ kind: 'greenhouse', param: 'vercel', how: 'url' }])
			),
			addSource: vi.fn(() => Promise.resolve(source)),
			refreshSource: vi.fn(() =>
				Promise.resolve(
					report({ ...source, name: 'Vercel' }, { closed: 1, warnings: ['pay ranges read for 100 jobs'] })
				)
			)
		});
		setApiClient(client);
		render(AddSourceForm);
		await submit('https://job-boards.greenhouse.io/vercel');
		expect(client.discoverSources).toHaveBeenCalledWith('https://job-boards.greenhouse.io/vercel');
		expect(client.addSource).toHaveBeenCalledWith('greenhouse', 'vercel');
		expect(
			await screen.findByText(
				'Vercel: 2 jobs listed, 2 new, 0 updated, 1 closed. Note: pay ranges read for 100 jobs.'
			)
		).toBeTruthy();
		expect(client.refreshSource).toHaveBeenCalledWith(7);
	});

	it('adds a chosen source kind, and offers only sources that are ready', async () => {
		const source = watched({ id: 3, kind: 'remotive', param: 'rust', description: "Remotive search 'rust'" });
		const client = fakeClient({
			sourcesOverview: vi.fn(() => Promise.resolve([overview('remotive', true), overview('adzuna', false)])),
			addSource: vi.fn(() => Promise.resolve(source)),
			refreshSource: vi.fn(() => Promise.resolve(report({ ...source, name: 'rust' })))
		});
		setApiClient(client);
		render(AddSourceForm);
		const adzuna = (await screen.findByRole('option', { name: 'Adzuna (needs a key)' })) as HTMLOptionElement;
		expect(adzuna.disabled).toBe(true);
		await fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'remotive' } });
		expect(await screen.findByText('At most 4 requests a day.')).toBeTruthy();
		await submit('rust');
		expect(client.addSource).toHaveBeenCalledWith('remotive', 'rust');
	});

	it('shows the error naming the board when the fetch fails', async () => {
		const message = "Greenhouse board 'nosuchco' was not found (HTTP 404): check the name or URL";
		setApiClient(
			fakeClient({
				discoverSources: vi.fn(() =>
					Promise.resolve<Candidate[]>([{ kind: 'greenhouse', param: 'nosuchco', how: 'url' }])
				),
				addSource: vi.fn(() => Promise.resolve(watched({ param: 'nosuchco' }))),
				refreshSource: vi.fn(() => Promise.reject({ code: 'source_not_found', message }))
			})
		);
		render(AddSourceForm);
		await submit('https://boards.greenhouse.io/nosuchco');
		const alert = await screen.findByRole('alert');
		expect(alert.textContent?.trim()).toBe(message);
	});

	it('shows input errors from Rust as they are', async () => {
		setApiClient(
			fakeClient({
				discoverSources: vi.fn(() => Promise.reject(new ApiError('invalid_input', "'x y' is not a URL")))
			})
		);
		render(AddSourceForm);
		await submit('x y');
		expect((await screen.findByRole('alert')).textContent?.trim()).toBe("'x y' is not a URL");
	});

	it("offers the boards found behind a company's page, and watches the ones picked", async () => {
		const greenhouse = watched({
			id: 4,
			kind: 'greenhouse',
			param: 'acme',
			description: "Greenhouse board 'acme'"
		});
		const lever = watched({ id: 5, kind: 'lever', param: 'acme', description: "Lever board 'acme'" });
		const client = fakeClient({
			discoverSources: vi.fn(() =>
				Promise.resolve<Candidate[]>([
					{ kind: 'greenhouse', param: 'acme', how: 'iframe' },
					{ kind: 'lever', param: 'acme', how: 'link' }
				])
			),
			addSource: vi.fn((kind: string) => Promise.resolve(kind === 'greenhouse' ? greenhouse : lever)),
			refreshSource: vi.fn((id: number) =>
				Promise.resolve(
					report({ ...(id === 4 ? greenhouse : lever), name: id === 4 ? 'Acme GH' : 'Acme Lever' })
				)
			)
		});
		setApiClient(client);
		render(AddSourceForm);
		await submit('https://www.acme.example/');
		const offered = await screen.findByTestId('discovered-boards');
		expect(offered.textContent).toContain('embedded in the page');
		expect(offered.textContent).toContain('linked from the page');
		const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
		expect(boxes.map((box) => box.checked)).toEqual([true, false]);
		expect(client.addSource).not.toHaveBeenCalled();
		await fireEvent.click(boxes[1]!);
		await fireEvent.click(screen.getByTestId('add-discovered'));
		expect(await screen.findByText(/Acme GH: 2 jobs listed.*Acme Lever: 2 jobs listed/)).toBeTruthy();
		expect(client.addSource).toHaveBeenCalledWith('greenhouse', 'acme');
		expect(client.addSource).toHaveBeenCalledWith('lever', 'acme');
		expect(screen.queryByTestId('discovered-boards')).toBeNull();
	});

	it('says so when a page has no board behind it', async () => {
		setApiClient(fakeClient({ discoverSources: vi.fn(() => Promise.resolve([])) }));
		render(AddSourceForm);
		await submit('https://www.acme.example/about');
		expect((await screen.findByTestId('add-board-status')).textContent).toContain(
			'No job board found on that page'
		);
	});
});
