import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { appBinary, artifacts, cliBinary, until } from './harness.mjs';

/** The visible windows' titles on the test display. */
function windowTitles() {
	try {
		const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '.'], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.filter(Boolean);
		return ids.map((id) => {
			try {
				return execFileSync('xdotool', ['getwindowname', id], { encoding: 'utf8' }).trim();
			} catch {
				return '';
			}
		});
	} catch {
		return [];
	}
}

test(
	'a database from a newer Jobhound: a native dialog says so, and the log file says it too',
	{ timeout: 60_000 },
	async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-startup-'));
		const home = path.join(dataDir, 'home');
		let app = null;
		try {
			// A database made by this version, then marked as migrated by a far newer one.
			execFileSync(cliBinary, ['--data-dir', dataDir, 'status'], { stdio: 'ignore' });
			execFileSync('/usr/bin/python3', [
				'-c',
				`import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'from the future', 'x', '2030-01-01')")
db.commit()`,
				path.join(dataDir, 'jobhound.db')
			]);
			const logDir = path.join(home, '.local', 'share', 'app.jobhound.desktop', 'logs');
			app = spawn(appBinary, ['--data-dir', dataDir], {
				env: { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, '.local', 'share') },
				stdio: 'ignore'
			});
			await until(
				() => windowTitles().includes('Jobhound could not open your data'),
				'the start-up failure dialog'
			);
			await new Promise((resolve) => setTimeout(resolve, 500));
			const shot = path.join(artifacts, 'startup-newer-database.png');
			execFileSync('import', ['-display', process.env.DISPLAY ?? ':99', '-window', 'root', shot], { timeout: 10_000 });
			console.log(`screenshot: ${shot}`);
			const log = await readFile(path.join(logDir, 'jobhound.log'), 'utf8');
			assert.match(log, /Jobhound \d+\.\d+\.\d+ starting; log file: .*jobhound\.log/);
			assert.match(log, /newer/i, `the log says why: ${log}`);
		} finally {
			// Gone before its folder is removed: an exiting app can still write its log there.
			if (app && app.exitCode === null) {
				const exited = new Promise((resolve) => app.once('exit', resolve));
				app.kill();
				await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
			}
			await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
		}
		assert.ok(!existsSync(dataDir));
	}
);
