import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom has no PointerEvent; the board's dragging reads only what MouseEvent already carries.
if (typeof globalThis.PointerEvent === 'undefined') {
	class PointerEvent extends MouseEvent {
		readonly pointerId: number;
		constructor(type: string, init: PointerEventInit = {}) {
			super(type, init);
			this.pointerId = init.pointerId ?? 1;
		}
	}
	globalThis.PointerEvent = PointerEvent as unknown as typeof globalThis.PointerEvent;
}

// jsdom has no layout, so nothing ever resizes; bind:clientHeight only needs the constructor.
if (typeof globalThis.ResizeObserver === 'undefined') {
	globalThis.ResizeObserver = class {
		observe() {}
		unobserve() {}
		disconnect() {}
	} as unknown as typeof globalThis.ResizeObserver;
}
