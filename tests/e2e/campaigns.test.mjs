import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shownNotifications } from './desktop.mjs';
import { TIMEOUT, clickLink, importDemo, withApp, byTestId } from './harness.mjs';

async function scoresShown(browser) {
	const rows = await browser.$$('[data-testid="job-row"]');
	const scores = [];
	for (const row of rows) {
		const text = await row.getText();
		scores.push({
			score: Number(await (await row.$('[data-testid="job-score"]')).getText()),
			text
		});
	}
	return scores;
}

test('a campaign ranks jobs with reasons, learns from a like and resets', { timeout: 120_000 }, async () => {
	await withApp('campaign', async ({ browser, screenshot }) => {
		await importDemo(browser);

		await clickLink(browser, await byTestId(browser, 'nav-campaigns'));
		const create = await byTestId(browser, 'new-campaign');
		await create.waitForDisplayed({ timeout: TIMEOUT });
		await create.click();
		await (await byTestId(browser, 'campaign-name')).setValue('Sales London');
		await (await byTestId(browser, 'campaign-keywords')).setValue('account executive, commercial');
		await (await byTestId(browser, 'campaign-excluded')).setValue('Commercial');
		await (await byTestId(browser, 'campaign-save')).click();
		const fieldError = await byTestId(browser, 'error-excluded_keywords');
		await fieldError.waitForDisplayed({ timeout: TIMEOUT });
		assert.match(await fieldError.getText(), /both wanted and excluded/);

		await (await byTestId(browser, 'campaign-excluded')).setValue('vault');
		await (await byTestId(browser, 'campaign-save')).click();
		const notice = await byTestId(browser, 'campaign-notice');
		await browser.waitUntil(async () => (await notice.getText()).includes('Created'), { timeout: TIMEOUT });

		await (await byTestId(browser, 'campaign-show-jobs')).click();
		await browser.waitUntil(async () => (await browser.$$('[data-testid="job-score"]')).length === 2, {
			timeout: TIMEOUT,
			timeoutMsg: 'the campaign list never showed two scored jobs (the excluded one filtered)'
		});
		const ranked = await scoresShown(browser);
		assert.ok(ranked[0].score >= ranked[1].score, `best first: ${JSON.stringify(ranked)}`);
		assert.match(ranked[0].text, /Account Executive, Commercial/);

		await clickLink(browser, (await browser.$$('[data-testid="job-row"]'))[0]);
		const breakdown = await byTestId(browser, 'score-breakdown');
		await breakdown.waitForDisplayed({ timeout: TIMEOUT });
		assert.equal((await browser.$$('[data-testid="score-factor"]')).length, 9, 'every factor explained');
		assert.match(await breakdown.getText(), /Title & keywords/);
		assert.equal(await (await byTestId(browser, 'score-value')).getText(), String(ranked[0].score));

		await (await byTestId(browser, 'feedback-like')).click();
		const change = await byTestId(browser, 'weights-change');
		await change.waitForDisplayed({ timeout: TIMEOUT });
		assert.match(await change.getText(), /You liked this job, so “Sales London” now weighs: .*→/);
		console.log(`screenshot: ${await screenshot('score-breakdown')}`);

		await clickLink(browser, await byTestId(browser, 'nav-campaigns'));
		const history = await byTestId(browser, 'feedback-history');
		await history.waitForDisplayed({ timeout: TIMEOUT });
		assert.match(await history.getText(), /You liked Account Executive, Commercial at Vercel/);
		assert.ok((await browser.$$('[data-testid="weight-learned"]')).length > 0, 'learned weights are marked');
		console.log(`screenshot: ${await screenshot('campaign-weights')}`);

		await (await byTestId(browser, 'weights-reset')).click();
		await browser.waitUntil(async () => (await browser.$$('[data-testid="weight-learned"]')).length === 0, {
			timeout: TIMEOUT,
			timeoutMsg: 'reset never brought back the weights the user set'
		});
	});
});

