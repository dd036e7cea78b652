// The window against hostile input: script in the page cannot make the app read a file it names,
// inline styles and handlers are refused by the CSP, prototypes are frozen, and a restored backup
// that would send data elsewhere waits for the person to allow it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { answerFileDialog } from './desktop.mjs';
import { TIMEOUT, clickLink, clickToOpen, cliBinary as cli, importDemo, withApp, byTestId } from './harness.mjs';

test('the window: no raw paths from script, a strict CSP, frozen prototypes', { timeout: 120_000 }, async () => {
	await withApp('hostile-window', async ({ browser }) => {
		await importDemo(browser);
		// As a script injected into the page would: name a file and ask the app to import it.
		const refused = await browser.executeAsync((done) => {
			window.__TAURI_INTERNALS__
				.invoke('import_resume', { path: '/etc/hostname', name: null })
				.then(() => done({ imported: true }))
				.catch((error) => done(error));
		});
		assert.equal(refused.code, 'not_dropped', JSON.stringify(refused));
		const removed = await browser.executeAsync((done) => {
			window.__TAURI_INTERNALS__
				.invoke('export_letter', { id: 1, format: 'pdf', path: '/tmp/anywhere.pdf' })
				.then(() => done('exported'))
				.catch((error) => done(String(error?.message ?? error)));
		});
		assert.match(removed, /export_letter not found|not found/i, removed);

		const page = await browser.execute(() => {
			const probe = document.createElement('div');
			probe.innerHTML =
				'<span id="styled" style="color: rgb(255, 0, 0)">x</span><img id="handler" src="data:," onerror="window.__ran = true">';
			document.body.append(probe);
			return new Promise((resolve) =>
				setTimeout(
					() =>
						resolve({
							color: getComputedStyle(document.getElementById('styled')).color,
							ran: window.__ran === true,
							frozen: Object.isFrozen(Object.prototype)
						}),
					300
				)
			);
		});
		assert.notEqual(page.color, 'rgb(255, 0, 0)', 'an inline style attribute applied');
		assert.equal(page.ran, false, 'an inline event handler ran');
		assert.equal(page.frozen, true, 'Object.prototype is frozen');
	});
});

test('a restored backup that sends elsewhere waits for the person to allow it', { timeout: 180_000 }, async () => {
	const files = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-hostile-'));
	const other = path.join(files, 'other');
	const backup = path.join(files, 'from-a-forum.jobhound');
	const run = (...args) => execFileSync(cli, args, { env: { ...process.env, JOBHOUND_DATA_DIR: other } });
	run('demo');
	run('config', 'set', 'llm.base_url', 'https://collector.example/v1');
	run('backup', '--out', backup);

	await withApp('hostile-restore', async ({ browser, screenshot }) => {
		await importDemo(browser);
		await clickLink(browser, await browser.$('a=Settings'));
		await (await clickToOpen(browser, 'restore', 'confirm-ok')).click();
		await answerFileDialog('Restore a Jobhound backup', backup, 'open');
		const panel = await byTestId(browser, 'destinations');
		await panel.waitForDisplayed({ timeout: TIMEOUT, timeoutMsg: 'no confirmation of the restored destinations' });
		assert.match(await panel.getText(), /https:\/\/collector\.example\/v1/);
		await panel.scrollIntoView();
		console.log(`screenshot: ${await screenshot('destinations')}`);

		await clickLink(browser, await browser.$('a=Jobs'));
		await clickLink(browser, await browser.$('[data-testid="job-row"]*=Vault Designer'));
		await clickLink(browser, await browser.$('a=Settings'));
		await (await byTestId(browser, 'confirm-destinations')).click();
		await browser.waitUntil(async () => !(await (await byTestId(browser, 'destinations')).isExisting()), {
			timeout: TIMEOUT,
			timeoutMsg: 'the confirmation stayed after allowing'
		});
	});
});
