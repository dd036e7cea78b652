import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { InboxMessage } from '$lib/bindings/InboxMessage';
import { fakeClient, inboxMessage, inboxSettingsView } from '$lib/testing/fakeClient';
import InboxReview from './InboxReview.svelte';

const connected = inboxSettingsView({
	settings: {
		host: 'imap.example.com',
		port: 993,
		user: 'ada@example.com',
		security: 'tls',
		folders: ['INBOX'],
		enabled: true,
		since: null,
		auto_apply: false,
		ask_model: false
	},
	password_set: true,
	password_source: 'keychain'
});

describe('InboxReview', () => {
	it('lists proposals with the words that decided them and accepts one', async () => {
		const pending = inboxMessage();
		const acceptInboxProposal = vi.fn((id: number) =>
			Promise.resolve<InboxMessage>({ ...pending, id, review: 'accepted' })
		);
		setApiClient(
			fakeClient({
				inboxReview: vi.fn(() => Promise.resolve([pending])),
				inboxSettings: vi.fn(() => Promise.resolve(connected)),
				acceptInboxProposal
			})
		);
		render(InboxReview);
		const card = await screen.findByTestId('inbox-message');
		expect(card.textContent).toContain('Rejection');
		expect(card.textContent).toContain('85% sure');
		expect(screen.getByTestId('inbox-evidence').textContent).toContain('move forward with other candidates');
		await fireEvent.click(screen.getByTestId('inbox-accept'));
		expect(acceptInboxProposal).toHaveBeenCalledWith(1);
		expect((await screen.findByTestId('inbox-review-state')).textContent).toContain(
			'Accepted: moved to Rejected'
		);
	});

	it('shows a hostile subject as text, never as markup', async () => {
		const hostile = inboxMessage({ subject: '<img src=x onerror="alert(1)">Offer', evidence: '<b>bold</b>' });
		setApiClient(fakeClient({ inboxReview: vi.fn(() => Promise.resolve([hostile])) }));
		render(InboxReview);
		const card = await screen.findByTestId('inbox-message');
		expect(card.querySelector('img')).toBeNull();
		expect(card.querySelector('b')).toBeNull();
		expect(card.textContent).toContain('<img src=x');
	});

	it('dismisses with an undo at hand', async () => {
		const pending = inboxMessage();
		const dismissInboxProposal = vi.fn(() =>
			Promise.resolve<InboxMessage>({ ...pending, review: 'dismissed' })
		);
		const reopenInboxProposal = vi.fn(() => Promise.resolve<InboxMessage>({ ...pending, review: 'pending' }));
		setApiClient(
			fakeClient({
				inboxReview: vi.fn(() => Promise.resolve([pending])),
				dismissInboxProposal,
				reopenInboxProposal
			})
		);
		render(InboxReview);
		await fireEvent.click(await screen.findByTestId('inbox-dismiss'));
		await fireEvent.click(await screen.findByTestId('inbox-undo'));
		expect(reopenInboxProposal).toHaveBeenCalledWith(1);
		expect(await screen.findByTestId('inbox-accept')).toBeTruthy();
	});

	it('checks now and says what the check found, or why it failed', async () => {
		const checkInbox = vi
			.fn()
			.mockResolvedValueOnce({
				messages_seen: 4,
				matched: 1,
				proposals: [],
				folders: [],
				since: '2026-11-01'
			})
			.mockRejectedValueOnce({
				code: 'inbox_login_refused',
				message: 'the mail server refused the user name or app password: x'
			});
		setApiClient(fakeClient({ inboxSettings: vi.fn(() => Promise.resolve(connected)), checkInbox }));
		render(InboxReview);
		await fireEvent.click(await screen.findByTestId('inbox-check'));
		expect((await screen.findByTestId('inbox-notice')).textContent).toContain(
			'Read 4 messages; 1 about your applications'
		);
		await fireEvent.click(screen.getByTestId('inbox-check'));
		expect((await screen.findByTestId('inbox-error')).textContent).toContain(
			'refused the user name or app password'
		);
	});

	it('stays out of the way when no mailbox is connected and nothing waits', async () => {
		setApiClient(fakeClient());
		render(InboxReview);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(screen.queryByTestId('inbox-review')).toBeNull();
	});
});
