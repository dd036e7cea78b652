import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import { fakeClient, watched } from '$lib/testing/fakeClient';
import AddBoardForm from './AddBoardForm.svelte';

async function submit(value: string) {
	const input = screen.getByLabelText('Add a Greenhouse board') as HTMLInputElement;
	await fireEvent.input(input, { target: { value } });
	await fireEvent.click(screen.getByRole('button', { name: 'Add & fetch' }));
}

describe('AddBoardForm', () => {
	it('adds the board, fetches it and reports what it found', async () => {
		const source = watched({ id: 7 });
		const client = fakeClient({
			addSource: vi.fn(() => Promise.resolve(source)),
			refreshSource: vi.fn(() =>
				Promise.resolve({
					source: { ...source, name: 'Vercel' },
					seen: 2,
					new_jobs: 2,
					updated: 0,
					unchanged: 0,
					flagged: 0,
					duration_ms: 12
				})
			)
		});
		setApiClient(client);
		render(AddBoardForm);
		await submit('https://job-boards.greenhouse.io/vercel');
		expect(client.addSource).toHaveBeenCalledWith('greenhouse', 'https://job-boards.greenhouse.io/vercel');
		expect(await screen.findByText('Vercel: 2 jobs listed, 2 new, 0 updated.')).toBeTruthy();
		expect(client.refreshSource).toHaveBeenCalledWith(7);
	});

	it('shows the error naming the board when the fetch fails', async () => {
		const message = "Greenhouse board 'nosuchco' was not found (HTTP 404): check the name or URL";
		setApiClient(
			fakeClient({
				addSource: vi.fn(() => Promise.resolve(watched({ param: 'nosuchco' }))),
				refreshSource: vi.fn(() => Promise.reject({ code: 'source_not_found', message }))
			})
		);
		render(AddBoardForm);
		await submit('nosuchco');
		const alert = await screen.findByRole('alert');
		expect(alert.textContent?.trim()).toBe(message);
	});

	it('shows input errors from Rust as they are', async () => {
		setApiClient(
			fakeClient({
				addSource: vi.fn(() => Promise.reject(new ApiError('invalid_input', "'x y' is not a board")))
			})
		);
		render(AddBoardForm);
		await submit('x y');
		expect((await screen.findByRole('alert')).textContent?.trim()).toBe("'x y' is not a board");
	});
});
