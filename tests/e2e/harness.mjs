// Starts what one end-to-end test needs: a mock job board, tauri-driver, and the real app in a
// fresh data dir, then hands back a WebDriver session. Everything is stopped by `close()`.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const artifacts = path.join(here, 'artifacts');
// The recorded payloads, one copy in the repository (the demo data and every test read them).
const fixtures = path.join(here, '..', '..', 'assets', 'recorded');

const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(process.env.HOME ?? '', '.cache/jobhound-target');
// The app under test: the debug build, or an installed one (`/usr/bin/jobhound`, see
// installed.sh); jobhound-cli is taken from beside it.
export const appBinary = process.env.JOBHOUND_APP_BINARY ?? path.join(targetDir, 'debug/jobhound');
export const cliBinary = path.join(path.dirname(appBinary), 'jobhound-cli');
// A test tool, never installed: always the build's.
export const mockLlmBinary = path.join(targetDir, 'debug', 'examples', 'mock_openai');
export const testMailServerBinary = path.join(targetDir, 'debug', 'examples', 'test_mail_server');

/**
 * Serves recorded payloads: Greenhouse `vercel` and Lever `spotify` are the real recordings,
 * anything else is 404.
 */
async function startMockBoard() {
	const vercel = await readFile(path.join(fixtures, 'greenhouse-sample-1.json'));
	const spotify = await readFile(path.join(fixtures, 'lever-sample-1.json'));
	const workdayList = await readFile(path.join(fixtures, 'workday-gdit-list.json'));
	const workdayDetail = await readFile(path.join(fixtures, 'workday-gdit-detail.json'));
	const workday = '/wday/cxs/gdit/External_Career_Site';
	// A company's own site (made up for the tests, not a recording): a homepage linking to its
	// careers page, which embeds a Workday site and links to a Lever board.
	const companyPages = {
		'/acme/':
			'<html><body><h1>Acme</h1><a href="/acme/about">About</a> <a href="/acme/careers">Careers</a></body></html>',
		'/acme/careers':
			'<html><body><h1>Work at Acme</h1>' +
			'<iframe src="https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site"></iframe>' +
			'<p>Students: <a href="https://jobs.lever.co/spotify">internships</a></p></body></html>'
	};
	// A company's careers page with no board behind it, read by a recipe; a test can change its
	// layout (to another recorded page) between fetches.
	const careersPage = { file: 'custom-ctcue-jobs-2018-11-28.html' };
	const requests = [];
	const server = createServer(async (request, response) => {
		requests.push(request.url);
		const url = new URL(request.url ?? '/', 'http://localhost');
		if (url.pathname === '/jobs-page/') {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(await readFile(path.join(fixtures, careersPage.file)));
		} else if (request.method === 'POST' && url.pathname === `${workday}/jobs`) {
			// The recording is the first page; later pages of this stand-in are empty.
			let body = '';
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				const offset = JSON.parse(body || '{}').offset ?? 0;
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(offset === 0 ? workdayList : '{"total":0,"jobPostings":[]}');
			});
		} else if (url.pathname === `${workday}/job/USA-DC-Washington/Data-Engineer_RQ216675`) {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(workdayDetail);
		} else if (companyPages[url.pathname]) {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(companyPages[url.pathname]);
		} else if (url.pathname === '/v1/boards/vercel/jobs' && url.searchParams.get('content') === 'true') {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(vercel);
		} else if (url.pathname === '/v0/postings/spotify') {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(spotify);
		} else {
			response.writeHead(404, { 'content-type': 'application/json' });
			response.end('{"status":404,"error":"Job board not found"}');
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = /** @type {net.AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		/** Serves another recorded page as the careers page from now on. */
		setCareersPage: (file) => (careersPage.file = file),
		close: () => new Promise((r) => server.close(r))
	};
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (probe.address());
			probe.close(() => resolve(port));
		});
	});
}

async function waitForPort(port, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}

/**
 * What `pgrep -f` finds the app started on `dataDir` by (or, when null, the one started without
 * one, as a person starts it): other workers run apps of their own on other displays.
 */
function appPattern(dataDir) {
	return dataDir ? `${appBinary} --data-dir ${dataDir}` : `^${appBinary}$`;
}

