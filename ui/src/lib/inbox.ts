import type { InboxMessage } from '$lib/bindings/InboxMessage';
import type { MailStatus } from '$lib/bindings/MailStatus';
import { STATUS_LABELS } from './applications';

export const KIND_LABELS: Record<MailStatus, string> = {
	received: 'Application received',
	rejected: 'Rejection',
	interview: 'Interview invitation',
	assessment: 'Assessment',
	offer: 'Offer',
	other: 'Other message'
};

/** "Move to Rejected" for a proposal; "" when the message proposes nothing. */
export function proposalLabel(message: InboxMessage): string {
	return message.proposed_status ? `Move to ${STATUS_LABELS[message.proposed_status]}` : '';
}

/** "85% sure" from the rules' or the model's confidence. */
export function sureLabel(confidence: number): string {
	return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}% sure`;
}

/** What happened to a reviewed proposal, for the timeline. */
export function reviewLabel(message: InboxMessage): string {
	switch (message.review) {
		case 'accepted':
			return `Accepted: moved to ${message.proposed_status ? STATUS_LABELS[message.proposed_status] : ''}`;
		case 'changed':
			return `Moved to ${message.chosen_status ? STATUS_LABELS[message.chosen_status] : ''} instead`;
		case 'dismissed':
			return 'Dismissed';
		case 'applied_itself':
			return `Applied itself: moved to ${message.proposed_status ? STATUS_LABELS[message.proposed_status] : ''}`;
		case 'noted':
			return 'Nothing to change';
		default:
			return 'Waiting for you';
	}
}
