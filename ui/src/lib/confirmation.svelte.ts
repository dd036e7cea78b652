import { api, ApiError } from '$lib/api';
import type { ApplicationDetail } from '$lib/bindings/ApplicationDetail';
import type { ApplicationStatus } from '$lib/bindings/ApplicationStatus';

interface Question {
	title: string;
	message: string;
	confirmLabel: string;
	danger: boolean;
	resolve: (confirmed: boolean) => void;
}

/** A question waiting for the person's answer; a view renders `ConfirmDialog` while one is open. */
export class Confirmation {
	question = $state<Question | null>(null);

	ask(title: string, message: string, confirmLabel: string, danger = false): Promise<boolean> {
		this.question?.resolve(false);
		return new Promise((resolve) => {
			this.question = { title, message, confirmLabel, danger, resolve };
		});
	}

	answer(confirmed: boolean): void {
		const question = this.question;
		this.question = null;
		question?.resolve(confirmed);
	}
}

/**
 * Moves a job's application to `status`. Applying again soon to the same company asks first;
 * null when the person says no (nothing changed).
 */
export async function changeStatus(
	confirmation: Confirmation,
	jobId: number,
	status: ApplicationStatus
): Promise<ApplicationDetail | null> {
	try {
		return await api().setApplicationStatus(jobId, status, false);
	} catch (raw) {
		const error = ApiError.from(raw);
		if (error.code !== 'recently_applied') throw error;
		const again = await confirmation.ask('Apply again?', error.message, 'Apply anyway');
		return again ? api().setApplicationStatus(jobId, status, true) : null;
	}
}
