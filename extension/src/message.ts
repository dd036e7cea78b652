import type { PagePosting } from './extract';

/** The message the native messaging host reads (see jobhound-cli native-host). */
export interface SaveMessage extends PagePosting {
	type: 'save';
}

/** Puts a job the host just saved on the person's applications board. */
export interface TrackMessage {
	type: 'track';
	job_id: number;
}

export type HostAnswer =
	| { ok: true; job_id: number; new_job: boolean }
	| { ok: true; application_id: number; status: string; new_application: boolean }
	| { ok: false; error: string };

export function buildTrackMessage(jobId: number): TrackMessage {
	return { type: 'track', job_id: jobId };
}

/** The host refuses messages over 1 MB; this stays well under it. */
export const MAX_MESSAGE_BYTES = 900_000;

export type Built = { ok: true; message: SaveMessage } | { ok: false; reason: string };

function size(message: SaveMessage): number {
	return new TextEncoder().encode(JSON.stringify(message)).length;
}

/** The save message for a page, or why this page cannot be saved. */
export function buildSaveMessage(posting: PagePosting): Built {
	let address: URL;
	try {
		address = new URL(posting.url);
	} catch {
		return { ok: false, reason: 'This page has no address Jobhound can keep.' };
	}
	if (address.protocol !== 'https:' && address.protocol !== 'http:') {
		return { ok: false, reason: 'Only pages on the web can be saved.' };
	}
	if (!posting.jsonld && !posting.job?.title) {
		return { ok: false, reason: 'No job posting was found on this page.' };
	}
	const message: SaveMessage = { type: 'save', ...posting };
	// A long description is cut rather than the save refused; JSON-LD is kept whole or dropped.
	while (size(message) > MAX_MESSAGE_BYTES && message.job?.description_html) {
		const description = message.job.description_html;
		message.job = {
			...message.job,
			description_html: description.slice(0, Math.floor(description.length / 2))
		};
	}
	if (size(message) > MAX_MESSAGE_BYTES && message.jsonld) {
		message.jsonld = null;
	}
	if (size(message) > MAX_MESSAGE_BYTES || (!message.jsonld && !message.job?.title)) {
		return { ok: false, reason: 'This posting is too large to save.' };
	}
	return { ok: true, message };
}

/** The JobPosting objects in a JSON-LD value: itself, in a list, or in a graph. */
function jobPostings(value: unknown): Record<string, unknown>[] {
	if (Array.isArray(value)) return value.flatMap((item) => jobPostings(item));
	if (value && typeof value === 'object') {
		const object = value as Record<string, unknown>;
		const type = object['@type'];
		if (type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'))) return [object];
		return ['@graph', 'itemListElement', 'item'].flatMap((key) =>
			key in object ? jobPostings(object[key]) : []
		);
	}
	return [];
}

/** The site, which Jobhound stores as the company when the page names none. */
function site(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return '';
	}
}

/**
 * What the person sees before saving, as Jobhound will store it: from JSON-LD when the page has it,
 * else from the page; a company neither names is the site's.
 */
export function preview(posting: PagePosting): { title: string; company: string; location: string } {
	const found = (posting.jsonld ?? []).flatMap((value) => jobPostings(value))[0];
	const name = (value: unknown): string => {
		if (typeof value === 'string') return value.trim();
		if (Array.isArray(value)) return name(value[0]);
		if (value && typeof value === 'object') {
			const object = value as Record<string, unknown>;
			return name(object.name ?? object.address ?? object.addressLocality ?? '');
		}
		return '';
	};
	if (found) {
		const place = found.jobLocation as Record<string, unknown> | undefined;
		const address = (Array.isArray(place) ? place[0] : place)?.address as Record<string, unknown> | undefined;
		return {
			title: name(found.title) || name(found.name),
			company: name(found.hiringOrganization) || posting.job?.company || site(posting.url),
			location:
				name(address?.addressLocality) ||
				name(address) ||
				(found.jobLocationType === 'TELECOMMUTE' ? 'Remote' : '')
		};
	}
	return {
		title: posting.job?.title ?? '',
		company: posting.job?.company || site(posting.url),
		location: posting.job?.location ?? ''
	};
}
