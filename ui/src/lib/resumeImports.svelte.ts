import { api, errorMessage } from '$lib/api';
import type { ResumeImport } from '$lib/bindings/ResumeImport';
import { dataChanged } from '$lib/changes.svelte';

export interface ImportMessage {
	ok: boolean;
	text: string;
}

/** Resume imports in progress and what the last ones did; shared by the drop overlay and the Documents page. */
export const resumeImports = $state({
	/** Files are being dragged over the window. */
	hovering: false,
	busy: false,
	messages: [] as ImportMessage[]
});

export function fileName(path: string): string {
	return path.split(/[\\/]/).pop() ?? path;
}

export function importedMessage(result: ResumeImport): ImportMessage {
	const { resume } = result;
	return result.already_imported
		? { ok: true, text: `“${resume.file_name}” was already imported as “${resume.name}”.` }
		: {
				ok: true,
				text: `Imported “${resume.name}”: ${resume.chars.toLocaleString()} characters of text.`
			};
}

/** Imports every dropped file in turn; one bad file does not stop the others. */
export async function importDropped(paths: string[]): Promise<void> {
	resumeImports.busy = true;
	const messages: ImportMessage[] = [];
	for (const path of paths) {
		try {
			messages.push(importedMessage(await api().importResume(path, null)));
		} catch (raw) {
			messages.push({ ok: false, text: `“${fileName(path)}” was not imported: ${errorMessage(raw)}` });
		}
	}
	resumeImports.messages = messages;
	resumeImports.busy = false;
	dataChanged();
}

export async function pickAndImport(): Promise<void> {
	resumeImports.busy = true;
	try {
		const result = await api().pickResume();
		if (result) {
			resumeImports.messages = [importedMessage(result)];
			dataChanged();
		}
	} catch (raw) {
		resumeImports.messages = [{ ok: false, text: `Not imported: ${errorMessage(raw)}` }];
	} finally {
		resumeImports.busy = false;
	}
}
