import { describe, expect, it } from 'vitest';
import { proposalLabel, reviewLabel, sureLabel } from './inbox';
import { inboxMessage } from './testing/fakeClient';

describe('inbox labels', () => {
	it('names the move a proposal makes and how sure it is', () => {
		expect(proposalLabel(inboxMessage())).toBe('Move to Rejected');
		expect(proposalLabel(inboxMessage({ proposed_status: null }))).toBe('');
		expect(sureLabel(0.849)).toBe('85% sure');
		expect(sureLabel(1.3)).toBe('100% sure');
	});

	it('says what became of a reviewed proposal', () => {
		expect(reviewLabel(inboxMessage({ review: 'changed', chosen_status: 'offer' }))).toBe(
			'Moved to Offer instead'
		);
		expect(reviewLabel(inboxMessage({ review: 'applied_itself' }))).toBe('Applied itself: moved to Rejected');
		expect(reviewLabel(inboxMessage({ review: 'pending' }))).toBe('Waiting for you');
	});
});
