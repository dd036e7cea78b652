import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TIMEOUT, clickLink, withApp } from './harness.mjs';

const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

async function scoresShown(browser) {
	const rows = await browser.$$('[data-testid="job-row"]');
	const scores = [];
	for (const row of rows) {
		const text = await row.getText();
		scores.push({ score: Number(await (await row.$('[data-testid="job-score"]')).getText()), text });
	}
	return scores;
}

test('a campaign ranks jobs with reasons, learns from a like and resets', { timeout: 120_000 }, async () => {
	await withApp('campaign', async ({ browser, screenshot }) => {
		const demo = await browser.$('button=Explore with demo data');
		await demo.waitForDisplayed({ timeout: TIMEOUT });
		await demo.click();
		await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 3, {
			timeout: TIMEOUT,
			timeoutMsg: 'the demo jobs never appeared'
		});

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
