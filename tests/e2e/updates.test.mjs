import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TIMEOUT, clickLink, freePort, withApp, byTestId, waitForText } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const tauriCli = path.join(here, '..', '..', 'node_modules', '.bin', 'tauri');
/** Serves `files` (name → bytes) on `port`, as a release's download folder. */
async function serve(port, files) {
	const requests = [];
	const server = createServer((request, response) => {
		requests.push(request.url);
		const body = files[decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1))];
		response.writeHead(body ? 200 : 404);
		response.end(body ?? 'not found');
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

test(
	'updates: an unreachable server and an update whose signature does not match change nothing',
	{ timeout: 120_000 },
	async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-updates-'));
		let server = null;
		try {
			// A key pair made for this test: the app is told to trust it (a debug-build test hook).
			const key = path.join(dir, 'update.key');
			execFileSync(tauriCli, ['signer', 'generate', '--ci', '-w', key, '-p', ''], { stdio: 'ignore' });
			const pubkey = (await readFile(`${key}.pub`, 'utf8')).trim();
			// The package served is not the one that was signed.
			const served = Buffer.from('the package the server sends');
			await writeFile(path.join(dir, 'signed'), 'the package that was signed');
			execFileSync(tauriCli, ['signer', 'sign', '-f', key, '-p', '', path.join(dir, 'signed')], {
				stdio: 'ignore'
			});
			const signature = (await readFile(path.join(dir, 'signed.sig'), 'utf8')).trim();

			const port = await freePort();
			const base = `http://127.0.0.1:${port}`;
			const entry = { signature, url: `${base}/Jobhound_9.9.9_amd64.AppImage` };
			const manifest = {
				version: '9.9.9',
				notes: '- Faster search\n<img src=x onerror="document.title=\'hacked\'">',
				pub_date: '2026-12-20T00:00:00Z',
				// Whatever bundle type the binary under test carries, its entry is found.
				platforms: Object.fromEntries(
					['linux-x86_64', 'linux-x86_64-deb', 'linux-x86_64-rpm', 'linux-x86_64-appimage'].map((k) => [k, entry])
				)
			};
			const env = { JOBHOUND_UPDATE_URL: `${base}/latest.json`, JOBHOUND_UPDATE_PUBKEY: pubkey };

			await withApp(
				'updates',
				async ({ browser, screenshot }) => {
					await clickLink(browser, await browser.$('a=Settings'));
					const current = await byTestId(browser, 'update-current');
					await current.waitForDisplayed({ timeout: TIMEOUT });
					const version = (await current.getText()).match(/You have Jobhound (\d+\.\d+\.\d+)\./)?.[1];
					assert.ok(version, 'the running version is shown');

					// Nothing listens yet: a clear message, nothing offered.
					await (await byTestId(browser, 'update-check')).click();
					await waitForText(browser, 'update-error', /Could not get the update information/, 'server down');
					assert.equal(await (await byTestId(browser, 'update-available')).isExisting(), false);

					server = await serve(port, {
						'latest.json': JSON.stringify(manifest),
						'Jobhound_9.9.9_amd64.AppImage': served
					});
					await (await byTestId(browser, 'update-check')).click();
					await waitForText(browser, 'update-available', /Jobhound 9\.9\.9 is available/, 'the offer');
					const notes = await byTestId(browser, 'update-notes');
					assert.match(await notes.getText(), /<img src=x onerror=/, 'the notes are shown as text');
					assert.equal((await notes.$$('img')).length, 0);
					console.log(`screenshot: ${await screenshot('offer')}`);
					assert.equal(
						server.requests.filter((url) => url.endsWith('.AppImage')).length,
						0,
						'nothing is downloaded before the person agrees'
					);

					await (await byTestId(browser, 'update-install')).click();
					await waitForText(browser, 'update-error', /not signed by Jobhound's key/, 'the bad signature');
					assert.ok(server.requests.some((url) => url.endsWith('.AppImage')), 'the package was downloaded');
					assert.equal(await browser.getTitle(), 'Jobhound', 'the notes never ran as markup');
					assert.match(
						await (await byTestId(browser, 'update-current')).getText(),
						new RegExp(`You have Jobhound ${version.replaceAll('.', '\\.')}\\.`),
						'still the same version'
					);
					assert.ok(await (await byTestId(browser, 'update-install')).isDisplayed(), 'it can be tried again');
					console.log(`screenshot: ${await screenshot('refused')}`);
				},
				{ env }
			);
		} finally {
			await server?.close();
			await rm(dir, { recursive: true, force: true });
		}
	}
);
