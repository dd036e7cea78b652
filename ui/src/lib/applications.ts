import type { ApplicationStatus } from '$lib/bindings/ApplicationStatus';

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
	saved: 'Saved',
	preparing: 'Preparing',
	applied: 'Applied',
	interviewing: 'Interviewing',
	offer: 'Offer',
	accepted: 'Accepted',
	rejected: 'Rejected',
	withdrawn: 'Withdrawn',
	archived: 'Archived'
};

/** Every status in the order an application moves through them: the board's columns. */
export const STATUSES = Object.keys(STATUS_LABELS) as ApplicationStatus[];

/** Where closed applications end up; reminders skip them. */
export const CLOSED: ReadonlySet<ApplicationStatus> = new Set([
	'accepted',
	'rejected',
	'withdrawn',
	'archived'
]);

/** The status next to `status` on the board, or null at either end. */
export function neighbour(status: ApplicationStatus, step: -1 | 1): ApplicationStatus | null {
	return STATUSES[STATUSES.indexOf(status) + step] ?? null;
}

/** Today as the local "YYYY-MM-DD" that follow-up dates use. */
export function localDate(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "12 Nov 2026" for a stored date or a local "YYYY-MM-DD". */
export function dayLabel(value: string | null): string {
	if (!value) return '';
	const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
	if (Number.isNaN(date.getTime())) return '';
	return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function fileSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file name for a document sent with an application: "KIND - Company - Title", without
 * characters file systems refuse, at most 120 characters. */
export function exportName(kind: string, company: string, title: string): string {
	const clean = (part: string) =>
		part
			.replace(/[\\/:*?"<>|]+/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
	return `${kind} - ${clean(company)} - ${clean(title)}`.slice(0, 120);
}
