import { extractPosting } from './extract';
import { type HostAnswer, buildSaveMessage, buildTrackMessage, preview } from './message';

/** The host's name in its native messaging manifest (installed from Jobhound's Settings). */
const HOST = 'app.jobhound.save';

/** Firefox's own namespace promises every call; Chromium's `chrome` does in Manifest V3. */
const api: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function say(text: string, error = false) {
	const status = byId('status');
	// Text only: what a page says never becomes markup here.
	status.textContent = text;
	status.className = error ? 'error' : '';
}

async function main() {
	byId('close').addEventListener('click', () => window.close());
	const [tab] = await api.tabs.query({ active: true, currentWindow: true });
	if (tab?.id === undefined) return say('No page to read.', true);
	let posting;
	try {
		const [result] = await api.scripting.executeScript({
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
	const track = byId<HTMLButtonElement>('track');
	save.addEventListener('click', async () => {
		const answer = await askWith(save, built.message);
		if (!answer) return;
		if (!('job_id' in answer)) return say('Jobhound answered something this extension does not know.', true);
		say(
			answer.new_job
				? 'Saved. It is in Jobhound’s job list.'
				: 'Jobhound already had this job; it is up to date.'
		);
		save.hidden = true;
		// Offered at once: the person who saves a posting often means to apply to it.
		track.hidden = false;
		track.focus();
		const jobId = answer.job_id;
		track.addEventListener('click', async () => {
			const tracked = await askWith(track, buildTrackMessage(jobId));
			if (!tracked) return;
			track.hidden = true;
			say(
				'new_application' in tracked && !tracked.new_application
					? `It was already on your applications board (${tracked.status}).`
					: 'Added to your applications board, under Saved.'
			);
		});
	});
}

type Accepted = Extract<HostAnswer, { ok: true }>;

/** Sends a message for a button's click: the button waits meanwhile and comes back if it failed. */
async function askWith(button: HTMLButtonElement, message: object): Promise<Accepted | null> {
	button.disabled = true;
	say('Asking Jobhound…');
	const answer = await ask(message);
	if (answer && !answer.ok) say(`Jobhound refused it: ${answer.error}`, true);
	if (!answer || !answer.ok) {
		button.disabled = false;
		return null;
	}
	return answer;
}

/** Sends one message to the host; null (with the reason shown) when the host cannot be reached. */
async function ask(message: object): Promise<HostAnswer | null> {
	try {
		return (await api.runtime.sendNativeMessage(HOST, message)) as HostAnswer;
	} catch {
		say(
			'Jobhound is not linked to this browser yet: open Jobhound → Settings → Save from the browser → Install.',
			true
		);
		return null;
	}
}

void main();
