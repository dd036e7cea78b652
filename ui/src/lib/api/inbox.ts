import type { ApplicationStatus } from '$lib/bindings/ApplicationStatus';
import type { InboxCheckReport } from '$lib/bindings/InboxCheckReport';
import type { InboxMessage } from '$lib/bindings/InboxMessage';
import type { InboxSettings } from '$lib/bindings/InboxSettings';
import type { InboxSettingsView } from '$lib/bindings/InboxSettingsView';
import type { MailboxSettings } from '$lib/bindings/MailboxSettings';
import type { MailPreset } from '$lib/bindings/MailPreset';

/** What the timer's check of the mailbox came to. */
export type InboxChecked = { ok: boolean; error: string | null; proposals: number };

/** The inbox: the mailbox read over IMAP (read-only) and the proposals replies make. */
export interface InboxClient {
	inboxPresets(): Promise<MailPreset[]>;
	inboxSettings(): Promise<InboxSettingsView>;
	/** Saves the mailbox; a password goes to the OS keychain and is never read back. */
	setInboxSettings(settings: InboxSettings, password: string | null): Promise<InboxSettingsView>;
	forgetInboxPassword(): Promise<InboxSettingsView>;
	/** Logs in and lists the folders; the stored password when none is given. */
	testInboxConnection(mailbox: MailboxSettings, password: string | null): Promise<string[]>;
	checkInbox(): Promise<InboxCheckReport>;
	/** Proposals waiting for review, newest first. */
	inboxReview(): Promise<InboxMessage[]>;
	/** An application's messages, oldest first. */
	applicationMessages(applicationId: number): Promise<InboxMessage[]>;
	acceptInboxProposal(id: number): Promise<InboxMessage>;
	changeInboxProposal(id: number, status: ApplicationStatus): Promise<InboxMessage>;
	dismissInboxProposal(id: number): Promise<InboxMessage>;
	/** Takes a dismissal back. */
	reopenInboxProposal(id: number): Promise<InboxMessage>;
	onInboxChecked(handler: (checked: InboxChecked) => void): Promise<() => void>;
}
