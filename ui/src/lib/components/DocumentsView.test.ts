import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { importDropped, resumeImports } from '$lib/resumeImports.svelte';
import { campaign, fakeClient, resume } from '$lib/testing/fakeClient';
import DocumentsView from './DocumentsView.svelte';

describe('DocumentsView', () => {
	it('imports a picked file and says what it read', async () => {
		resumeImports.messages = [];
		const pickResume = vi.fn(() => Promise.resolve({ resume: resume(), already_imported: false }));
		setApiClient(fakeClient({ pickResume }));
		render(DocumentsView);
		await fireEvent.click(screen.getByTestId('import-resume'));
		expect((await screen.findByTestId('import-message')).textContent).toContain(
			'Imported “Ada CV”: 2,345 characters of text.'
		);
	});

	it('imports every dropped file and names the ones it refused', async () => {
		const importResume = vi
			.fn()
			.mockResolvedValueOnce({ resume: resume(), already_imported: true })
			.mockRejectedValueOnce(
				{
					code: 'no_text',
					message: 'the PDF has no text to read; it is probably a scanned image'
				} /* as IPC delivers it */
			);
		setApiClient(fakeClient({ importResume }));
		render(DocumentsView);
		await importDropped(['/home/ada/cv.pdf', '/home/ada/scan.pdf']);
		const messages = (await screen.findAllByTestId('import-message')).map((node) => node.textContent?.trim());
		expect(messages).toEqual([
			'“ada.pdf” was already imported as “Ada CV”.',
			'“scan.pdf” was not imported: The PDF has no text to read; it is probably a scanned image'
		]);
		expect(importResume).toHaveBeenCalledTimes(2);
	});

	it('sets a resume for a campaign and deletes one only after confirmation', async () => {
		resumeImports.messages = [];
		const setCampaignResume = vi.fn(() => Promise.resolve());
		const deleteResume = vi.fn(() => Promise.resolve());
		setApiClient(
			fakeClient({
				listResumes: vi.fn(() => Promise.resolve([resume({ campaigns: ['Rust jobs'] })])),
				listCampaigns: vi.fn(() => Promise.resolve([campaign({ id: 8, name: 'Sales London' })])),
				setCampaignResume,
				deleteResume
			})
		);
		render(DocumentsView);
		const useFor = (await screen.findByTestId('resume-use-for')) as HTMLSelectElement;
		await fireEvent.change(useFor, { target: { value: '8' } });
		expect(setCampaignResume).toHaveBeenCalledWith(8, 4);

		await fireEvent.click(screen.getByTestId('resume-delete'));
		const dialog = await screen.findByTestId('confirm-dialog');
		expect(dialog.textContent).toContain('Rust jobs will rank without a resume');
		await fireEvent.click(screen.getByTestId('confirm-cancel'));
		expect(deleteResume).not.toHaveBeenCalled();

		await fireEvent.click(screen.getByTestId('resume-delete'));
		await fireEvent.click(await screen.findByTestId('confirm-ok'));
		await vi.waitFor(() => expect(deleteResume).toHaveBeenCalledWith(4));
	});
});
