// The installed package's smoke test (installed.sh runs it, not `npm test`): the app from
// /usr/bin starts as a person starts it, with its data where the OS keeps it, offers the demo
// data, finds a job by a search, quits, and on a second start finds its jobs again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TIMEOUT, appBinary, appMemory, importDemo, withApp } from './harness.mjs';

const home = process.env.JOBHOUND_SMOKE_HOME;

async function search(browser, text) {
	const input = await browser.$('[data-testid="job-search"]');
	await input.waitForDisplayed({ timeout: TIMEOUT });
	await input.setValue(text);
}

test('the installed app starts, shows the demo data, searches and quits', { timeout: 120_000 }, async () => {
	assert.ok(home, 'installed.sh sets JOBHOUND_SMOKE_HOME to the home the app runs in');
	assert.ok(!appBinary.includes('target'), `the installed app is under test, not ${appBinary}`);

	await withApp(
		'installed',
		async ({ browser, screenshot }) => {
			await importDemo(browser);
			await search(browser, 'majors');
			await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 1, {
				timeout: TIMEOUT,
				timeoutMsg: 'searching "majors" did not leave the one matching demo job'
			});
			// The list is virtualized (rows placed by a transform); read its text as the DOM holds it.
			const listText = await browser.execute(
				() => document.querySelector('[data-testid="job-list"]')?.textContent ?? ''
			);
			assert.match(listText, /Account Executive, Majors/);
			console.log(`screenshot: ${await screenshot('search')}`);
		},
		{ home }
	);

	// A second start, as after a reboot: the session starts, and the list is painted from the stored
	// jobs. The time is from asking for the session (the app is spawned then) to the first row.
	const started = Date.now();
	await withApp(
		'installed-again',
		async ({ browser }) => {
			await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 3, {
				timeout: TIMEOUT,
				timeoutMsg: 'the demo jobs were not there on the second start'
			});
			const firstRows = Date.now() - started;
			const memory = await appMemory();
			console.log(
				`second start to the first painted job list: ${firstRows} ms (session start included); ` +
					`memory after start: ${memory ? `${Math.round(memory.rssMb)} MB RSS` : 'not read'}`
			);
		},
		{ home }
	);
});
