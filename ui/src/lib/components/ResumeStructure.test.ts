import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { ResumeStructure as Structure } from '$lib/bindings/ResumeStructure';
import { fakeClient } from '$lib/testing/fakeClient';
import ResumeStructure from './ResumeStructure.svelte';

function structure(organization: string, corrected: boolean): Structure {
	return {
		resume_id: 3,
		sections: {
			contact: ['Jane Doe'],
			summary: [],
			experience: [
				{
					title: 'Software Engineer',
					organization,
					dates: '2016 - 2019',
					bullets: ['Maintained the billing service'],
					lines: []
				}
			],
			education: [],
			skills: ['Java'],
			projects: [],
			other: []
		},
		sections_text: `Jane Doe\nExperience\nSoftware Engineer, ${organization} | 2016 - 2019\n- Maintained the billing service\nSkills\nJava`,
		corrected,
		text: 'Jane Doe\nSoftware Engineer, Foo Inc. | 2016 - 2019\n- Maintained the billing service\nSkills\nJava'
	};
}

describe('ResumeStructure', () => {
	it('shows the structure beside the text, keeps a correction and can drop it after asking', async () => {
		const correctResumeStructure = vi.fn((id: number, text: string) =>
			Promise.resolve(
				structure(id === 3 && text.includes('Incorporated') ? 'Foo Incorporated' : 'Foo Inc', true)
			)
		);
		const resetResumeStructure = vi.fn(() => Promise.resolve(structure('Foo Inc', false)));
		setApiClient(
			fakeClient({
				resumeStructure: vi.fn(() => Promise.resolve(structure('Foo Inc', false))),
				correctResumeStructure,
				resetResumeStructure
			})
		);
		render(ResumeStructure, { resumeId: 3 });
		const entry = await screen.findByTestId('structure-entry');
		expect(entry.textContent).toContain('Software Engineer');
		expect(entry.textContent).toContain('Foo Inc');
		expect(entry.textContent).toContain('2016 - 2019');
		expect(screen.getByTestId('resume-structure').textContent).toContain('As Jobhound read it from the text');
		expect(screen.queryByTestId('structure-reset')).toBeNull();

		await fireEvent.click(screen.getByTestId('structure-edit'));
		const editor = screen.getByTestId('structure-text') as HTMLTextAreaElement;
		expect(editor.value).toContain('Software Engineer, Foo Inc | 2016 - 2019');
		const fixed = editor.value.replace('Foo Inc |', 'Foo Incorporated |');
		await fireEvent.input(editor, { target: { value: fixed } });
		await fireEvent.click(screen.getByTestId('structure-save'));
		await vi.waitFor(() => expect(correctResumeStructure).toHaveBeenCalledWith(3, fixed));
		expect((await screen.findByTestId('structure-entry')).textContent).toContain('Foo Incorporated');
		expect(screen.getByRole('status').textContent).toContain('the resume file is unchanged');

		await fireEvent.click(screen.getByTestId('structure-reset'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		await vi.waitFor(() => expect(resetResumeStructure).toHaveBeenCalledWith(3));
		await vi.waitFor(() =>
			expect(screen.getByTestId('structure-entry').textContent).not.toContain('Incorporated')
		);
	});
});
