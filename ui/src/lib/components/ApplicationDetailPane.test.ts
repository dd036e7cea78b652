import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { applicationDetail, fakeClient } from '$lib/testing/fakeClient';
import ApplicationDetailPane from './ApplicationDetailPane.svelte';

describe('ApplicationDetailPane', () => {
	it('shows the timeline and saves notes and a follow-up date', async () => {
		const detail = applicationDetail({
			status: 'applied',
			timeline: [
				{
					from_status: null,
					to_status: 'saved',
					created_at: '2026-11-01T10:00:00Z',
					actor: 'you',
					note: null
				},
				{
					from_status: 'saved',
					to_status: 'applied',
					created_at: '2026-11-03T10:00:00Z',
					actor: 'you',
					note: null
				}
			]
		});
		const updateApplication = vi.fn((_id: number, update) => Promise.resolve({ ...detail, ...update }));
		const onchanged = vi.fn();
		setApiClient(fakeClient({ getApplication: vi.fn(() => Promise.resolve(detail)), updateApplication }));
		render(ApplicationDetailPane, { id: 3, onchanged, onclose: vi.fn() });

		const timeline = await screen.findByTestId('application-timeline');
		expect(timeline.textContent).toContain('Added as Saved');
		expect(timeline.textContent).toContain('Saved → Applied');
		const save = screen.getByTestId('application-save') as HTMLButtonElement;
		expect(save.disabled).toBe(true);

		await fireEvent.input(screen.getByPlaceholderText(/Who you spoke to/), {
			target: { value: 'Call with Sam' }
		});
		await fireEvent.input(screen.getByTestId('application-follow-up'), { target: { value: '2026-12-01' } });
		await fireEvent.click(save);
		expect(updateApplication).toHaveBeenCalledWith(3, {
			notes: 'Call with Sam',
			follow_up_on: '2026-12-01',
			resume_id: null
		});
		await vi.waitFor(() => expect(onchanged).toHaveBeenCalled());
	});

	it('deletes only after confirmation', async () => {
		const deleteApplication = vi.fn(() => Promise.resolve());
		const onclose = vi.fn();
		setApiClient(
			fakeClient({ getApplication: vi.fn(() => Promise.resolve(applicationDetail())), deleteApplication })
		);
		render(ApplicationDetailPane, { id: 3, onchanged: vi.fn(), onclose });
		await fireEvent.click(await screen.findByText('Delete application…'));
		await fireEvent.keyDown(window, { key: 'Escape' });
		expect(screen.queryByTestId('confirm-dialog')).toBeNull();
		expect(deleteApplication).not.toHaveBeenCalled();

		await fireEvent.click(screen.getByText('Delete application…'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
		expect(deleteApplication).toHaveBeenCalledWith(3);
	});

	it('marks what the AI assistant did and shows its notes', async () => {
		const detail = applicationDetail({
			status: 'applied',
			timeline: [
				{
					from_status: null,
					to_status: 'applied',
					created_at: '2026-11-01T10:00:00Z',
					actor: 'assistant',
					note: null
				},
				{
					from_status: 'applied',
					to_status: 'applied',
					created_at: '2026-11-02T10:00:00Z',
					actor: 'assistant',
					note: 'Referred by Sam'
				}
			]
		});
		setApiClient(fakeClient({ getApplication: vi.fn(() => Promise.resolve(detail)) }));
		render(ApplicationDetailPane, { id: 3, onchanged: vi.fn(), onclose: vi.fn() });
		const timeline = await screen.findByTestId('application-timeline');
		expect(timeline.textContent).toContain('Added as Applied');
		expect(timeline.textContent).toContain('Note: Referred by Sam');
		expect(timeline.textContent?.match(/by your AI assistant/g)?.length).toBe(2);
	});
});
