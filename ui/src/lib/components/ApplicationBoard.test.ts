import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { STATUSES } from '$lib/applications';
import { application } from '$lib/testing/fakeClient';
import ApplicationBoard from './ApplicationBoard.svelte';

const columns = STATUSES.filter((status) => status !== 'archived');

describe('ApplicationBoard', () => {
	it('puts each application in its status column', () => {
		render(ApplicationBoard, {
			applications: [
				application({ id: 1, status: 'saved' }),
				application({ id: 2, status: 'offer', title: 'Staff' })
			],
			columns,
			onmove: vi.fn(),
			onopen: vi.fn()
		});
		expect(screen.getByTestId('column-saved').textContent).toContain('Account Executive');
		expect(screen.getByTestId('column-offer').textContent).toContain('Staff');
		expect(screen.queryByTestId('column-archived')).toBeNull();
	});

	it('moves a card with Shift+arrows or brackets and opens it with Enter', async () => {
		const onmove = vi.fn();
		const onopen = vi.fn();
		const card = application({ status: 'applied' });
		render(ApplicationBoard, { applications: [card], columns, onmove, onopen });
		const element = screen.getByTestId('application-card');

		await fireEvent.keyDown(element, { key: 'ArrowRight', shiftKey: true });
		expect(onmove).toHaveBeenLastCalledWith(card, 'interviewing');
		await fireEvent.keyDown(element, { key: '[' });
		expect(onmove).toHaveBeenLastCalledWith(card, 'preparing');
		await fireEvent.keyDown(element, { key: 'ArrowRight' });
		expect(onmove).toHaveBeenCalledTimes(2);
		await fireEvent.keyDown(element, { key: 'Enter' });
		expect(onopen).toHaveBeenCalledWith(card);
	});

	it('does not move past the last shown column', async () => {
		const onmove = vi.fn();
		render(ApplicationBoard, {
			applications: [application({ status: 'withdrawn' })],
			columns,
			onmove,
			onopen: vi.fn()
		});
		await fireEvent.keyDown(screen.getByTestId('application-card'), { key: 'ArrowRight', shiftKey: true });
		expect(onmove).not.toHaveBeenCalled();
	});

	it('drops a dragged card on the column under the pointer, and the drop is not a click', async () => {
		const onmove = vi.fn();
		const onopen = vi.fn();
		const card = application({ status: 'saved' });
		render(ApplicationBoard, { applications: [card], columns, onmove, onopen });
		const offer = screen.getByTestId('column-offer');
		// jsdom has no layout: the pointer is "over" the Offer column.
		document.elementFromPoint = vi.fn(() => offer);
		const element = screen.getByTestId('application-card');

		await fireEvent.pointerDown(element, { button: 0, clientX: 10, clientY: 10 });
		await fireEvent.pointerMove(window, { clientX: 200, clientY: 40 });
		expect(offer.classList.contains('target')).toBe(true);
		await fireEvent.pointerUp(window, { clientX: 200, clientY: 40 });
		await fireEvent.click(element);
		expect(onmove).toHaveBeenCalledWith(card, 'offer');
		expect(onopen).not.toHaveBeenCalled();
	});

	it('treats a press without movement as a click', async () => {
		const onmove = vi.fn();
		const onopen = vi.fn();
		render(ApplicationBoard, { applications: [application()], columns, onmove, onopen });
		const element = screen.getByTestId('application-card');
		await fireEvent.pointerDown(element, { button: 0, clientX: 10, clientY: 10 });
		await fireEvent.pointerMove(window, { clientX: 12, clientY: 11 });
		await fireEvent.pointerUp(window, { clientX: 12, clientY: 11 });
		await fireEvent.click(element);
		expect(onmove).not.toHaveBeenCalled();
		expect(onopen).toHaveBeenCalled();
	});
});
