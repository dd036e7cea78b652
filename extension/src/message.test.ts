import { describe, expect, it } from 'vitest';
import type { PagePosting } from './extract';
import { MAX_MESSAGE_BYTES, buildSaveMessage, buildTrackMessage, preview } from './message';

const visible: PagePosting = {
	url: 'https://careers.acme.example/jobs/7',
	page_title: 'Careers',
	jsonld: null,
	job: { title: 'Data Engineer', company: 'Acme', location: 'Berlin', description_html: '<p>SQL</p>' }
};

describe('buildSaveMessage', () => {
	it('builds the message the host reads', () => {
		const built = buildSaveMessage(visible);
		expect(built).toEqual({ ok: true, message: { type: 'save', ...visible } });
	});

	it('refuses pages it cannot keep', () => {
		expect(buildSaveMessage({ ...visible, url: 'chrome://settings' })).toMatchObject({ ok: false });
		expect(buildSaveMessage({ ...visible, url: 'not a url' })).toMatchObject({ ok: false });
		expect(buildSaveMessage({ ...visible, job: null })).toEqual({
			ok: false,
			reason: 'No job posting was found on this page.'
		});
	});

	it('cuts a huge description to stay under the host’s limit', () => {
		const huge = { ...visible, job: { ...visible.job!, description_html: 'x'.repeat(3_000_000) } };
		const built = buildSaveMessage(huge);
		expect(built.ok).toBe(true);
		if (built.ok) {
			expect(new TextEncoder().encode(JSON.stringify(built.message)).length).toBeLessThanOrEqual(
				MAX_MESSAGE_BYTES
			);
			expect(built.message.job?.title).toBe('Data Engineer');
		}
	});
});

describe('preview', () => {
	it('shows the JSON-LD posting when there is one, in a graph too', () => {
		const shown = preview({
			...visible,
			jsonld: [
				{
					'@graph': [
						{ '@type': 'WebPage' },
						{
							'@type': 'JobPosting',
							title: 'Platform Engineer',
							hiringOrganization: { name: 'Initech' },
							jobLocation: { address: { addressLocality: 'Austin' } }
						}
					]
				}
			]
		});
		expect(shown).toEqual({ title: 'Platform Engineer', company: 'Initech', location: 'Austin' });
	});

	it('falls back to what the page shows', () => {
		expect(preview(visible)).toEqual({ title: 'Data Engineer', company: 'Acme', location: 'Berlin' });
	});

	it('shows the site as the company when the page names none, as Jobhound stores it', () => {
		const noCompany = { ...visible, url: 'https://www.careers.abc.example/se', job: null };
		const jsonld = [{ '@type': 'JobPosting', title: 'Software Engineer' }];
		expect(preview({ ...noCompany, jsonld }).company).toBe('careers.abc.example');
		const withVisible = { ...visible, jsonld, job: { ...visible.job!, company: 'ABC Company Inc.' } };
		expect(preview(withVisible).company).toBe('ABC Company Inc.');
	});
});

describe('buildTrackMessage', () => {
	it('names only the job the host just saved', () => {
		expect(buildTrackMessage(42)).toEqual({ type: 'track', job_id: 42 });
	});
});
