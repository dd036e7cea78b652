/** What the extension reads of the page the person is looking at. */
export interface PagePosting {
	url: string;
	page_title: string;
	/** The page's schema.org blocks that carry a JobPosting, as JSON. */
	jsonld: unknown[] | null;
	/** The posting as the page shows it, for pages without JSON-LD. */
	job: {
		title: string | null;
		company: string | null;
		location: string | null;
		description_html: string | null;
	} | null;
}

/**
 * Reads the posting from the rendered page. It runs inside the page (chrome.scripting serializes
 * it), so it uses nothing outside its own body. It reads the page's text and markup only: never
 * form fields, cookies or storage, and nothing of other tabs.
 */
export function extractPosting(doc: Document = document): PagePosting {
	const MAX_DESCRIPTION = 400_000;
	const text = (element: Element | null | undefined, max = 300): string | null => {
		const value = (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
		return value && value.length <= max ? value : null;
	};
	const meta = (selector: string): string | null => {
		const value = doc.querySelector<HTMLMetaElement>(selector)?.content?.trim();
		return value ? value : null;
	};
	const mentionsJobPosting = (value: unknown): boolean =>
		JSON.stringify(value ?? null).includes('JobPosting');

	const jsonld: unknown[] = [];
	for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
		try {
			const value: unknown = JSON.parse(script.textContent ?? '');
			if (mentionsJobPosting(value)) jsonld.push(value);
		} catch {
			// Broken blocks are common in the wild; the visible posting stands in.
		}
	}

	const first = (selectors: string[], max?: number): string | null => {
		for (const selector of selectors) {
			for (const element of Array.from(doc.querySelectorAll(selector))) {
				const found = text(element, max);
				if (found) return found;
			}
		}
		return null;
	};
	const title =
		first(['[itemprop="title"]', '[data-testid*="job-title" i]', '[class*="job-title" i]', 'h1'], 300) ??
		meta('meta[property="og:title"]');
	const company =
		first(
			['[itemprop="hiringOrganization"]', '[data-testid*="company" i]', '[class*="company-name" i]'],
			120
		) ?? meta('meta[property="og:site_name"]');
	const location = first(
		[
			'[itemprop="jobLocation"]',
			'[data-testid*="location" i]',
			'[class*="job-location" i]',
			'[class*="location" i]'
		],
		160
	);
	const holder =
		doc.querySelector('[itemprop="description"]') ??
		doc.querySelector('[id*="job-description" i], [class*="job-description" i], [class*="jobDescription"]') ??
		doc.querySelector('[id*="description" i], [class*="description" i]') ??
		doc.querySelector('article') ??
		doc.querySelector('main');
	let description: string | null = null;
	if (holder) {
		const copy = holder.cloneNode(true) as Element;
		// Forms, scripts and media say nothing of the job, and form fields may hold what the person typed.
		for (const unwanted of Array.from(
			copy.querySelectorAll(
				'form, input, textarea, select, button, script, style, iframe, object, embed, svg, img, video'
			)
		)) {
			unwanted.remove();
		}
		description = copy.innerHTML.trim().slice(0, MAX_DESCRIPTION) || null;
	}
	const job = title ? { title, company, location, description_html: description } : null;
	return {
		url: doc.location?.href ?? '',
		page_title: (doc.title ?? '').trim().slice(0, 300),
		jsonld: jsonld.length ? jsonld : null,
		job
	};
}
