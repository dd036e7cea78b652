import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startTestMailServer } from './desktop.mjs';
import {
	TIMEOUT,
	byTestId,
	clickLink,
	importDemo,
	testMailServerBinary,
	waitForText,
	withApp
} from './harness.mjs';

function email(id, from, subject, body) {
	return [
		`From: ${from}`,
		'To: ada@example.com',
		`Subject: ${subject}`,
		`Date: ${new Date().toUTCString()}`,
		`Message-ID: <${id}@mail.example>`,
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8',
		'',
		body,
		''
	].join('\r\n');
}

test(
	'inbox: connect to a real IMAP server, check, see a rejection proposed on the right application, accept it, see the timeline',
	{ timeout: 240_000 },
	async () => {
		const files = await mkdtemp(path.join(tmpdir(), 'jobhound-e2e-mail-'));
		const rejection = path.join(files, 'rejection.eml');
		const alert = path.join(files, 'alert.eml');
		await writeFile(
			rejection,
			email(
				'rejection',
				'Vercel Recruiting <no-reply@us.greenhouse-mail.io>',
				'Your application to Vercel',
				'Hi Ada,\r\n\r\nThank you for applying for the Account Executive, Commercial role. Unfortunately, we have decided to move forward with other candidates.\r\n\r\n<script>document.title = "owned"</script>'
			)
		);
		await writeFile(
			alert,
			email(
				'alert',
				'Greenhouse <no-reply@greenhouse.io>',
				'New jobs you might like',
				'Jobs matching your job alert: Software Engineer at Initech. Unsubscribe from this job alert at any time.'
			)
		);
		const mail = await startTestMailServer(testMailServerBinary, [rejection, alert]);
		try {
			await withApp('inbox', async ({ browser, screenshot }) => {
				await importDemo(browser);
				// Two applications at Vercel: the rejection names the title of one.
				for (const title of ['Account Executive, Commercial', 'Account Executive, Majors']) {
					await clickLink(browser, await browser.$('a=Jobs'));
					await clickLink(browser, await browser.$(`[data-testid="job-row"]*=${title}`));
					await waitForText(browser, 'job-title', new RegExp(title), `the job "${title}" opened`);
					await (await byTestId(browser, 'mark-applied')).click();
					const status = async () => {
						const select = await byTestId(browser, 'job-application-status');
						return (await select.isExisting()) && (await select.getValue()) === 'applied';
					};
					const asked = async () =>
						(await byTestId(browser, 'confirm-dialog')).isDisplayed().catch(() => false);
					await browser.waitUntil(async () => (await status()) || (await asked()), {
						timeout: TIMEOUT,
						timeoutMsg: `"${title}" was neither applied nor asked about`
					});
					// The second application to Vercel asks first.
					if (await asked()) await (await byTestId(browser, 'confirm-ok')).click();
					await browser.waitUntil(status, {
						timeout: TIMEOUT,
						timeoutMsg: `"${title}" never showed as applied`
					});
				}

				// Settings → Inbox: a wrong password first, then the right one.
				await clickLink(browser, await browser.$('a=Settings'));
				const host = await byTestId(browser, 'inbox-host');
				await host.waitForDisplayed({ timeout: TIMEOUT });
				await host.scrollIntoView();
				await host.setValue('127.0.0.1');
				await (await byTestId(browser, 'inbox-port')).setValue(String(mail.port));
				await (await byTestId(browser, 'inbox-security')).selectByAttribute('value', 'plain');
				await (await byTestId(browser, 'inbox-user')).setValue(mail.user);
				await (await byTestId(browser, 'inbox-password')).setValue('not-the-password');
				await (await byTestId(browser, 'inbox-test')).click();
				await waitForText(
					browser,
					'inbox-settings-error',
					/refused the user name or app password/,
					'a wrong password refused'
				);
				await (await byTestId(browser, 'inbox-password')).setValue(mail.password);
				await (await byTestId(browser, 'inbox-test')).click();
				await waitForText(browser, 'inbox-folders', /INBOX/, 'the folders listed');
				await (await byTestId(browser, 'inbox-save')).click();
				await waitForText(
					browser,
					'inbox-password-status',
					/stored in the system keychain/,
					'the password stored'
				);
				console.log(`screenshot: ${await screenshot('settings')}`);

				// Applications → From your inbox → Check now.
				await clickLink(browser, await browser.$('a=Applications'));
				const check = await byTestId(browser, 'inbox-check');
				await check.waitForDisplayed({ timeout: TIMEOUT });
				await check.click();
				await waitForText(
					browser,
					'inbox-notice',
					/Read 2 messages; 1 about your applications, 1 to review/,
					'the check'
				);
				const card = await byTestId(browser, 'inbox-message');
				const text = await card.getText();
				assert.match(text, /Rejection/);
				assert.match(
					text,
					/Account Executive, Commercial/,
					'proposed on the application whose title it names'
				);
				assert.doesNotMatch(text, /Account Executive, Majors/);
				assert.equal(await browser.getTitle(), 'Jobhound', 'the message ran no script');
				console.log(`screenshot: ${await screenshot('proposal')}`);
				await (await byTestId(browser, 'inbox-accept')).click();
				await waitForText(browser, 'inbox-review-state', /Accepted: moved to Rejected/, 'accepted');
				const rejected = await byTestId(browser, 'column-rejected');
				await browser.waitUntil(async () => /Account Executive, Commercial/.test(await rejected.getText()), {
					timeout: TIMEOUT,
					timeoutMsg: 'the application never moved to Rejected on the board'
				});

				// The application's timeline shows the move and the message.
				await (await rejected.$('[data-testid="application-card"]')).click();
				await waitForText(browser, 'application-timeline', /Applied → Rejected/, 'the timeline');
				await waitForText(
					browser,
					'application-messages',
					/Your application to Vercel/,
					'the message in the timeline'
				);
				console.log(`screenshot: ${await screenshot('timeline')}`);
			});
		} finally {
			await mail.stop();
			await rm(files, { recursive: true, force: true });
		}
	}
);
