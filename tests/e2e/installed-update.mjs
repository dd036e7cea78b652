// The update, end to end (update.sh runs it against the installed version A): Settings finds
// version B on a local update server, the person agrees, and the app downloads it, verifies its
// signature, installs the .deb and restarts as B, with the person's data where it was.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { windowGeometry, xdo } from './desktop.mjs';
import { appBinary, byTestId, clickLink, importDemo, until, waitForText, withApp } from './harness.mjs';

const home = process.env.JOBHOUND_SMOKE_HOME;
const next = process.env.JOBHOUND_NEXT_VERSION;
const installedVersion = () => execFileSync(appBinary, ['--version'], { encoding: 'utf8' }).trim();
const appPids = () => {
	try {
		return execFileSync('pgrep', ['-f', `^${appBinary}$`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
	} catch {
		return [];
	}
};

test('the app updates itself to the version the server offers, and restarts on it where the window was', { timeout: 180_000 }, async () => {
	assert.ok(home && next, 'update.sh sets JOBHOUND_SMOKE_HOME and JOBHOUND_NEXT_VERSION');
	const before = installedVersion();
	assert.notEqual(before, `jobhound ${next}`);
	const env = { JOBHOUND_UPDATE_URL: process.env.JOBHOUND_UPDATE_URL, JOBHOUND_UPDATE_PUBKEY: process.env.JOBHOUND_UPDATE_PUBKEY };

	await withApp(
		'update',
		async ({ browser, screenshot }) => {
			await importDemo(browser);
			await clickLink(browser, await browser.$('a=Settings'));
			await (await byTestId(browser, 'update-check')).click();
			await waitForText(browser, 'update-available', new RegExp(`Jobhound ${next.replaceAll('.', '\\.')} is available`), 'the offer');
			console.log(`screenshot: ${await screenshot('offer')}`);
			// The window somewhere else and another size than it opened at: the new version must open
			// it where the person left it.
			const placed = { x: 130, y: 70, width: 900, height: 640 };
			const { id } = windowGeometry();
			xdo('windowsize', id, placed.width, placed.height);
			xdo('windowmove', id, placed.x, placed.y);
			const at = () => {
				try {
					const now = windowGeometry();
					return ['x', 'y', 'width', 'height'].every((key) => now[key] === placed[key]);
				} catch {
					return false;
				}
			};
			await until(at, 'the window to take its new size and place');
			const [first] = appPids();
			await (await byTestId(browser, 'update-install')).click();
			// The app installs the package and starts again as the new version (the WebDriver session
			// ends with the old process).
			await until(() => installedVersion() === `jobhound ${next}`, 'the new version to be installed', 120_000);
			await until(() => appPids().some((pid) => pid !== first), 'the app to restart on the new version', 30_000);
			await until(() => !appPids().includes(first), 'the old process to end', 30_000);
			await until(at, 'the new version to open its window where the old one was', 30_000);
			console.log(`updated: ${before} -> ${installedVersion()}, restarted`);
			// The restarted app is not the session's, so ending the session leaves it running: it is
			// ended here rather than after the ten seconds the harness gives an app to quit.
			for (const pid of appPids()) process.kill(Number(pid), 'SIGTERM');
			await until(() => appPids().length === 0, 'the new version to quit when asked');
		},
		{ home, env }
	);
	assert.equal(installedVersion(), `jobhound ${next}`);
});
