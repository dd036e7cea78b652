import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { TIMEOUT, byTestId, clickLink, cliBinary, importDemo, withApp } from './harness.mjs';

/** An MCP client over stdio, as an assistant's client would run `jobhound-cli mcp`. */
function startMcp(dataDir) {
	const server = spawn(cliBinary, ['mcp'], {
		env: { ...process.env, JOBHOUND_DATA_DIR: dataDir },
		stdio: ['pipe', 'pipe', 'inherit']
	});
	let buffer = '';
	const waiting = new Map();
	server.stdout.on('data', (chunk) => {
		buffer += chunk;
		let newline;
		while ((newline = buffer.indexOf('\n')) >= 0) {
			const line = buffer.slice(0, newline);
			buffer = buffer.slice(newline + 1);
			const message = JSON.parse(line);
			waiting.get(message.id)?.(message);
		}
	});
	let next = 1;
	const request = (method, params) =>
		new Promise((resolve) => {
			const id = next++;
			waiting.set(id, resolve);
			server.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
		});
	const notify = (method) => server.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method })}\n`);
	return { request, notify, stop: () => server.stdin.end() };
}

test(
	'mcp: an application the assistant moves moves on the open board, only once the person allows it',
	{ timeout: 120_000 },
	async () => {
		await withApp('mcp', async ({ browser, dataDir, screenshot }) => {
			await importDemo(browser);
			const mcp = startMcp(dataDir);
			try {
				const init = await mcp.request('initialize', {
					protocolVersion: '2025-06-18',
					capabilities: {},
					clientInfo: { name: 'e2e', version: '1' }
				});
				assert.equal(init.result.serverInfo.name, 'jobhound');
				mcp.notify('notifications/initialized');
				const found = await mcp.request('tools/call', {
					name: 'search_jobs',
					arguments: { query: 'Account Executive, Commercial', limit: 1 }
				});
				const jobId = JSON.parse(found.result.content[0].text).jobs[0].id;
				const move = () =>
					mcp.request('tools/call', {
						name: 'set_application_status',
						arguments: { job_id: jobId, status: 'interviewing' }
					});

				// Read-only by default: refused, and the board stays empty.
				const refused = await move();
				assert.equal(refused.result.isError, true);
				assert.match(refused.result.content[0].text, /Write access is off/);

				await clickLink(browser, await browser.$('a=Settings'));
				const allow = await byTestId(browser, 'setting-assistant_may_write');
				await allow.waitForExist({ timeout: TIMEOUT });
				await allow.scrollIntoView();
				await allow.click();
				await browser.waitUntil(async () => allow.isSelected(), {
					timeout: TIMEOUT,
					timeoutMsg: 'not allowed'
				});

				// The board is open when the assistant moves the application.
				await clickLink(browser, await browser.$('a=Applications'));
				await (await byTestId(browser, 'applications-empty')).waitForExist({ timeout: TIMEOUT });
				const moved = await move();
				assert.notEqual(moved.result.isError, true, JSON.stringify(moved));
				const column = await byTestId(browser, 'column-interviewing');
				await column.waitForExist({ timeout: TIMEOUT });
				await browser.waitUntil(async () => /Account Executive, Commercial/.test(await column.getText()), {
					timeout: TIMEOUT,
					timeoutMsg: 'the application never showed in Interviewing'
				});
				await (await column.$('[data-testid="application-card"]')).click();
				const timeline = await byTestId(browser, 'application-timeline');
				await browser.waitUntil(async () => /by your AI assistant/.test(await timeline.getText()), {
					timeout: TIMEOUT,
					timeoutMsg: 'the timeline does not say the assistant made the change'
				});
				console.log(`screenshot: ${await screenshot('board')}`);
			} finally {
				mcp.stop();
			}
		});
	}
);
