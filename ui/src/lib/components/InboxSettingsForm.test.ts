import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { fakeClient, inboxSettingsView } from '$lib/testing/fakeClient';
import InboxSettingsForm from './InboxSettingsForm.svelte';

const gmail = {
	id: 'gmail',
	name: 'Gmail',
	host: 'imap.gmail.com',
	port: 993,
	security: 'tls' as const,
	app_password_url: 'https://myaccount.google.com/apppasswords',
	app_password_help: 'Turn on 2-Step Verification, then create an app password.'
};

describe('InboxSettingsForm', () => {
	it('fills a provider, tests the connection, lets folders be chosen and saves the password once', async () => {
		const testInboxConnection = vi.fn(() => Promise.resolve(['INBOX', 'Jobs', 'Newsletters']));
		const setInboxSettings = vi.fn((settings) =>
			Promise.resolve(inboxSettingsView({ settings, password_set: true, password_source: 'keychain' }))
		);
		setApiClient(
			fakeClient({
				inboxPresets: vi.fn(() => Promise.resolve([gmail])),
				testInboxConnection,
				setInboxSettings
			})
		);
		render(InboxSettingsForm);
		await fireEvent.click(await screen.findByText('Gmail'));
		expect((screen.getByTestId('inbox-host') as HTMLInputElement).value).toBe('imap.gmail.com');
		expect(screen.getByTestId('inbox-preset-help').textContent).toContain('app password');
		await fireEvent.input(screen.getByTestId('inbox-user'), { target: { value: 'ada@gmail.com' } });
		await fireEvent.input(screen.getByTestId('inbox-password'), { target: { value: 'abcd efgh' } });
		await fireEvent.click(screen.getByTestId('inbox-test'));
		expect(testInboxConnection).toHaveBeenCalledWith(
			{ host: 'imap.gmail.com', port: 993, user: 'ada@gmail.com', security: 'tls', folders: [] },
			'abcd efgh'
		);
		const folders = await screen.findByTestId('inbox-folders');
		expect(folders.textContent).toContain('Jobs');
		await fireEvent.click(screen.getByLabelText('Jobs'));
		await fireEvent.click(screen.getByTestId('inbox-save'));
		expect(setInboxSettings).toHaveBeenCalledWith(
			expect.objectContaining({ host: 'imap.gmail.com', folders: ['INBOX', 'Jobs'], auto_apply: false }),
			'abcd efgh'
		);
		expect((await screen.findByTestId('inbox-password-status')).textContent).toContain(
			'stored in the system keychain'
		);
		expect((screen.getByTestId('inbox-password') as HTMLInputElement).value).toBe('');
	});

	it('marks the field a refusal is about', async () => {
		setApiClient(
			fakeClient({
				setInboxSettings: vi.fn(() =>
					Promise.reject({
						code: 'invalid_input',
						message: 'An unencrypted connection would send the password in the clear.',
						field: 'security'
					})
				)
			})
		);
		render(InboxSettingsForm);
		await fireEvent.click(await screen.findByTestId('inbox-save'));
		expect((await screen.findByTestId('inbox-settings-error')).textContent).toContain('unencrypted');
		expect(screen.getByTestId('inbox-security').getAttribute('aria-invalid')).toBe('true');
	});
});