/** Peak and current resident memory of the app started on `dataDir` (see appPattern), from /proc. */
export async function appMemory(dataDir) {
	const { execFileSync } = await import('node:child_process');
	let pids = [];
	try {
		pids = execFileSync('pgrep', ['-f', appPattern(dataDir)])
			.toString()
			.trim()
			.split('\n')
			.filter(Boolean);
	} catch {
		return null;
	}
	for (const pid of pids) {
		try {
			const status = await readFile(`/proc/${pid}/status`, 'utf8');
			const kb = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0);
			if (status.includes('Name:\tjobhound'))
				return { pid, peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
		} catch {
			// the process ended between pgrep and the read
		}
	}
	return null;
}

export const TIMEOUT = 15_000;

export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** Waits until the element `id` exists and its text matches `pattern`. */
export async function waitForText(browser, id, pattern, what) {
	await browser.waitUntil(
		async () => {
			const element = await byTestId(browser, id);
			return (await element.isExisting()) && pattern.test(await element.getText());
		},
		{ timeout: TIMEOUT, timeoutMsg: `${what}: ${id} never matched ${pattern}` }
	);
}

/** Polls `check` (no WebDriver: windows, files, processes) until it holds. */
export async function until(check, what, timeoutMs = TIMEOUT) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/**
 * Waits for the app started on `dataDir` (or without one, when null) to exit, and ends it after
 * ten seconds: an app still closing (a large database checkpointing) must not leave its window on
 * the display for the next test, which counts windows.
 */
