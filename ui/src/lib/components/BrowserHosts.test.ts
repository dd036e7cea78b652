import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { HostStatus } from '$lib/bindings/HostStatus';
import { fakeClient } from '$lib/testing/fakeClient';
import BrowserHosts from './BrowserHosts.svelte';

function host(overrides: Partial<HostStatus>): HostStatus {
	return {
		browser: 'chromium',
		name: 'Chromium',
		found: true,
		installed: false,
		points_at: null,
		manifest_path: '/home/ada/.config/chromium/NativeMessagingHosts/app.jobhound.save.json',
		...overrides
	};
}

describe('BrowserHosts', () => {
	it('lists browsers found first and installs and removes the host', async () => {
		const installBrowserHost = vi.fn(() =>
			Promise.resolve(host({ installed: true, points_at: '/usr/bin/jobhound-cli' }))
		);
		const removeBrowserHost = vi.fn(() => Promise.resolve(host({})));
		setApiClient(
			fakeClient({
				browserHosts: vi.fn(() =>
					Promise.resolve([host({ browser: 'firefox', name: 'Firefox', found: false }), host({})])
				),
				installBrowserHost,
				removeBrowserHost
			})
		);
		render(BrowserHosts);
		const chromium = await screen.findByTestId('browser-host-chromium');
		expect(screen.getByTestId('browser-hosts').querySelector('li')?.textContent).toContain('Chromium');
		expect(screen.getByTestId('browser-host-firefox').textContent).toContain('Not found on this computer');
		await fireEvent.click(screen.getByTestId('browser-host-chromium-toggle'));
		expect(installBrowserHost).toHaveBeenCalledWith('chromium');
		await vi.waitFor(() => expect(chromium.textContent).toContain('Installed'));
		await fireEvent.click(screen.getByTestId('browser-host-chromium-toggle'));
		expect(removeBrowserHost).toHaveBeenCalledWith('chromium');
	});
});
