import { listen } from '@tauri-apps/api/event';
import { call } from './call';
import type { InboxChecked, InboxClient } from './inbox';

export const tauriInbox: InboxClient = {
	inboxPresets: () => call('inbox_presets'),
	inboxSettings: () => call('inbox_settings'),
	setInboxSettings: (settings, password) => call('set_inbox_settings', { settings, password }),
	forgetInboxPassword: () => call('forget_inbox_password'),
	testInboxConnection: (mailbox, password) => call('test_inbox_connection', { mailbox, password }),
	checkInbox: () => call('check_inbox'),
	inboxReview: () => call('inbox_review'),
	applicationMessages: (applicationId) => call('application_messages', { applicationId }),
	acceptInboxProposal: (id) => call('accept_inbox_proposal', { id }),
	changeInboxProposal: (id, status) => call('change_inbox_proposal', { id, status }),
	dismissInboxProposal: (id) => call('dismiss_inbox_proposal', { id }),
	reopenInboxProposal: (id) => call('reopen_inbox_proposal', { id }),
	onInboxChecked: (handler) => listen('inbox-checked', (event) => handler(event.payload as InboxChecked))
};