async function appGone(dataDir) {
	const { execFileSync } = await import('node:child_process');
	const pattern = appPattern(dataDir);
	const running = () => {
		try {
			return execFileSync('pgrep', ['-f', pattern]).toString().trim().length > 0;
		} catch {
			return false;
		}
	};
	const deadline = Date.now() + 10_000;
	while (running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
	if (running()) {
		console.log(`the app on ${dataDir ?? 'its default data dir'} did not exit within 10 s; killed`);
		console.log(await threadStates(execFileSync('pgrep', ['-f', pattern]).toString().trim().split('\n')));
		execFileSync('pkill', ['-KILL', '-f', pattern]);
	}
}

/** Each thread of `pids` with its state and what it waits in, from /proc: why an app is still there. */
async function threadStates(pids) {
	const lines = [];
	for (const pid of pids) {
		try {
			const parent = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ')[1];
			lines.push(`  process ${pid} (parent ${parent}):`);
			const { readdir } = await import('node:fs/promises');
			for (const tid of await readdir(`/proc/${pid}/task`)) {
				const name = (await readFile(`/proc/${pid}/task/${tid}/comm`, 'utf8')).trim();
				const state = (await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8')).split(') ')[1]?.[0];
				const wchan = (await readFile(`/proc/${pid}/task/${tid}/wchan`, 'utf8').catch(() => '?')).trim();
				lines.push(`    ${tid} ${name} ${state} ${wchan}`);
			}
		} catch {
			// it ended while being read
		}
	}
	return lines.join('\n');
}

/**
 * WebKitWebDriver's element click on a link waits for a page load, which a client-side route change
 * never fires, so the command hangs. Links are clicked through the DOM instead; buttons and inputs
 * get real WebDriver input.
 */
export async function clickLink(browser, element) {
	await element.waitForDisplayed({ timeout: TIMEOUT });
	await browser.execute((link) => link.click(), element);
}

/**
 * Clicks the button `buttonId` and waits for what it opens (`openedId`), clicking again if that
 * never shows: Settings finishes laying out sections that load on their own (the browsers found,
 * the inbox), and under load a click aimed before a section grew lands beside the button.
 */
export async function clickToOpen(browser, buttonId, openedId) {
	const opened = await byTestId(browser, openedId);
	for (let attempt = 1; ; attempt++) {
		// Opened but still drawing: wait for it rather than click behind it.
		if (attempt === 1 || !(await opened.isExisting())) await (await byTestId(browser, buttonId)).click();
		const shown = await opened
			.waitForDisplayed({ timeout: attempt < 3 ? 3_000 : TIMEOUT })
			.then(() => true)
			.catch(() => false);
		if (shown) return opened;
		if (attempt === 3) throw new Error(`${buttonId} never opened ${openedId}`);
	}
}

/**
 * Clicks the button `buttonId`, which disables itself while its work runs (the Your data actions,
 * whose native file dialog keeps them busy), and clicks again if it never did: as with
 * clickToOpen, a click aimed while Settings was still growing lands beside the button. A click
 * that was taken is never repeated, so no second dialog opens.
 */
export async function clickUntilTaken(browser, buttonId) {
	const button = await byTestId(browser, buttonId);
	for (let attempt = 1; ; attempt++) {
		await button.click();
		const taken = await browser
			.waitUntil(async () => !(await button.isEnabled()), { timeout: 3_000 })
			.then(() => true)
			.catch(() => false);
		if (taken) return;
		if (attempt === 3) throw new Error(`${buttonId} never took a click`);
	}
}

/** Clicks "Explore with demo data" on the empty first screen and waits for its three jobs. */
export async function importDemo(browser) {
	const demo = await browser.$('button=Explore with demo data');
	await demo.waitForDisplayed({ timeout: TIMEOUT });
	await demo.click();
	await browser.waitUntil(async () => (await browser.$$('[data-testid="job-row"]')).length === 3, {
		timeout: TIMEOUT,
		timeoutMsg: 'the demo jobs never appeared'
	});
}

/**
 * Starts the app on a fresh data dir of its own, deleted at close. With `home`, it runs as a
 * person would instead: that folder is its HOME, it keeps its data where the OS says (no
 * `--data-dir`), and nothing is deleted (the installed-package test reads the data back).
 * `env` adds to the app's environment (test hooks such as the update feed).
 */
export async function launch(name, { home, env = {} } = {}) {
	const board = await startMockBoard();
	const dataDir = home ?? (await mkdtemp(path.join(tmpdir(), `jobhound-e2e-${name}-`)));
	const homeDir = home ?? path.join(dataDir, 'home');
	await mkdir(homeDir, { recursive: true });
	const dataEnv = home
		? { JOBHOUND_DATA_DIR: '', XDG_DATA_HOME: path.join(home, '.local', 'share') }
		: { JOBHOUND_DATA_DIR: dataDir };
	const port = await freePort();
	const nativePort = await freePort();
	const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
		env: {
			...process.env,
			JOBHOUND_BASE_URL_GREENHOUSE: board.url,
			JOBHOUND_BASE_URL_LEVER: board.url,
			JOBHOUND_BASE_URL_WORKDAY: board.url,
			...dataEnv,
			...env,
			// Start-at-login writes ~/.config/autostart: a home of its own, not the real user's.
			HOME: homeDir
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	let browser;
	try {
		await waitForPort(port, 15_000);
		// tauri-driver forwards the first request at once; if WebKitWebDriver is not listening yet it fails.
		await waitForPort(nativePort, 15_000);
		browser = await remote({
			hostname: '127.0.0.1',
			port,
			logLevel: 'warn',
			connectionRetryCount: 0,
			capabilities: {
				'wdio:enforceWebDriverClassic': true,
				'tauri:options': { application: appBinary, args: home ? [] : ['--data-dir', dataDir] }
			}
		});
	} catch (error) {
		driver.kill();
		await board.close();
		throw error;
	}

	async function screenshot(label) {
		await mkdir(artifacts, { recursive: true });
		const file = path.join(artifacts, `${name}-${label}.png`);
		// The whole X display, as a person sees it; WebKitWebDriver's own screenshot can hang.
		const { execFileSync } = await import('node:child_process');
		execFileSync('import', ['-display', process.env.DISPLAY ?? ':99', '-window', 'root', file], {
			timeout: 10_000
		});
		return file;
	}

	async function close() {
		// Said, not thrown: the app is ended below either way. (When an app outlives its session, this
		// tells whether the driver was asked in time.)
		await browser
			.deleteSession()
			.catch((error) => console.log(`${name}: ending the session: ${error.message}`));
		driver.kill();
		await board.close();
		await appGone(home ? null : dataDir);
		if (!home) await rm(dataDir, { recursive: true, force: true });
	}

	return { browser, board, dataDir, screenshot, close };
}

/** Runs `body` with a launched app; on failure saves a screenshot before rethrowing. */
export async function withApp(name, body, options) {
	const app = await launch(name, options);
	try {
		await body(app);
	} catch (error) {
		console.error(`${name} failed: ${error?.stack ?? error}`);
		// A hung webview must not hang the run: give the screenshot ten seconds.
		const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 10_000));
		const file = await Promise.race([app.screenshot('failure').catch(() => null), timeout]);
		console.error(file ? `screenshot of the failure: ${file}` : 'no screenshot could be taken');
		throw error;
	} finally {
		await app.close();
	}
}
