import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { answerFileDialog } from './desktop.mjs';
import { TIMEOUT, clickLink, clickToOpen, clickUntilTaken, withApp, byTestId } from './harness.mjs';

const HEADER =
	'id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,salary_source,interval,min_amount,max_amount,currency,is_remote,job_level,job_function,listing_type,emails,description,company_industry,company_url,company_logo,company_url_direct,company_addresses,company_num_employees,company_revenue,company_description,skills,experience_range,company_rating,company_reviews_count,vacancy_count,work_from_home_type';
const TITLES = [
	'Senior Rust Engineer',
	'Data Analyst',
	'Account Executive',
	'Product Designer',
	'Backend Developer'
];
const PLACES = ['London, UK', 'Berlin, Germany', 'New York, NY, US', 'Remote', 'Toronto, ON, CA'];

/** Jobs to browse: 10,000 in CI; JOBHOUND_E2E_JOBS=100000 measures the full-size case. */
const JOBS = Number(process.env.JOBHOUND_E2E_JOBS ?? 10_000);
/** `n` as the page may print it: with or without thousands separators. */
const number = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',?');

/** JOBS jobs in JobSpy's CSV layout, the same every run. */
function jobSpyCsv(count) {
	const rows = [HEADER];
	for (let i = 0; i < count; i += 1) {
		const low = 40_000 + (i % 12) * 10_000;
		const day = String(1 + (i % 20)).padStart(2, '0');
		const cells = [
			`in-${i}`,
			'indeed',
			`https://www.indeed.com/viewjob?jk=${i}`,
			'',
			`${TITLES[i % TITLES.length]} ${i}`,
			`Company ${i % 400}`,
			`"${PLACES[i % PLACES.length]}"`,
			`2026-11-${day}`,
			'fulltime',
			'direct_data',
			'yearly',
			String(low),
			String(low + 20_000),
			'USD',
			i % 3 === 0 ? 'True' : 'False',
			'',
			'',
			'',
			'',
			`"We build things with Rust and SQL. Job number ${i}."`,
			...Array(14).fill('')
		];
		rows.push(cells.join(','));
	}
	return `${rows.join('\n')}\n`;
}

/** From the search input's change to the first row of matching results on screen, in ms. */
async function keystrokeToFirstPage(browser, text, expected) {
	return browser.executeAsync(
		(text, expected, done) => {
			const input = document.querySelector('[data-testid="job-search"]');
			const started = performance.now();
			const check = () => {
				const first = document.querySelector('[data-testid="job-row"]');
				if (first && first.textContent.includes(expected)) done(performance.now() - started);
				else if (performance.now() - started > 10_000) done(-1);
				else requestAnimationFrame(check);
			};
			input.value = text;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			requestAnimationFrame(check);
		},
		text,
		expected
	);
}

