import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TIMEOUT, byTestId, clickLink, waitForText, withApp } from './harness.mjs';

test(
	"a company's own site: the boards behind it are offered, and its Workday site is added and read",
	{ timeout: 120_000 },
	async () => {
		await withApp('careers', async ({ browser, board, screenshot }) => {
			await (await browser.$('[data-testid="empty-state"]')).waitForDisplayed({ timeout: TIMEOUT });
			const field = await browser.$('#board-input');
			await field.waitForDisplayed({ timeout: TIMEOUT });
			await field.setValue(`${board.url}/acme/`);
			await (await browser.$('button[type="submit"]')).click();

			// The homepage names no board; its Careers page embeds the Workday site and links to Lever.
			const offered = await byTestId(browser, 'discovered-boards');
			await offered.waitForDisplayed({ timeout: TIMEOUT });
			// Long addresses are cut with an ellipsis on screen; the DOM holds them whole.
			const text = (
				await browser.execute(
					() => document.querySelector('[data-testid="discovered-boards"]')?.textContent ?? ''
				)
			).replace(/\s+/g, ' ');
			assert.match(text, /Workday ?gdit\.wd5\/External_Career_Site ?embedded in the page/);
			assert.match(text, /Lever ?spotify ?linked from the page/);
			const boxes = await browser.$$('[data-testid="discovered-boards"] input[type="checkbox"]');
			const selected = [];
			for (const box of boxes) selected.push(await box.isSelected());
			assert.deepEqual(selected, [true, false], 'the best find is picked, the others offered');
			console.log(`screenshot: ${await screenshot('offered')}`);

			await (await byTestId(browser, 'add-discovered')).click();
			// Once jobs are stored the list replaces the empty page, its form and the form's report.
			await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 4, {
				timeout: TIMEOUT,
				timeoutMsg: 'the four Workday jobs never appeared'
			});
			assert.ok(
				board.requests.includes('/wday/cxs/gdit/External_Career_Site/jobs'),
				'the site was searched through its own API'
			);
			const listText = await browser.execute(
				() => document.querySelector('[data-testid="job-list"]')?.textContent ?? ''
			);
			assert.match(listText, /Data Engineer - TS\/SCI with Polygraph/);
			assert.match(listText, /Workday/);

			// The job whose detail the site served reads in full.
			const rows = await browser.$$('[data-testid="job-row"]');
			for (const row of rows) {
				if ((await row.getText()).includes('USA DC Washington')) {
					await clickLink(browser, row);
					break;
				}
			}
			await waitForText(browser, 'job-title', /^Data Engineer$/, 'the job detail');
			await waitForText(
				browser,
				'job-description',
				/Type of Requisition/,
				'the description from the detail call'
			);
			console.log(`screenshot: ${await screenshot('workday-job')}`);
		});
	}
);

test(
	'a careers page with no board is read by a recipe, which heals when the page changes',
	{ timeout: 120_000 },
	async () => {
		await withApp('recipe', async ({ browser, board, screenshot }) => {
			await (await browser.$('[data-testid="empty-state"]')).waitForDisplayed({ timeout: TIMEOUT });
			const field = await browser.$('#board-input');
			await field.waitForDisplayed({ timeout: TIMEOUT });
			await field.setValue(`${board.url}/jobs-page/`);
			await (await browser.$('button[type="submit"]')).click();

			const offered = await byTestId(browser, 'discovered-boards');
			await offered.waitForDisplayed({ timeout: TIMEOUT });
			const text = (
				await browser.execute(
					() => document.querySelector('[data-testid="discovered-boards"]')?.textContent ?? ''
				)
			).replace(/\s+/g, ' ');
			assert.match(text, /Careers page.*read from the page's own list/);
			await (await byTestId(browser, 'add-discovered')).click();
			await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 5, {
				timeout: TIMEOUT,
				timeoutMsg: "CTcue's five jobs never appeared"
			});
			const listText = await browser.execute(
				() => document.querySelector('[data-testid="job-list"]')?.textContent ?? ''
			);
			assert.match(listText, /Machine learning engineer/);
			assert.doesNotMatch(listText, /Over CTcue/, 'the About block is no job');

			// The site is redesigned: the next fetch renews the recipe and says so.
			board.setCareersPage('custom-2i2c-jobs-2023-10-31.html');
			await clickLink(browser, await browser.$('a[href="/sources"]'));
			const fetchNow = await browser.$('button=Fetch now');
			await fetchNow.waitForDisplayed({ timeout: TIMEOUT });
			await fetchNow.click();
			await waitForText(
				browser,
				'source-health',
				/layout changed; recipe renewed on/,
				'the heal in the health'
			);
			await (await browser.$('button=Recipe')).click();
			await waitForText(
				browser,
				'recipe-view',
				/Recipe version 2, renewed after the page changed/,
				'the recipe'
			);
			assert.match(await (await byTestId(browser, 'recipe-view')).getText(), /p\.extra-info/);
			console.log(`screenshot: ${await screenshot('healed')}`);

			// The person opens the recipe in the editor: the page's three jobs are outlined on its
			// snapshot, a selector that reads nothing is refused before it is saved, and their edit is
			// kept as the next version.
			await (await browser.$('button=Edit recipe')).click();
			await waitForText(browser, 'recipe-status', /Reads 3 jobs on the page/, 'the preview');
			const outlined = await browser.execute(() => {
				const snapshot = document.querySelector('[data-testid="page-snapshot"]');
				return {
					items: snapshot?.querySelectorAll('.mark-item').length ?? 0,
					titles: [...(snapshot?.querySelectorAll('.mark-title') ?? [])].map((el) => el.textContent),
					scripts: snapshot?.querySelectorAll('script, style, img, iframe, [href], [src]').length ?? -1
				};
			});
			assert.equal(outlined.items, 3);
			assert.deepEqual(outlined.titles, [
				'Product Operations Lead',
				'Delivery Manager / Chief of Staff',
				'Open Source Infrastructure Engineer'
			]);
			assert.equal(outlined.scripts, 0, 'nothing of the page loads or runs in the snapshot');
			const item = await byTestId(browser, 'recipe-item');
			const kept = await item.getValue();
			await item.setValue('div.no-such-card');
			await waitForText(browser, 'recipe-status', /Would be refused: the recipe finds no job/, 'the refusal');
			await (await browser.$('button=Undo changes')).click();
			assert.equal(await item.getValue(), kept);
			await (await byTestId(browser, 'recipe-salary')).setValue(' ');
			await waitForText(browser, 'recipe-status', /Reads 3 jobs on the page/, 'the edited preview');
			console.log(`screenshot: ${await screenshot('recipe-editor')}`);
			await (await browser.$('button=Save as the recipe in use')).click();
			await waitForText(browser, 'recipe-view', /Recipe version 3, written by you/, 'the saved recipe');
			assert.doesNotMatch(await (await byTestId(browser, 'recipe-view')).getText(), /p\.extra-info/);
			await clickLink(browser, await browser.$('a[href="/"]'));
			await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 8, {
				timeout: TIMEOUT,
				timeoutMsg: 'the three jobs of the new layout never joined the five'
			});
		});
	}
);
