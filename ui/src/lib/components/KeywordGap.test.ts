import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { JobGap } from '$lib/bindings/JobGap';
import { fakeClient } from '$lib/testing/fakeClient';
import KeywordGap from './KeywordGap.svelte';

const GAP: JobGap = {
	job_id: 7,
	resume_id: 4,
	resume_name: 'Ada CV',
	coverage: 0.6,
	terms: [
		{ term: 'Rust', kind: 'skill', status: 'present', required: true, where: ['Rust services at Acme'] },
		{ term: 'Kubernetes', kind: 'skill', status: 'alias', required: true, where: ['Ran k8s clusters'] },
		{ term: 'CKA', kind: 'certification', status: 'missing', required: true, where: [] },
		{ term: 'Kafka', kind: 'skill', status: 'missing', required: false, where: [] }
	]
};

describe('KeywordGap', () => {
	it('shows coverage, required and nice-to-have terms, and where the resume says each', async () => {
		const keywordGap = vi.fn(() => Promise.resolve(GAP));
		setApiClient(fakeClient({ keywordGap }));
		render(KeywordGap, { jobId: 7 });
		const section = await screen.findByTestId('keyword-gap');
		expect(keywordGap).toHaveBeenCalledWith(7, null);
		expect(section.textContent).toContain('against “Ada CV”');
		expect(screen.getByTestId('gap-coverage').textContent).toContain('60% covered');
		expect(screen.getByTitle('Your resume says it').textContent).toContain('Rust');
		expect(screen.getByTitle('Your resume says it another way').textContent).toContain('Kubernetes');
		expect(screen.getAllByTitle('Not in your resume').map((chip) => chip.textContent?.trim())).toEqual([
			'✗ CKA',
			'✗ Kafka'
		]);
		const headings = [...section.querySelectorAll('h4')].map((heading) => heading.textContent);
		expect(headings).toEqual(['Required', 'Nice to have']);
		await fireEvent.click(screen.getByTitle('Your resume says it another way'));
		expect(screen.getByTestId('gap-where').textContent).toContain('Ran k8s clusters');
	});

	it('lists what the job asks for when there is no resume, and hides when it asks for nothing', async () => {
		const asked: JobGap = { ...GAP, resume_id: null, resume_name: null, coverage: 0 };
		setApiClient(fakeClient({ keywordGap: vi.fn(() => Promise.resolve(asked)) }));
		const { unmount } = render(KeywordGap, { jobId: 1 });
		const section = await screen.findByTestId('keyword-gap');
		expect(section.textContent).toContain('import a resume');
		expect(screen.queryByTestId('gap-coverage')).toBeNull();
		unmount();
		setApiClient(fakeClient());
		render(KeywordGap, { jobId: 2 });
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(screen.queryByTestId('keyword-gap')).toBeNull();
	});
});
