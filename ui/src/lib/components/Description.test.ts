import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { fakeClient } from '$lib/testing/fakeClient';
import Description from './Description.svelte';

describe('Description', () => {
	it('opens web links in the system browser and never navigates the window', async () => {
		const client = fakeClient();
		setApiClient(client);
		render(Description, {
			html: '<p>See <a href="https://vercel.com/careers" rel="noopener">our site</a> and <a href="#/x">inside</a></p>'
		});
		const link = screen.getByText('our site');
		const click = new MouseEvent('click', { bubbles: true, cancelable: true });
		link.dispatchEvent(click);
		expect(click.defaultPrevented).toBe(true);
		expect(client.openExternal).toHaveBeenCalledWith('https://vercel.com/careers');

		const inside = new MouseEvent('click', { bubbles: true, cancelable: true });
		screen.getByText('inside').dispatchEvent(inside);
		expect(inside.defaultPrevented).toBe(true);
		expect(client.openExternal).toHaveBeenCalledTimes(1);
	});

	it('catches clicks on elements nested inside a link', async () => {
		const client = fakeClient();
		setApiClient(client);
		render(Description, { html: '<a href="mailto:jobs@example.com"><b>Email us</b></a>' });
		await fireEvent.click(screen.getByText('Email us'));
		expect(client.openExternal).toHaveBeenCalledWith('mailto:jobs@example.com');
	});

	it('says so when there is no description', () => {
		setApiClient(fakeClient({ openExternal: vi.fn() }));
		render(Description, { html: '  ' });
		expect(screen.getByText('This posting has no description.')).toBeTruthy();
	});
});
