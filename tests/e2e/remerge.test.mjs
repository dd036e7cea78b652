import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { TIMEOUT, byTestId, cliBinary, waitForText, withApp } from './harness.mjs';

/**
 * The person's data as an older Jobhound left it: the demo jobs, and a retyped copy of the first
 * one (upper-case title, "Inc." on the company) that older rules stored as a job of its own, with
 * the person's application on it.
 */
function dataFromAnOlderVersion(dataDir) {
	execFileSync(cliBinary, ['--data-dir', dataDir, 'demo'], { stdio: 'ignore' });
	execFileSync('/usr/bin/python3', [
		'-c',
		`import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
columns = [row[1] for row in db.execute("PRAGMA table_info(jobs)") if row[1] != "id"]
copied = ", ".join("upper(title)" if c == "title" else "company || ' Inc.'" if c == "company" else c for c in columns)
db.execute(f"INSERT INTO jobs ({', '.join(columns)}) SELECT {copied} FROM jobs ORDER BY id LIMIT 1")
copy = db.execute("SELECT max(id) FROM jobs").fetchone()[0]
db.execute("INSERT INTO applications (job_id, status, created_at, updated_at) VALUES (?, 'applied', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')", (copy,))
db.execute("UPDATE settings SET value = '1' WHERE key = 'dedup_keys_version'")
db.commit()`,
		path.join(dataDir, 'jobhound.db')
	]);
}

test(
	'after an upgrade the app merges the duplicates older rules kept apart, backed up first, keeping the application',
	{ timeout: 90_000 },
	async () => {
		const home = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-remerge-'));
		const dataDir = path.join(home, '.local', 'share', 'app.jobhound.desktop');
		try {
			dataFromAnOlderVersion(dataDir);
			await withApp(
				'remerge',
				async ({ browser, screenshot }) => {
					await waitForText(
						browser,
						'remerge-done',
						/Merged 1 duplicate job into its older copy/,
						'the remerge result'
					);
					const banner = await (await byTestId(browser, 'remerge-done')).getText();
					assert.match(banner, /backups\/before-remerge-.*\.jobhound/);
					await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 3, {
						timeout: TIMEOUT,
						timeoutMsg: 'the list still shows the copy'
					});
					console.log(`screenshot: ${await screenshot('merged')}`);
				},
				{ home }
			);
			const backups = await readdir(path.join(dataDir, 'backups'));
			assert.equal(
				backups.filter((name) => name.startsWith('before-remerge-')).length,
				1,
				backups.join(', ')
			);
			const cli = (...args) =>
				JSON.parse(execFileSync(cliBinary, ['--data-dir', dataDir, '--json', ...args], { encoding: 'utf8' }));
			assert.equal(cli('status').job_count, 3);
			const applications = cli('application', 'list');
			assert.equal(applications.length, 1, 'the application moved to the job it was a copy of');
			// Done once: the next start has nothing to merge.
			const again = JSON.parse(
				execFileSync(cliBinary, ['--data-dir', dataDir, '--json', 'jobs', 'remerge'], { encoding: 'utf8' })
			);
			assert.equal(again.merged, 0);
		} finally {
			await rm(home, { recursive: true, force: true });
		}
	}
);
