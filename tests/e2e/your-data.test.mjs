import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { answerFileDialog } from './desktop.mjs';
import {
	TIMEOUT,
	clickLink,
	clickToOpen,
	clickUntilTaken,
	importDemo,
	withApp,
	byTestId
} from './harness.mjs';

async function notice(browser, pattern, what) {
	await browser.waitUntil(
		async () => {
			const element = await byTestId(browser, 'data-notice');
			return (await element.isExisting()) && pattern.test(await element.getText());
		},
		{ timeout: TIMEOUT, timeoutMsg: `${what}: no notice matching ${pattern}` }
	);
	return (await byTestId(browser, 'data-notice')).getText();
}

async function jobRows(browser) {
	return (await browser.$$('[data-testid="job-row"]')).length;
}

test('your data: export CSV read back, back up, delete a job, restore it', { timeout: 180_000 }, async () => {
	const files = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-data-'));
	const csv = path.join(files, 'jobs.csv');
	const backup = path.join(files, 'before.jobhound');
	await withApp('your-data', async ({ browser, screenshot }) => {
		await importDemo(browser);

		await clickLink(browser, await browser.$('a=Settings'));
		let started = Date.now();
		await clickUntilTaken(browser, 'export-csv');
		await answerFileDialog('Export jobs and applications', csv, 'save');
		await notice(browser, /3 jobs \(0 with an application\) written to/, 'export');
		console.log(`export CSV: ${Date.now() - started} ms from click to notice (dialog included)`);
		const lines = (await readFile(csv, 'utf8')).trim().split('\n');
		assert.match(lines[0], /^id,title,company,locations,/);
		assert.ok(
			lines.some((line) => line.includes('Account Executive, Commercial')),
			lines.join('\n')
		);

		started = Date.now();
		await clickUntilTaken(browser, 'back-up');
		await answerFileDialog('Back up Jobhound', backup, 'save');
		await notice(browser, /Backed up 3 jobs/, 'backup');
		console.log(`back up: ${Date.now() - started} ms (dialog included)`);
		assert.ok(existsSync(backup));
		console.log(`screenshot: ${await screenshot('settings-your-data')}`);

		await clickLink(browser, await browser.$('a=Jobs'));
		await clickLink(browser, await browser.$('[data-testid="job-row"]*=Vault Designer'));
		await (await byTestId(browser, 'delete-job')).click();
		await (await byTestId(browser, 'confirm-ok')).click();
		await browser.waitUntil(async () => (await jobRows(browser)) === 2, {
			timeout: TIMEOUT,
			timeoutMsg: 'the deleted job is still listed'
		});

		await clickLink(browser, await browser.$('a=Settings'));
		started = Date.now();
		await (await clickToOpen(browser, 'restore', 'confirm-ok')).click();
		await answerFileDialog('Restore a Jobhound backup', backup, 'open');
		const restored = await notice(browser, /Restored 3 jobs/, 'restore');
		console.log(`restore: ${Date.now() - started} ms (confirmation and dialog included)`);
		assert.match(restored, /The previous database is kept at .*before-restore/);

		await clickLink(browser, await browser.$('a=Jobs'));
		await browser.waitUntil(async () => (await jobRows(browser)) === 3, {
			timeout: TIMEOUT,
			timeoutMsg: 'the restored job did not come back'
		});
	});
});