test(
	`browse ${JOBS.toLocaleString('en')} jobs offline: search, filter, open, save, board, export, back up and restore`,
	{ timeout: JOBS > 10_000 ? 1_800_000 : 300_000 },
	async (t) => {
		const files = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-browse-'));
		const csvIn = path.join(files, 'jobspy.csv');
		const csvOut = path.join(files, 'export.csv');
		const backup = path.join(files, 'browse.jobhound');
		await writeFile(csvIn, jobSpyCsv(JOBS));
		await withApp('browse', async ({ browser, screenshot }) => {
			// Each step is a subtest of one app session (importing 10,000 jobs once), so a failure
			// names the step that broke, with a screenshot of it, and the later steps are skipped.
			let broken = null;
			const step = (name, body) =>
				t.test(name, { skip: broken ? `after "${broken}" failed` : false }, async () => {
					try {
						await body();
					} catch (error) {
						broken = name;
						console.error(`screenshot of the failure: ${await screenshot(`failed-${name.split(':')[0]}`)}`);
						throw error;
					}
				});

			await step(`import ${JOBS.toLocaleString('en')} JobSpy rows`, async () => {
				await (await byTestId(browser, 'empty-state')).waitForDisplayed({ timeout: TIMEOUT });
				await clickLink(browser, await browser.$('a=Settings'));
				let started = Date.now();
				await clickUntilTaken(browser, 'import-jobspy');
				await answerFileDialog('Import a JobSpy CSV', csvIn, 'open');
				await browser.waitUntil(
					async () => {
						const failed = await byTestId(browser, 'data-error');
						if (await failed.isExisting()) throw new Error(`import failed: ${await failed.getText()}`);
						const notice = await byTestId(browser, 'data-notice');
						return (
							(await notice.isExisting()) &&
							new RegExp(`${number(JOBS)} new jobs`).test(await notice.getText())
						);
					},
					{ timeout: JOBS > 10_000 ? 900_000 : 120_000, timeoutMsg: `the ${JOBS} jobs were not imported` }
				);
				console.log(`import ${JOBS} JobSpy rows: ${Date.now() - started} ms (dialog included)`);
			});
			await step('search: keystroke to first page', async () => {
				await clickLink(browser, await browser.$('a=Jobs'));
				await (await byTestId(browser, 'job-viewport')).waitForDisplayed({ timeout: TIMEOUT });
				const timings = [];
				// Each query's first result differs from the one before, so the clock stops on new results.
				for (const [query, expected] of [
					['senior', 'Senior Rust Engineer'],
					['analyst 77', 'Data Analyst 77'],
					['designer', 'Product Designer'],
					['account exec', 'Account Executive'],
					['backend developer 9', 'Backend Developer 9']
				]) {
					const ms = await keystrokeToFirstPage(browser, query, expected);
					assert.ok(ms >= 0, `no first page for "${query}"`);
					timings.push(Math.round(ms));
				}
				const sorted = [...timings].sort((a, b) => a - b);
				console.log(
					`keystroke to first page over ${JOBS} jobs: ${timings.join(', ')} ms (median ${sorted[2]}, max ${sorted[4]}; target 100)`
				);
				assert.ok(sorted[4] < 2_000, 'the first page appears promptly');
			});
			await step('filter: remote engineers paying 150,000 or more, best paid first', async () => {
				// Filter: remote jobs paying at least 120,000, best paid first.
				await keystrokeToFirstPage(browser, 'engineer', 'Senior Rust Engineer');
				await (await byTestId(browser, 'filters-toggle')).click();
				await (await byTestId(browser, 'filter-mode-remote')).click();
				await (await byTestId(browser, 'filter-salary-min')).setValue('150000');
				await browser.execute(() => {
					const select = document.querySelector('[data-testid="job-sort"]');
					select.value = 'salary';
					select.dispatchEvent(new Event('change', { bubbles: true }));
				});
				// Engineers are every fifth job, remote every third, and pay reaches 150,000 for i % 12 >= 9.
				let expected = 0;
				for (let i = 0; i < JOBS; i += 1) if (i % 5 === 0 && i % 3 === 0 && i % 12 >= 9) expected += 1;
				await browser.waitUntil(
					// Counts stop at 1,000 ("1,000+ jobs").
					async () =>
						new RegExp(expected > 1000 ? '^1,?000\\+ jobs' : `^${expected} jobs`).test(
							await (await byTestId(browser, 'job-count')).getText()
						),
					{ timeout: TIMEOUT, timeoutMsg: `the filters did not narrow the list to ${expected} jobs` }
				);
				const count = await (await byTestId(browser, 'job-count')).getText();
				console.log(`remote engineer jobs paying 150,000 or more: ${count}`);
				assert.match(await (await byTestId(browser, 'filters-toggle')).getText(), /Filters\s*2/);
				console.log(`screenshot: ${await screenshot('filtered')}`);
			});
			await step('open the first, save it with s, find it on the board', async () => {
				// Open the first, save it with the keyboard, find it on the board.
				const first = await browser.$('[data-testid="job-row"]');
				const title = await browser.execute((row) => row.querySelector('.title').textContent.trim(), first);
				await clickLink(browser, first);
				await (await byTestId(browser, 'job-title')).waitForDisplayed({ timeout: TIMEOUT });
				await browser.execute(
					() => document.activeElement instanceof HTMLElement && document.activeElement.blur()
				);
				await browser.keys('s');
				await browser.waitUntil(
					async () => await (await byTestId(browser, 'job-application-status')).isExisting(),
					{
						timeout: TIMEOUT,
						timeoutMsg: 's did not save the job'
					}
				);
				await clickLink(browser, await byTestId(browser, 'nav-applications'));
				const saved = await byTestId(browser, 'column-saved');
				await browser.waitUntil(async () => (await saved.getText()).includes(title), {
					timeout: TIMEOUT,
					timeoutMsg: `"${title}" is not in the Saved column`
				});
			});
			await step('dashboard: charts over every job', async () => {
				// The dashboard draws its charts (Chart.js on canvases) over the 10,000 jobs.
				await clickLink(browser, await byTestId(browser, 'nav-dashboard'));
				const totals = await byTestId(browser, 'dashboard-new-jobs');
				await totals.waitForDisplayed({ timeout: TIMEOUT });
				assert.match(await totals.getText(), new RegExp(`All jobs: ${number(JOBS)}`));
				assert.match(await (await byTestId(browser, 'dashboard-funnel')).getText(), /Saved 1/);
				const drawn = await browser.execute(
					() =>
						[...document.querySelectorAll('[data-testid="dashboard"] canvas')].filter(
							(c) => c.width > 0 && c.height > 0
						).length
				);
				assert.ok(drawn >= 2, `charts drawn: ${drawn}`);
				console.log(`screenshot: ${await screenshot('dashboard')}`);
			});
			await step('export, back up and restore, timed', async () => {
				// Export, back up and restore 10,000 jobs, timed.
				await clickLink(browser, await browser.$('a=Settings'));
				const timed = async (label, button, dialog, file, kind, pattern) => {
					const begin = Date.now();
					if (button === 'restore') await (await clickToOpen(browser, 'restore', 'confirm-ok')).click();
					else await clickUntilTaken(browser, button);
					await answerFileDialog(dialog, file, kind);
					const notice = await byTestId(browser, 'data-notice');
					await browser.waitUntil(async () => pattern.test(await notice.getText()), {
						timeout: 120_000,
						timeoutMsg: `${label} did not finish`
					});
					console.log(`${label} ${JOBS} jobs: ${Date.now() - begin} ms (dialog included)`);
				};
				await timed(
					'export CSV of',
					'export-csv',
					'Export jobs and applications',
					csvOut,
					'save',
					new RegExp(`${number(JOBS)} jobs`)
				);
				const lines = (await readFile(csvOut, 'utf8')).trim().split('\n');
				assert.equal(lines.length, JOBS + 1, 'a header and a row per job');
				assert.ok(
					lines.some((line) => line.includes(',saved,')),
					'the saved job carries its status'
				);
				await timed(
					'back up',
					'back-up',
					'Back up Jobhound',
					backup,
					'save',
					new RegExp(`Backed up ${number(JOBS)} jobs`)
				);
				await timed(
					'restore',
					'restore',
					'Restore a Jobhound backup',
					backup,
					'open',
					new RegExp(`Restored ${number(JOBS)} jobs`)
				);
			});
		});
	}
);
