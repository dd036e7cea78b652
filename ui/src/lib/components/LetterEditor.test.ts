import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import type { LetterRequest } from '$lib/bindings/LetterRequest';
import { fakeClient, letter, resume } from '$lib/testing/fakeClient';
import LetterEditor from './LetterEditor.svelte';

const props = { jobId: 1, title: 'Account Executive, Commercial', company: 'Vercel GmbH' };
const textArea = () => screen.getByTestId('letter-text') as HTMLTextAreaElement;

describe('LetterEditor', () => {
	it('streams the letter into the editor, then shows the stored version', async () => {
		let finish: (value: ReturnType<typeof letter>) => void = () => {};
		let send: (text: string) => void = () => {};
		const generateLetter = vi.fn((_request: LetterRequest, onText: (text: string) => void) => {
			send = onText;
			return new Promise<ReturnType<typeof letter>>((resolve) => (finish = resolve));
		});
		setApiClient(fakeClient({ generateLetter, listResumes: vi.fn(() => Promise.resolve([resume()])) }));
		render(LetterEditor, props);

		await fireEvent.input(screen.getByTestId('letter-notes'), { target: { value: 'Mention the referral' } });
		await fireEvent.click(screen.getByTestId('letter-write'));
		expect(generateLetter.mock.calls[0]?.[0]).toEqual({
			job_id: 1,
			resume_id: null,
			notes: 'Mention the referral',
			tone: 'professional'
		});
		send('Dear ');
		send('Vercel');
		await vi.waitFor(() => expect(textArea().value).toBe('Dear Vercel'));
		expect(textArea().readOnly).toBe(true);
		expect(screen.getByTestId('letter-cancel')).toBeTruthy();

		finish(letter({ text: 'Dear Vercel team.' }));
		await vi.waitFor(() => expect(textArea().value).toBe('Dear Vercel team.'));
		expect(textArea().readOnly).toBe(false);
		expect(screen.getByTestId('letter-notice').textContent).toContain(
			'Version 1 written by mock-gpt and saved.'
		);
	});

	it('keeps nothing half-written on an error and offers Retry when it may help', async () => {
		const generateLetter = vi
			.fn()
			.mockImplementationOnce((_request: LetterRequest, onText: (text: string) => void) => {
				onText('Dear half');
				return Promise.reject(
					{
						code: 'llm_timeout',
						message: 'the language model did not answer within 60 seconds'
					} /* as IPC delivers it */
				);
			})
			.mockResolvedValueOnce(letter());
		setApiClient(fakeClient({ generateLetter }));
		render(LetterEditor, props);

		await fireEvent.click(screen.getByTestId('letter-write'));
		const failure = await screen.findByTestId('letter-error');
		expect(failure.textContent).toContain('The language model did not answer within 60 seconds');
		expect(screen.queryByTestId('letter-text')).toBeNull();

		await fireEvent.click(screen.getByTestId('letter-retry'));
		await vi.waitFor(() => expect(textArea().value).toBe(letter().text));
		expect(screen.queryByTestId('letter-error')).toBeNull();
	});

	it('points to the settings instead of retrying a refused key', async () => {
		setApiClient(
			fakeClient({
				generateLetter: vi.fn().mockRejectedValue(new ApiError('llm_unauthorized', 'refused the key'))
			})
		);
		render(LetterEditor, props);
		await fireEvent.click(screen.getByTestId('letter-write'));
		await screen.findByTestId('letter-error');
		expect(screen.queryByTestId('letter-retry')).toBeNull();
		expect(screen.getByText(/Check the writing assistant/)).toBeTruthy();
	});

	it('says nothing was saved after Stop', async () => {
		const cancelLetter = vi.fn(() => Promise.resolve(true));
		let reject: (error: unknown) => void = () => {};
		const generateLetter = vi.fn(() => new Promise<never>((_resolve, fail) => (reject = fail)));
		setApiClient(
			fakeClient({ generateLetter, cancelLetter, lettersForJob: vi.fn(() => Promise.resolve([letter()])) })
		);
		render(LetterEditor, props);
		await vi.waitFor(() => expect(textArea().value).toBe(letter().text));

		await fireEvent.click(screen.getByTestId('letter-write'));
		await fireEvent.click(screen.getByTestId('letter-cancel'));
		expect(cancelLetter).toHaveBeenCalledWith(1);
		reject(new ApiError('cancelled', 'cancelled'));
		await vi.waitFor(() =>
			expect(screen.getByTestId('letter-notice').textContent).toBe('Stopped. Nothing was saved.')
		);
		expect(textArea().value).toBe(letter().text);
	});

	it('saves an edit as a new version before exporting it', async () => {
		const edited = letter({ id: 10, version: 2, origin: 'edited', parent_id: 9, text: 'My own words.' });
		const saveLetterEdit = vi.fn(() => Promise.resolve(edited));
		const exportLetterAs = vi.fn(() =>
			Promise.resolve({ path: '/home/ada/letter.docx', application_id: 3, document_id: 5 })
		);
		setApiClient(
			fakeClient({ saveLetterEdit, exportLetterAs, lettersForJob: vi.fn(() => Promise.resolve([letter()])) })
		);
		render(LetterEditor, props);
		await vi.waitFor(() => expect(textArea().value).toBe(letter().text));

		await fireEvent.input(textArea(), { target: { value: 'My own words.' } });
		await fireEvent.click(screen.getByTestId('letter-export-docx'));
		await vi.waitFor(() =>
			expect(screen.getByTestId('letter-notice').textContent).toBe(
				'Saved to /home/ada/letter.docx and attached to the application.'
			)
		);
		expect(saveLetterEdit).toHaveBeenCalledWith(9, 'My own words.');
		expect(exportLetterAs).toHaveBeenCalledWith(
			10,
			'docx',
			'Cover letter - Vercel GmbH - Account Executive, Commercial'
		);
	});
});
