import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { windowGeometry } from './desktop.mjs';
import { appBinary, until } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const window = (action) =>
	execFileSync('/usr/bin/python3', [path.join(here, 'window.py'), action], {
		encoding: 'utf8',
		timeout: 10_000
	}).trim();

/** Starts the app itself (no WebDriver) and waits for its window. */
async function start(dataDir) {
	const app = spawn(appBinary, ['--data-dir', dataDir], {
		env: { ...process.env, HOME: dataDir },
		stdio: 'ignore'
	});
	const exited = new Promise((resolve) => app.on('exit', (code) => resolve(code)));
	await until(() => window('state') === 'mapped', 'the window to show');
	// A close request that arrives while the app is still setting up can be lost (seen here
	// about one run in twenty under load); a person cannot click that fast, so give it a moment.
	await new Promise((resolve) => setTimeout(resolve, 1_500));
	return { app, exited };
}

/**
 * Closes the window of an app whose setting is to quit on close, and resolves to its exit code,
 * or 'running' if it never exits (never hangs the run). About one run in twenty under load the
 * first close request is lost and the window stays as it was (neither hidden nor closed); a
 * second one is then honoured. Logged, so it stays visible while its cause is unknown.
 */
async function closeAndWait({ exited }) {
	const exitedWithin = (ms) => Promise.race([exited, new Promise((r) => setTimeout(() => r('running'), ms))]);
	window('close');
	let code = await exitedWithin(3_000);
	if (code === 'running' && window('state') === 'mapped') {
		console.log('close request lost; sent again');
		window('close');
		code = await exitedWithin(10_000);
	}
	return code;
}

/**
 * Closes the window of an app whose setting is to stay in the tray, and waits for it to hide. The
 * first close request is sometimes lost under load (see closeAndWait; CI saw it here too); a
 * second is then honoured, as a person's second click would be.
 */
async function closeToTray() {
	assert.equal(window('close'), '1');
	try {
		await until(() => window('state') === 'hidden', 'the window to hide', 3_000);
	} catch {
		assert.equal(window('state'), 'mapped', 'neither hidden nor still shown');
		console.log('close request lost; sent again');
		assert.equal(window('close'), '1');
		await until(() => window('state') === 'hidden', 'the window to hide');
	}
}

function setCloseToTray(dataDir, on) {
	execFileSync('/usr/bin/python3', [
		'-c',
		`import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO settings (key, value) VALUES ('app.close_to_tray', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (sys.argv[2],))
db.commit()`,
		path.join(dataDir, 'jobhound.db'),
		on ? 'true' : 'false'
	]);
}

test(
	'closing the window keeps Jobhound running in the tray, unless turned off',
	{ timeout: 90_000 },
	async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-tray-'));
		const started = [];
		try {
			const first = await start(dataDir);
			started.push(first.app);
			await closeToTray();
			await new Promise((resolve) => setTimeout(resolve, 500));
			assert.equal(first.app.exitCode, null, 'still running in the tray');

			// Starting Jobhound again (its icon, or start-at-login plus a click) shows the running
			// window; the second process leaves at once rather than run a second scheduler.
			const again = spawn(appBinary, ['--data-dir', dataDir], {
				env: { ...process.env, HOME: dataDir },
				stdio: 'ignore'
			});
			started.push(again);
			const againExited = new Promise((resolve) => again.on('exit', (code) => resolve(code)));
			const againCode = await Promise.race([
				againExited,
				new Promise((r) => setTimeout(() => r('running'), 15_000))
			]);
			assert.equal(againCode, 0, 'the second launch handed over to the first and exited');
			await until(() => window('state') === 'mapped', 'the running window to show again');
			assert.equal(first.app.exitCode, null, 'the first instance still runs');
			first.app.kill();
			await first.exited;

			setCloseToTray(dataDir, false);
			const second = await start(dataDir);
			started.push(second.app);
			assert.equal(await closeAndWait(second), 0, 'with the setting off, closing quits');
		} finally {
			// A failed assertion must not leave an app running (and the test runner waiting on it).
			for (const running of started) running.kill();
			await rm(dataDir, { recursive: true, force: true });
		}
	}
);

test('the window opens where it was left, at the size it was given', { timeout: 90_000 }, async () => {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-window-'));
	const started = [];
	try {
		const first = await start(dataDir);
		started.push(first.app);
		first.app.kill();
		await first.exited;
		setCloseToTray(dataDir, false);

		const second = await start(dataDir);
		started.push(second.app);
		const before = windowGeometry();
		execFileSync('xdotool', ['windowsize', before.id, '900', '640']);
		execFileSync('xdotool', ['windowmove', before.id, '130', '70']);
		await until(() => {
			const now = windowGeometry();
			return now.width === 900 && now.height === 640 && now.x === 130 && now.y === 70;
		}, 'the window to take the new size and place');
		assert.equal(await closeAndWait(second), 0, 'with the setting off, closing quits');

		const third = await start(dataDir);
		started.push(third.app);
		const after = windowGeometry();
		assert.deepEqual(
			{ x: after.x, y: after.y, width: after.width, height: after.height },
			{ x: 130, y: 70, width: 900, height: 640 },
			`it opened as it was left (first it was ${before.width}x${before.height} at ${before.x},${before.y})`
		);
	} finally {
		for (const running of started) running.kill();
		await rm(dataDir, { recursive: true, force: true });
	}
});
