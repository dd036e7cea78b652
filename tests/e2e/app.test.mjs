import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TIMEOUT, appMemory, clickLink, importDemo, withApp } from './harness.mjs';

async function addBoard(browser, input) {
	const field = await browser.$('#board-input');
	await field.waitForDisplayed({ timeout: TIMEOUT });
	await field.setValue(input);
	await (await browser.$('button[type="submit"]')).click();
}

test('add a Greenhouse board, fetch it, browse its jobs and read one', { timeout: 120_000 }, async () => {
	await withApp('greenhouse', async ({ browser, board, dataDir, screenshot }) => {
		await (await browser.$('[data-testid="empty-state"]')).waitForDisplayed({ timeout: TIMEOUT });

		// An unknown board: a clear message naming the board, nothing stored.
		await addBoard(browser, 'https://boards.greenhouse.io/nosuchco');
		const status = await browser.$('[data-testid="add-board-status"]');
		await browser.waitUntil(async () => (await status.getText()).includes('not found'), { timeout: TIMEOUT });
		assert.equal(
			await status.getText(),
			"Greenhouse board 'nosuchco' was not found (HTTP 404): check the name or URL"
		);

		// The real recorded board, pasted as a URL.
		const started = Date.now();
		await addBoard(browser, 'https://job-boards.greenhouse.io/vercel');
		await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 2, {
			timeout: TIMEOUT,
			timeoutMsg: 'the two Vercel jobs never appeared'
		});
		console.log(`board added, fetched and listed in ${Date.now() - started} ms`);
		assert.ok(board.requests.some((url) => url === '/v1/boards/vercel/jobs?content=true'));

		// The list is virtualized (rows placed by a transform); read its text as the DOM holds it.
		const listText = await browser.execute(
			() => document.querySelector('[data-testid="job-list"]')?.textContent ?? ''
		);
		assert.match(listText, /Account Executive, Commercial/);
		assert.match(listText, /Account Executive, Majors/);
		assert.match(listText, /Vercel/);
		assert.match(listText, /Hybrid · London/);
		assert.match(listText, /Greenhouse/);

		await clickLink(browser, await browser.$('[data-testid="job-row"]'));
		const title = await browser.$('[data-testid="job-title"]');
		await title.waitForDisplayed({ timeout: TIMEOUT });
		assert.equal(await title.getText(), 'Account Executive, Commercial');
		const description = await browser.$('[data-testid="job-description"]');
		assert.match(await description.getText(), /About Vercel:/);
		assert.match(await description.getText(), /agentic infrastructure company/);
		assert.ok(await (await browser.$('button=Open application page')).isEnabled());
		assert.match(await browser.getUrl(), /^tauri:\/\/localhost\/jobs\/\d+$/);

		const shot = await screenshot('main-window');
		console.log(`main window screenshot: ${shot}`);

		// Search narrows the list as you type.
		await (await browser.$('[data-testid="job-search"]')).setValue('majors');
		await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 1, {
			timeout: TIMEOUT
		});

		// The Sources page shows each board's health.
		await clickLink(browser, await browser.$('a=Sources'));
		const table = await browser.$('[data-testid="source-table"]');
		await table.waitForDisplayed({ timeout: TIMEOUT });
		const health = await table.getText();
		assert.match(health, /Vercel/);
		assert.match(health, /OK · fetched today, 2 listed/);
		assert.match(health, /nosuchco/);
		assert.match(health, /was not found \(HTTP 404\)/);

		// A Lever careers URL is detected as a Lever board and fetched from its (mock) API.
		await addBoard(browser, 'https://jobs.lever.co/spotify');
		await browser.waitUntil(async () => (await table.getText()).includes('Lever board'), {
			timeout: TIMEOUT,
			timeoutMsg: 'the Lever board never appeared on the Sources page'
		});
		assert.match(await table.getText(), /Lever board 'spotify'/);
		assert.match(await table.getText(), /OK · fetched today, 2 listed/);
		assert.ok(board.requests.some((url) => url.startsWith('/v0/postings/spotify?mode=json')));

		// Every source kind is listed with what it needs; keyed sources say which key is missing.
		const catalog = await browser.$('[data-testid="source-catalog"]');
		const catalogText = await catalog.getText();
		for (const name of ['Greenhouse', 'Lever', 'Remote OK', 'Hacker News', 'We Work Remotely', 'LinkedIn']) {
			assert.ok(catalogText.includes(name), `${name} is in the catalog`);
		}
		assert.match(catalogText, /needs Adzuna app_id and Adzuna app_key/);
		// A key goes into the real keychain (GNOME Keyring in this session) and is read back as "set".
		const adzuna = await browser.$('[data-testid="catalog-adzuna"]');
		await (await browser.$('#key-adzuna_app_id')).setValue('e2e-app-id');
		await (await adzuna.$('button=Save')).click();
		await browser.waitUntil(async () => /needs Adzuna app_key/.test(await adzuna.getText()), {
			timeout: TIMEOUT,
			timeoutMsg: 'the saved key was never read back from the keychain'
		});
		assert.doesNotMatch(await adzuna.getText(), /e2e-app-id/, 'the key itself is never shown');
		const { execFileSync } = await import('node:child_process');
		const stored = execFileSync('secret-tool', [
			'lookup',
			'service',
			'app.jobhound.desktop',
			'username',
			'adzuna_app_id'
		]);
		assert.equal(stored.toString(), 'e2e-app-id');

		const sourcesShot = await screenshot('sources-page');
		console.log(`sources page screenshot: ${sourcesShot}`);

		const memory = await appMemory(dataDir);
		if (memory)
			console.log(`app memory: peak ${memory.peakMb.toFixed(0)} MB, now ${memory.rssMb.toFixed(0)} MB`);
	});
});

test('first launch offers demo data that works offline', { timeout: 60_000 }, async () => {
	await withApp('demo', async ({ browser, board }) => {
		await importDemo(browser);
		const listText = await browser.execute(
			() => document.querySelector('[data-testid="job-list"]')?.textContent ?? ''
		);
		assert.match(listText, /Vault Designer/);
		assert.equal(board.requests.length, 0, 'demo data needs no network');
	});
});
