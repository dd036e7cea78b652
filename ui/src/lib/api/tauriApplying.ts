import { Channel } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { LetterChunk } from '$lib/bindings/LetterChunk';
import type { ApplyingClient } from './applying';
import { call } from './call';

export const tauriApplying: ApplyingClient = {
	listApplications: (query) => call('list_applications', { query }),
	getApplication: (id) => call('get_application', { id }),
	applicationForJob: (jobId) => call('application_for_job', { jobId }),
	setApplicationStatus: (jobId, status, confirmed) =>
		call('set_application_status', { jobId, status, confirmed }),
	updateApplication: (id, update) => call('update_application', { id, update }),
	deleteApplication: (id) => call('delete_application', { id }),
	addContact: (applicationId, contact) => call('add_contact', { applicationId, contact }),
	updateContact: (id, contact) => call('update_contact', { id, contact }),
	removeContact: (id) => call('remove_contact', { id }),
	importResume: (path, name) => call('import_resume', { path, name }),
	pickResume: () => call('pick_resume'),
	listResumes: () => call('list_resumes'),
	resumeText: (id) => call('resume_text', { id }),
	resumeStructure: (id) => call('resume_structure', { id }),
	correctResumeStructure: (id, text) => call('correct_resume_structure', { id, text }),
	resetResumeStructure: (id) => call('reset_resume_structure', { id }),
	keywordGap: (jobId, resumeId) => call('keyword_gap', { jobId, resumeId: resumeId ?? null }),
	renameResume: (id, name) => call('rename_resume', { id, name }),
	deleteResume: (id) => call('delete_resume', { id }),
	setCampaignResume: (campaignId, resumeId) => call('set_campaign_resume', { campaignId, resumeId }),
	llmSettings: () => call('llm_settings'),
	setLlmSettings: (settings) => call('set_llm_settings', { settings }),
	setLlmApiKey: (key) => call('set_llm_api_key', { key }),
	testLlmConnection: () => call('test_llm_connection'),
	generateLetter: (request, onText) => {
		const channel = new Channel<LetterChunk>();
		channel.onmessage = (chunk) => onText(chunk.text);
		return call('generate_letter', { request, onText: channel });
	},
	cancelLetter: (jobId) => call('cancel_letter', { jobId }),
	saveLetterEdit: (parentId, text) => call('save_letter_edit', { parentId, text }),
	lettersForJob: (jobId) => call('letters_for_job', { jobId }),
	exportLetterAs: (id, format, fileName) => call('export_letter_as', { id, format, fileName }),
	tailorResume: (request, onText) => {
		const channel = new Channel<LetterChunk>();
		channel.onmessage = (chunk) => onText(chunk.text);
		return call('tailor_resume', { request, onText: channel });
	},
	cancelTailoring: (jobId) => call('cancel_tailoring', { jobId }),
	tailoredForJob: (jobId) => call('tailored_for_job', { jobId }),
	saveTailoredText: (parentId, text) => call('save_tailored_text', { parentId, text }),
	checkTailoredText: (id, text) => call('check_tailored_text', { id, text }),
	confirmTailoredClaim: (id, claim) => call('confirm_tailored_claim', { id, claim }),
	exportTailoredAs: (id, format, layout, fileName) =>
		call('export_tailored_as', { id, format, layout, fileName }),
	jobInsight: (jobId) => call('job_insight', { jobId }),
	generateInsight: (jobId, resumeId) => call('generate_insight', { jobId, resumeId }),
	onOpenApplication: (handler) => listen('open-application', (event) => handler(event.payload as number)),
	onFileDrop: (handler) =>
		getCurrentWebview().onDragDropEvent((event) => {
			const drag = event.payload;
			if (drag.type === 'drop') handler({ kind: 'drop', paths: drag.paths });
			else if (drag.type === 'leave') handler({ kind: 'leave' });
			else handler({ kind: 'over' });
		})
};
