import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { fakeClient } from '$lib/testing/fakeClient';
import SkillFit from './SkillFit.svelte';

describe('SkillFit', () => {
	it('marks the skills the resume shows and those it lacks', async () => {
		const skillFit = vi.fn(() =>
			Promise.resolve({ resume_id: 4, resume_name: 'Ada CV', matched: ['Rust'], missing: ['Kubernetes'] })
		);
		setApiClient(fakeClient({ skillFit }));
		render(SkillFit, { jobId: 7 });
		const section = await screen.findByTestId('skill-fit');
		expect(skillFit).toHaveBeenCalledWith(7);
		expect(section.textContent).toContain('against “Ada CV”');
		expect(screen.getByTitle('Your resume shows it').textContent).toContain('Rust');
		expect(screen.getByTitle('Not in your resume').textContent).toContain('Kubernetes');
	});

	it('asks for a resume when there is none, and hides when the job names no skills', async () => {
		setApiClient(
			fakeClient({
				skillFit: vi.fn(() =>
					Promise.resolve({ resume_id: null, resume_name: null, matched: [], missing: ['SQL'] })
				)
			})
		);
		const { unmount } = render(SkillFit, { jobId: 1 });
		expect((await screen.findByTestId('skill-fit')).textContent).toContain('import a resume');
		unmount();
		setApiClient(fakeClient());
		render(SkillFit, { jobId: 2 });
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(screen.queryByTestId('skill-fit')).toBeNull();
	});
});