test(
	'a campaign made in the UI runs against the board, shows progress, matches and history',
	{ timeout: 120_000 },
	async () => {
		await withApp('campaign-run', async ({ browser, board, screenshot }) => {
			await (await byTestId(browser, 'empty-state')).waitForDisplayed({ timeout: TIMEOUT });
			await clickLink(browser, await byTestId(browser, 'nav-campaigns'));
			await (await byTestId(browser, 'new-campaign')).click();
			await (await byTestId(browser, 'campaign-name')).setValue('Vercel sales');
			await (await byTestId(browser, 'campaign-keywords')).setValue('account executive');
			await (await browser.$('input[type="number"][max="100"]')).setValue('10');

			// A board pasted into the form is watched (not fetched yet) and chosen for the campaign.
			await (
				await byTestId(browser, 'campaign-source-url')
			).setValue('https://job-boards.greenhouse.io/vercel');
			await (await byTestId(browser, 'campaign-source-add')).click();
			await browser.waitUntil(
				async () =>
					(await (await byTestId(browser, 'campaign-form')).getText()).includes("Greenhouse board 'vercel'"),
				{
					timeout: TIMEOUT,
					timeoutMsg: 'the pasted board never appeared in the form'
				}
			);
			assert.equal(board.requests.length, 0, 'adding a source to a campaign does not fetch it yet');
			await (await byTestId(browser, 'campaign-save')).click();
			await (await byTestId(browser, 'run-now')).waitForDisplayed({ timeout: TIMEOUT });

			const started = Date.now();
			await (await byTestId(browser, 'run-now')).click();
			const summary = await byTestId(browser, 'run-summary');
			await summary.waitForDisplayed({
				timeout: TIMEOUT,
				timeoutMsg: 'the run never reported back'
			});
			console.log(`campaign run reported in ${Date.now() - started} ms`);
			assert.match(await summary.getText(), /done: 2 jobs seen, 2 new, 2 new matches/);
			assert.match(
				await (await byTestId(browser, 'run-progress')).getText(),
				/Greenhouse board 'vercel': 2 jobs, 2 new/
			);
			const historyRow = async () => {
				const cells = await browser.$$('[data-testid="run-history"] tbody tr td');
				const texts = [];
				for (const cell of cells) {
					const text = await browser.execute((el) => el.textContent, cell);
					texts.push(text.replace(/\s+/g, ' ').trim());
				}
				return texts;
			};
			await browser.waitUntil(async () => (await historyRow()).length === 5, {
				timeout: TIMEOUT,
				timeoutMsg: 'no run in the history'
			});
			assert.deepEqual((await historyRow()).slice(1, 4), ['done (manual)', '2', '2']);
			assert.ok(board.requests.includes('/v1/boards/vercel/jobs?content=true'));

			const notifications = await shownNotifications();
			assert.ok(notifications !== null, 'dunstctl is needed: scripts/setup.sh installs dunst');
			const { execFileSync } = await import('node:child_process');
			const displayed = () =>
				Number(execFileSync('dunstctl', ['count', 'displayed'], { encoding: 'utf8' }));
			await browser.waitUntil(async () => displayed() > 0, {
				timeout: TIMEOUT,
				timeoutMsg: 'no notification was displayed'
			});
			console.log(`screenshot: ${await screenshot('campaign-run')}`);
			// Somewhere else in the app, then the notification is clicked: it opens the campaign's matches.
			await clickLink(browser, await browser.$('a[href="/settings"]'));
			await (await byTestId(browser, 'settings')).waitForDisplayed({ timeout: TIMEOUT });
			execFileSync('dunstctl', ['action', '0']);
			const shownOne = async () =>
				(await shownNotifications()).find((text) => text.startsWith('Vercel sales'));
			await browser.waitUntil(async () => (await shownOne()) !== undefined, {
				timeout: TIMEOUT,
				timeoutMsg: `dunst never recorded it: ${JSON.stringify(await shownNotifications())}`
			});
			const shown = await shownOne();
			assert.match(shown, /^Vercel sales: 2 new matches\n/);
			assert.match(shown, /Account Executive, Commercial at Vercel \(\d+\)/);
			console.log(`notification shown and clicked: ${JSON.stringify(shown)}`);
			await browser.waitUntil(async () => (await browser.$$('[data-testid="job-score"]')).length === 2, {
				timeout: TIMEOUT,
				timeoutMsg: 'the new matches were not listed with scores'
			});
			const filter = await byTestId(browser, 'campaign-filter');
			assert.match(
				await browser.execute((select) => select.selectedOptions[0].textContent, filter),
				/Vercel sales/
			);
			const ranked = await scoresShown(browser);
			assert.ok(ranked[0].score >= ranked[1].score, JSON.stringify(ranked));
		});
	}
);

test(
	'settings: start at login writes the autostart entry and preferences persist',
	{ timeout: 60_000 },
	async () => {
		await withApp('settings', async ({ browser, dataDir }) => {
			const { readdir } = await import('node:fs/promises');
			const path = await import('node:path');
			const autostart = path.join(dataDir, 'home', '.config', 'autostart');
			const entries = () => readdir(autostart).catch(() => []);

			await (await byTestId(browser, 'empty-state')).waitForDisplayed({ timeout: TIMEOUT });
			await clickLink(browser, await browser.$('a[href="/settings"]'));
			const login = await byTestId(browser, 'setting-start_at_login');
			await login.waitForDisplayed({ timeout: TIMEOUT });
			assert.equal(await login.isSelected(), false);
			assert.equal(
				await (await byTestId(browser, 'setting-close_to_tray')).isSelected(),
				true,
				'tray by default'
			);

			await login.click();
			await browser.waitUntil(async () => (await entries()).length === 1, {
				timeout: TIMEOUT,
				timeoutMsg: 'no autostart entry was written'
			});
			await (await byTestId(browser, 'setting-notifications')).click();

			await clickLink(browser, await browser.$('a[href="/"]'));
			await clickLink(browser, await browser.$('a[href="/settings"]'));
			await browser.waitUntil(async () => (await byTestId(browser, 'setting-start_at_login')).isSelected(), {
				timeout: TIMEOUT
			});
			assert.equal(await (await byTestId(browser, 'setting-notifications')).isSelected(), false, 'kept');

			await (await byTestId(browser, 'setting-start_at_login')).click();
			await browser.waitUntil(async () => (await entries()).length === 0, {
				timeout: TIMEOUT,
				timeoutMsg: 'turning it off left the autostart entry behind'
			});
		});
	}
);
