import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPosting } from './extract';

function page(html: string, url = 'https://jobs.example.com/postings/42') {
	return new JSDOM(html, { url }).window.document;
}

describe('extractPosting', () => {
	it('keeps the JobPosting blocks and leaves out the others and broken ones', () => {
		const posting = extractPosting(
			page(`<html><head><title>Rust Engineer</title>
			<script type="application/ld+json">{"@type": "Organization", "name": "Example"}</script>
			<script type="application/ld+json">{not json</script>
			<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting", "title": "Rust Engineer"}</script>
			</head><body><h1>Rust Engineer</h1></body></html>`)
		);
		expect(posting.url).toBe('https://jobs.example.com/postings/42');
		expect(posting.jsonld).toEqual([
			{ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Rust Engineer' }
		]);
		expect(posting.page_title).toBe('Rust Engineer');
	});

	it('reads the visible posting of a page without JSON-LD, never what was typed into its forms', () => {
		const doc =
			page(`<html><head><meta property="og:site_name" content="Acme"><title>Careers</title></head><body>
			<main><h1 class="job-title">Data Engineer</h1><span class="job-location">Remote (EU)</span>
			<div id="job-description"><p>Build pipelines in <b>SQL</b>.</p>
			<form><input name="email"><textarea name="cover">secret</textarea></form></div></main></body></html>`);
		(doc.querySelector('input') as HTMLInputElement).value = 'ada@example.com';
		const posting = extractPosting(doc);
		expect(posting.jsonld).toBeNull();
		expect(posting.job).toEqual({
			title: 'Data Engineer',
			company: 'Acme',
			location: 'Remote (EU)',
			description_html: '<p>Build pipelines in <b>SQL</b>.</p>'
		});
		expect(JSON.stringify(posting)).not.toContain('ada@example.com');
		expect(JSON.stringify(posting)).not.toContain('secret');
	});

	it('finds no job on a page without one', () => {
		expect(extractPosting(page('<html><body><p>Hello</p></body></html>')).job).toBeNull();
	});
});
