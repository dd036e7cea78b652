import { describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import { applicationDetail, fakeClient } from '$lib/testing/fakeClient';
import { changeStatus, Confirmation } from './confirmation.svelte';

const warning = new ApiError(
	'recently_applied',
	'You already applied to Vercel for "AE" on 3 Nov. Apply anyway?'
);

describe('changeStatus', () => {
	it('asks before applying again and applies when the person says yes', async () => {
		const setApplicationStatus = vi
			.fn()
			.mockRejectedValueOnce(warning)
			.mockResolvedValueOnce(applicationDetail({ status: 'applied' }));
		setApiClient(fakeClient({ setApplicationStatus }));
		const confirmation = new Confirmation();

		const moving = changeStatus(confirmation, 1, 'applied');
		await vi.waitFor(() => expect(confirmation.question?.message).toBe(warning.message));
		confirmation.answer(true);
		expect((await moving)?.status).toBe('applied');
		expect(setApplicationStatus.mock.calls).toEqual([
			[1, 'applied', false],
			[1, 'applied', true]
		]);
	});

	it('changes nothing when the person says no', async () => {
		const setApplicationStatus = vi.fn().mockRejectedValueOnce(warning);
		setApiClient(fakeClient({ setApplicationStatus }));
		const confirmation = new Confirmation();
		const moving = changeStatus(confirmation, 1, 'applied');
		await vi.waitFor(() => expect(confirmation.question).not.toBeNull());
		confirmation.answer(false);
		expect(await moving).toBeNull();
		expect(setApplicationStatus).toHaveBeenCalledTimes(1);
	});

	it('passes any other error on', async () => {
		setApiClient(
			fakeClient({ setApplicationStatus: vi.fn().mockRejectedValue(new ApiError('not_found', 'gone')) })
		);
		await expect(changeStatus(new Confirmation(), 1, 'offer')).rejects.toThrow('gone');
	});
});
