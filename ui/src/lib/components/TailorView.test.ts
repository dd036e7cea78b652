import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { TailoredResume } from '$lib/bindings/TailoredResume';
import type { TailorRequest } from '$lib/bindings/TailorRequest';
import { fakeClient, jobDetail, resume } from '$lib/testing/fakeClient';
import TailorView from './TailorView.svelte';

const ORIGINAL =
	'Jane Doe\nExperience\nPlatform Engineer, Acme GmbH | 2019 - 2024\n- Ran Kubernetes clusters for 40 teams';
const TAILORED =
	'Jane Doe\nExperience\nPlatform Engineer, Acme GmbH | 2019 - 2024\n- Ran Kubernetes clusters for 60 teams';

function tailored(overrides: Partial<TailoredResume> = {}): TailoredResume {
	return {
		id: 7,
		job_id: 4,
		version: 1,
		origin: 'generated',
		parent_id: null,
		resume_id: 2,
		sections: {
			contact: ['Jane Doe'],
			summary: [],
			experience: [
				{
					title: 'Platform Engineer',
					organization: 'Acme GmbH',
					dates: '2019 - 2024',
					bullets: ['Ran Kubernetes clusters for 60 teams'],
					lines: []
				}
			],
			education: [],
			skills: [],
			projects: [],
			other: []
		},
		text: TAILORED,
		original_text: ORIGINAL,
		notes: '',
		confirmed: [],
		violations: [
			{
				text: '60',
				kind: 'number',
				reason: 'the original never says 60',
				line: '- Ran Kubernetes clusters for 60 teams'
			}
		],
		unconfirmed: 1,
		prompt: '',
		model: 'mock-gpt',
		created_at: new Date().toISOString(),
		...overrides
	};
}

const textArea = () => screen.getByTestId('tailor-text') as HTMLTextAreaElement;

describe('TailorView', () => {
	it('streams a tailoring, marks the questioned claim and keeps export closed until it is settled', async () => {
		let send: (text: string) => void = () => {};
		let finish: (value: TailoredResume) => void = () => {};
		const tailorResume = vi.fn((_request: TailorRequest, onText: (text: string) => void) => {
			send = onText;
			return new Promise<TailoredResume>((resolve) => (finish = resolve));
		});
		const confirmTailoredClaim = vi.fn(() =>
			Promise.resolve(tailored({ confirmed: ['60'], unconfirmed: 0 }))
		);
		setApiClient(
			fakeClient({
				getJob: vi.fn(() => Promise.resolve(jobDetail())),
				listResumes: vi.fn(() => Promise.resolve([resume({ id: 2 })])),
				tailorResume,
				confirmTailoredClaim
			})
		);
		render(TailorView, { jobId: 4 });
		expect(await screen.findByText(/Tailor your resume for Rust Engineer at Acme/)).toBeTruthy();
		await fireEvent.input(screen.getByTestId('tailor-notes'), { target: { value: 'I led 3 teams' } });
		await fireEvent.click(await screen.findByTestId('tailor-write'));
		expect(tailorResume.mock.calls[0]?.[0]).toEqual({ job_id: 4, resume_id: null, notes: 'I led 3 teams' });
		send('{"contact": ');
		await vi.waitFor(() =>
			expect(screen.getByTestId('tailor-progress').textContent).toContain('12 characters')
		);
		expect(screen.getByTestId('tailor-stop')).toBeTruthy();

		finish(tailored());
		await vi.waitFor(() => expect(textArea().value).toBe(TAILORED));
		expect(screen.getByTestId('tailor-notice').textContent).toContain(
			'1 claim needs your look before export'
		);
		const claim = screen.getByTestId('tailor-violation');
		expect(claim.querySelector('mark')?.textContent).toBe('60');
		expect(claim.textContent).toContain('the original never says 60');
		expect((screen.getByTestId('tailor-export-pdf') as HTMLButtonElement).disabled).toBe(true);
		// The original beside it, the line the tailored text no longer says marked.
		const removed = screen.getByTestId('tailor-original').querySelector('.removed');
		expect(removed?.textContent).toBe('- Ran Kubernetes clusters for 40 teams');
		expect(screen.getByTestId('resume-preview').textContent).toContain(
			'Ran Kubernetes clusters for 60 teams'
		);

		await fireEvent.click(screen.getByRole('button', { name: 'I really did this' }));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		await vi.waitFor(() => expect(confirmTailoredClaim).toHaveBeenCalledWith(7, '60'));
		await vi.waitFor(() =>
			expect((screen.getByTestId('tailor-export-pdf') as HTMLButtonElement).disabled).toBe(false)
		);
		expect(screen.getByTestId('tailor-violation').textContent).toContain('Confirmed by you');
	});

	it('checks an edit as it is typed and saves it as a new version', async () => {
		const checkTailoredText = vi.fn(() => Promise.resolve([]));
		const saveTailoredText = vi.fn((_parent: number, text: string) =>
			Promise.resolve(tailored({ id: 8, version: 2, origin: 'edited', text, violations: [], unconfirmed: 0 }))
		);
		setApiClient(
			fakeClient({
				getJob: vi.fn(() => Promise.resolve(jobDetail())),
				listResumes: vi.fn(() => Promise.resolve([resume({ id: 2 })])),
				tailoredForJob: vi.fn(() => Promise.resolve([tailored()])),
				checkTailoredText,
				saveTailoredText
			})
		);
		render(TailorView, { jobId: 4 });
		await vi.waitFor(() => expect(textArea().value).toBe(TAILORED));
		const fixed = TAILORED.replace('60 teams', '40 teams');
		await fireEvent.input(textArea(), { target: { value: fixed } });
		await vi.waitFor(() => expect(checkTailoredText).toHaveBeenCalledWith(7, fixed), { timeout: 2000 });
		await vi.waitFor(() =>
			expect(screen.getByTestId('tailor-violations').textContent).toContain('Every fact here')
		);
		expect((screen.getByTestId('tailor-export-pdf') as HTMLButtonElement).disabled).toBe(true);
		await fireEvent.click(screen.getByTestId('tailor-save'));
		await vi.waitFor(() => expect(saveTailoredText).toHaveBeenCalledWith(7, fixed));
		await vi.waitFor(() =>
			expect(screen.getByTestId('tailor-notice').textContent).toBe('Saved as version 2.')
		);
		expect((screen.getByTestId('tailor-export-pdf') as HTMLButtonElement).disabled).toBe(false);
	});
});
