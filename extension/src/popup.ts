import { extractPosting } from './extract';
import { buildSaveMessage, preview } from './message';

/** The host's name in its native messaging manifest (installed from Jobhound's Settings). */
const HOST = 'app.jobhound.save';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function say(text: string, error = false) {
	const status = byId('status');
	// Text only: what a page says never becomes markup here.
	status.textContent = text;
	status.className = error ? 'error' : '';
}

async function main() {
	byId('close').addEventListener('click', () => window.close());
	const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
	if (tab?.id === undefined) return say('No page to read.', true);
	let posting;
	try {
		const [result] = await chrome.scripting.executeScript({
			target: { tabId: tab.id },
			func: extractPosting
		});
		posting = result?.result;
	} catch {
		return say('This page cannot be read (the browser keeps its own pages to itself).', true);
	}
	if (!posting) return say('This page cannot be read.', true);
	const built = buildSaveMessage(posting);
	if (!built.ok) return say(built.reason, true);
	const shown = preview(posting);
	byId('title').textContent = shown.title || '—';
	byId('company').textContent = shown.company || '—';
	byId('location').textContent = shown.location || '—';
	byId('source').textContent = new URL(posting.url).host;
	byId('preview').hidden = false;
	say('Save this job to Jobhound?');
	const save = byId<HTMLButtonElement>('save');
	save.hidden = false;
	save.focus();
	save.addEventListener('click', async () => {
		save.disabled = true;
		say('Saving…');
		try {
			const answer = (await chrome.runtime.sendNativeMessage(HOST, built.message)) as
				{ ok: true; job_id: number; new_job: boolean } | { ok: false; error: string };
			if (answer.ok) {
				say(
					answer.new_job
						? 'Saved. It is in Jobhound’s job list.'
						: 'Jobhound already had this job; it is up to date.'
				);
				save.hidden = true;
			} else {
				say(`Jobhound refused it: ${answer.error}`, true);
				save.disabled = false;
			}
		} catch {
			say(
				'Jobhound is not linked to this browser yet: open Jobhound → Settings → Save from the browser → Install.',
				true
			);
			save.disabled = false;
		}
	});
}

void main();
