import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
	answerFileDialog,
	drag,
	dropFile,
	screenPoint,
	shownNotifications,
	startMockLlm,
	xdo
} from './desktop.mjs';
import { TIMEOUT, clickLink, freePort, importDemo, mockLlmBinary, withApp, byTestId, waitForText } from './harness.mjs';
import { resumePdf } from './resumePdf.mjs';

async function textOf(browser, id) {
	const element = await byTestId(browser, id);
	await element.waitForDisplayed({ timeout: TIMEOUT });
	return element.getText();
}

async function openJob(browser, title) {
	await clickLink(browser, await browser.$('a=Jobs'));
	const row = await browser.$(`[data-testid="job-row"]*=${title}`);
	await clickLink(browser, row);
	await waitForText(browser, 'job-title', new RegExp(title), `the job "${title}" opened`);
}

const displayedCount = () => Number(execFileSync('dunstctl', ['count', 'displayed'], { encoding: 'utf8' }));

async function cardsIn(browser, status) {
	const column = await byTestId(browser, `column-${status}`);
	const texts = [];
	for (const card of await column.$$('[data-testid="application-card"]')) texts.push(await card.getText());
	return texts;
}

test(
	'apply: resumes by drop and by picking, a streamed cover letter with retry, PDF export, the board by mouse and keyboard',
	{ timeout: 300_000 },
	async () => {
		const files = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-files-'));
		const dropped = path.join(files, 'ada-lovelace.pdf');
		const picked = path.join(files, 'ada-short.pdf');
		const broken = path.join(files, 'notes.pdf');
		const exported = path.join(files, 'letter-to-vercel.pdf');
		await writeFile(
			dropped,
			resumePdf([
				'Ada Lovelace',
				'Account executive, six years of SaaS sales in London.',
				'Salesforce, negotiation.'
			])
		);
		await writeFile(picked, resumePdf(['Ada Lovelace', 'Short resume for startups.']));
		await writeFile(broken, 'this is a text file with a .pdf name');

		const llmPort = await freePort();
		let llm = null;
		try {
			await withApp('applying', async ({ browser, screenshot }) => {
				await importDemo(browser);

				// The writing assistant points at a server that is not up yet.
				await clickLink(browser, await browser.$('a=Settings'));
				const baseUrl = await byTestId(browser, 'llm-base-url');
				await baseUrl.waitForDisplayed({ timeout: TIMEOUT });
				await baseUrl.setValue(`http://127.0.0.1:${llmPort}/v1`);
				await (await byTestId(browser, 'llm-model')).setValue('mock-gpt');
				await (await byTestId(browser, 'llm-save')).click();
				await (await byTestId(browser, 'llm-test')).click();
				await waitForText(
					browser,
					'llm-test-result',
					/Could not reach the language model/,
					'test while down'
				);
				assert.match(await textOf(browser, 'llm-key-status'), /No key stored/);

				// A letter while the server is down: a clear error and a Retry that works once it is up.
				await openJob(browser, 'Account Executive, Commercial');
				await (await byTestId(browser, 'save-application')).click();
				await browser.waitUntil(
					async () => (await (await byTestId(browser, 'job-application-status')).getValue()) === 'saved',
					{ timeout: TIMEOUT, timeoutMsg: 'the job never showed as saved' }
				);
				await (await byTestId(browser, 'letter-write')).click();
				await waitForText(browser, 'letter-error', /Could not reach the language model/, 'letter while down');
				assert.equal(
					await (await byTestId(browser, 'letter-text')).isExisting(),
					false,
					'no half letter shown'
				);

				llm = await startMockLlm(mockLlmBinary, llmPort, 25);
				await (await byTestId(browser, 'letter-retry')).click();
				const stop = await byTestId(browser, 'letter-cancel');
				await stop.waitForDisplayed({ timeout: TIMEOUT });
				await browser.waitUntil(
					async () => /Dear hiring team/.test(await (await byTestId(browser, 'letter-text')).getValue()),
					{ timeout: TIMEOUT, timeoutMsg: 'no text streamed in' }
				);
				const partial = await (await byTestId(browser, 'letter-text')).getValue();
				await waitForText(
					browser,
					'letter-notice',
					/Version 1 written by mock-gpt and saved/,
					'letter stored'
				);
				const letter = await (await byTestId(browser, 'letter-text')).getValue();
				assert.ok(letter.length > partial.length, 'the text grew while it streamed');
				assert.match(letter, /Account Executive, Commercial at Vercel/);
				console.log(`screenshot: ${await screenshot('letter')}`);

				// Export through the OS save dialog; the PDF reads back and is attached.
				await (await byTestId(browser, 'letter-export-pdf')).click();
				await answerFileDialog('Save the cover letter', exported, 'save');
				await waitForText(browser, 'letter-notice', /attached to the application/, 'export');
				assert.ok(existsSync(exported), `no file at ${exported}`);
				const pdfText = execFileSync('pdftotext', [exported, '-'], { encoding: 'utf8' });
				assert.match(pdfText.replace(/\s+/g, ' '), /Account Executive, Commercial at Vercel/);

				// Resumes: a dropped file, a refused one, and a picked one.
				const page = await screenPoint(browser, await browser.$('main'));
				await dropFile(dropped, page);
				await waitForText(browser, 'import-message', /Imported “ada-lovelace”/, 'dropped resume');
				await dropFile(broken, page);
				await waitForText(browser, 'import-message', /“notes.pdf” was not imported/, 'refused file');
				assert.equal(
					(await browser.$$('[data-testid="resume"]')).length,
					1,
					'nothing stored for the bad file'
				);
				await (await byTestId(browser, 'import-resume')).click();
				await answerFileDialog('Import a resume', picked, 'open');
				await waitForText(browser, 'import-message', /Imported “ada-short”/, 'picked resume');
				// The message can show a moment before the list has re-rendered.
				await browser.waitUntil(async () => (await browser.$$('[data-testid="resume"]')).length === 2, {
					timeout: TIMEOUT,
					timeoutMsg: 'the picked resume is not listed beside the dropped one'
				});
				const first = (await browser.$$('[data-testid="resume"]'))[1];
				await (await first.$('[data-testid="resume-preview-toggle"]')).click();
				await waitForText(browser, 'resume-text', /six years of SaaS sales in London/, 'resume preview');

				// The board: drag the card with the mouse, then move it on with the keyboard.
				await clickLink(browser, await byTestId(browser, 'nav-applications'));
				await byTestId(browser, 'application-board').then((board) =>
					board.waitForDisplayed({ timeout: TIMEOUT })
				);
				await browser.waitUntil(async () => (await cardsIn(browser, 'saved')).length === 1, {
					timeout: TIMEOUT,
					timeoutMsg: 'the saved job is not on the board'
				});
				const card = await (await byTestId(browser, 'column-saved')).$('[data-testid="application-card"]');
				const applied = await byTestId(browser, 'column-applied');
				await drag(await screenPoint(browser, card), await screenPoint(browser, applied));
				await browser.waitUntil(async () => (await cardsIn(browser, 'applied')).length === 1, {
					timeout: TIMEOUT,
					timeoutMsg: 'the drag did not move the card to Applied'
				});
				assert.deepEqual(await cardsIn(browser, 'saved'), []);
				console.log(`screenshot: ${await screenshot('board')}`);

				const moved = await (await byTestId(browser, 'column-applied')).$('[data-testid="application-card"]');
				await browser.execute((node) => node.focus(), moved);
				await browser.keys(['Shift', 'ArrowRight']);
				await browser.waitUntil(async () => (await cardsIn(browser, 'interviewing')).length === 1, {
					timeout: TIMEOUT,
					timeoutMsg: 'Shift+→ did not move the card to Interviewing'
				});

				const interviewing = await (
					await byTestId(browser, 'column-interviewing')
				).$('[data-testid="application-card"]');
				await interviewing.click();
				const timeline = await textOf(browser, 'application-timeline');
				assert.match(timeline, /Added as Saved[\s\S]*Saved → Applied[\s\S]*Applied → Interviewing/);
				assert.match(await textOf(browser, 'application-files'), /letter-to-vercel\.pdf/);

				// A follow-up due today: the scheduler's next tick (every 30 s) shows an OS notification,
				// and clicking it opens the application.
				const today = new Date();
				const localDay = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
					.map((part) => String(part).padStart(2, '0'))
					.join('-');
				await browser.execute(
					(input, day) => {
						input.value = day;
						input.dispatchEvent(new Event('input', { bubbles: true }));
					},
					await byTestId(browser, 'application-follow-up'),
					localDay
				);
				await (await byTestId(browser, 'application-save')).click();
				await waitForText(browser, 'application-detail', /Saved\./, 'follow-up saved');
				const detailUrl = await browser.getUrl();
				await clickLink(browser, await browser.$('a=Resumes'));
				assert.ok((await shownNotifications()) !== null, 'dunstctl is needed: scripts/setup.sh installs dunst');
				const reminder = async () =>
					(await shownNotifications()).find((text) => text.startsWith('Follow up: Account Executive'));
				await browser.waitUntil(async () => displayedCount() > 0, {
					timeout: 45_000,
					interval: 500,
					timeoutMsg: 'no follow-up notification within a scheduler tick'
				});
				// A click does the action and closes the notification (dunst's default mouse_left_click);
				// closed, it is in the history read below at once instead of after dunst's 10 s timeout.
				execFileSync('dunstctl', ['action', '0']);
				execFileSync('dunstctl', ['close']);
				await browser.waitUntil(async () => (await browser.getUrl()) === detailUrl, {
					timeout: TIMEOUT,
					timeoutMsg: 'clicking the reminder did not open the application'
				});
				await browser.waitUntil(async () => (await reminder()) !== undefined, { timeout: TIMEOUT });
				assert.equal(
					await reminder(),
					`Follow up: Account Executive, Commercial at Vercel\nYou planned to follow up on this application on ${localDay}.`
				);

				// Applying to the same company for a similar title soon after asks first.
				await openJob(browser, 'Account Executive, Majors');
				await (await byTestId(browser, 'mark-applied')).click();
				const question = await byTestId(browser, 'confirm-dialog');
				await question.waitForDisplayed({ timeout: TIMEOUT });
				assert.match(
					await question.getText(),
					/You already applied to Vercel for "Account Executive, Commercial"/
				);
				await (await byTestId(browser, 'confirm-ok')).click();
				await browser.waitUntil(
					async () => (await (await byTestId(browser, 'job-application-status')).getValue()) === 'applied',
					{ timeout: TIMEOUT, timeoutMsg: 'applying anyway did not mark the job applied' }
				);

				await clickLink(browser, await browser.$('a=Settings'));
				await (await byTestId(browser, 'llm-test')).click();
				await waitForText(browser, 'llm-test-result', /Connected: mock-gpt answered/, 'test once up');
				xdo('mousemove', 10, 10);
			});
		} finally {
			llm?.stop();
		}
	}
);
