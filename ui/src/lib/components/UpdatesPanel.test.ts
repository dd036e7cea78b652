import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import { fakeClient } from '$lib/testing/fakeClient';
import { updates } from '$lib/updates.svelte';
import UpdatesPanel from './UpdatesPanel.svelte';

const newer = {
	version: '0.2.0',
	current_version: '0.1.0',
	notes: '- Faster search\n<img src=x onerror="window.hacked=1">',
	date: '2026-12-20 00:00:00 +00:00:00'
};

function show(onToggle = vi.fn()) {
	render(UpdatesPanel, { checkAutomatically: true, onToggle });
	return onToggle;
}

describe('UpdatesPanel', () => {
	beforeEach(() => {
		updates.available = null;
		updates.dismissed = false;
	});

	it('says when this is the newest version', async () => {
		const checkForUpdate = vi.fn(() => Promise.resolve(null));
		setApiClient(fakeClient({ checkForUpdate }));
		show();
		await fireEvent.click(await screen.findByTestId('update-check'));
		expect((await screen.findByTestId('update-result')).textContent).toBe('Jobhound is up to date.');
		expect(screen.queryByTestId('update-install')).toBeNull();
	});

	it('shows a newer version with its notes as text, and installs only when asked', async () => {
		const installUpdate = vi.fn(() => new Promise<void>(() => {}));
		setApiClient(fakeClient({ checkForUpdate: vi.fn(() => Promise.resolve(newer)), installUpdate }));
		show();
		await fireEvent.click(await screen.findByTestId('update-check'));
		const offer = await screen.findByTestId('update-available');
		expect(offer.textContent).toContain('Jobhound 0.2.0 is available (you have 0.1.0).');
		const notes = screen.getByTestId('update-notes');
		expect(notes.textContent).toContain('<img src=x onerror="window.hacked=1">');
		expect(notes.querySelector('img')).toBeNull();
		expect(installUpdate).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByTestId('update-install'));
		expect(installUpdate).toHaveBeenCalledOnce();
		expect((await screen.findByTestId('update-progress')).textContent).toContain('Jobhound restarts');
	});

	it('says why an update was not installed and offers it again', async () => {
		const installUpdate = vi.fn(() =>
			Promise.reject(
				new ApiError(
					'update_not_verified',
					"The downloaded update is not signed by Jobhound's key, so it was not installed. Nothing was changed."
				)
			)
		);
		setApiClient(fakeClient({ checkForUpdate: vi.fn(() => Promise.resolve(newer)), installUpdate }));
		show();
		await fireEvent.click(await screen.findByTestId('update-check'));
		await fireEvent.click(await screen.findByTestId('update-install'));
		expect((await screen.findByTestId('update-error')).textContent).toContain('not signed by Jobhound');
		expect(screen.getByTestId('update-install')).toBeTruthy();
	});

	it('turns automatic checks off through the setting', async () => {
		setApiClient(fakeClient());
		const onToggle = show();
		await fireEvent.click(await screen.findByTestId('setting-check_for_updates'));
		expect(onToggle).toHaveBeenCalledWith(false);
	});

	it('in a build without the updater, says the package manager updates it', async () => {
		setApiClient(
			fakeClient({
				updateStatus: vi.fn(() =>
					Promise.resolve({ updater_built_in: false, current_version: '0.1.0', last_checked: null })
				)
			})
		);
		show();
		expect((await screen.findByTestId('updates')).textContent).toContain(
			"your distribution's package manager"
		);
		expect(screen.queryByTestId('update-check')).toBeNull();
	});
});
