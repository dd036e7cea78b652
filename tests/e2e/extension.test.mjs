// The "Save to Jobhound" extension in real Chromium (Debian's package, with a window on the test's
// X display: headless Chromium 148 crashes when an extension's popup opens). The unpacked build is
// loaded, recorded posting pages are served from a local server, the toolbar button is pressed
// (DevTools' Extensions.triggerAction, as a click grants activeTab), and the jobs reach the
// database through the real native messaging host that `jobhound-cli browser install` set up.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { artifacts, cliBinary } from './harness.mjs';
import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = path.join(here, '..', '..', 'assets', 'recorded');
const extensionSource = path.join(here, '..', '..', 'extension');
const EXTENSION_ID = 'bnhljoongkkieiiekibjipggndnmmcoi';
const WAIT = 15_000;

/** The recorded pages as a careers site would serve them. */
async function servePages() {
	const pages = {
		// schema.org's own JobPosting example (JSON-LD).
		'/careers/software-engineer': 'jsonld-jobposting-sample-1.html',
		// 2i2c's jobs page as GitHub Pages served it in March 2022: one job, no JSON-LD.
		'/jobs/': 'custom-2i2c-jobs-2022-03-22.html'
	};
	const server = createServer(async (request, response) => {
		const file = pages[new URL(request.url ?? '/', 'http://localhost').pathname];
		if (!file) return response.writeHead(404).end();
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(await readFile(path.join(recorded, file)));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

function cli(env, args) {
	return execFileSync(cliBinary, args, { env, encoding: 'utf8' });
}

/** A build of the extension of its own (the UI lane may be rebuilding extension/dist meanwhile). */
function buildExtension(outDir) {
	execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
		cwd: extensionSource,
		stdio: 'inherit'
	});
}

/** Opens `url` in the tab, presses the extension's button and attaches to its popup. */
async function openPopup(chrome, page, url) {
	await chrome.send('Page.navigate', { url }, page.sessionId);
	await chrome.waitFor(
		page.sessionId,
		'document.readyState',
		(state) => state === 'complete',
		WAIT,
		'the page'
	);
	const { targetInfos } = await chrome.send('Target.getTargets', { filter: [{ type: 'tab' }] });
	const tab = targetInfos.find((target) => target.url === url);
	assert.ok(tab, `no tab shows ${url}`);
	await chrome.send('Extensions.triggerAction', { id: EXTENSION_ID, targetId: tab.targetId });
	const popupUrl = `chrome-extension://${EXTENSION_ID}/popup.html`;
	let popup;
	const deadline = Date.now() + WAIT;
	while (!popup) {
		const { targetInfos: pages } = await chrome.send('Target.getTargets', { filter: [{ type: 'page' }] });
		popup = pages.find((target) => target.url === popupUrl);
		if (!popup && Date.now() > deadline) throw new Error('the popup never opened');
		if (!popup) await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const { sessionId } = await chrome.send('Target.attachToTarget', {
		targetId: popup.targetId,
		flatten: true
	});
	return { sessionId, targetId: popup.targetId };
}

const statusOf = (chrome, popup, pattern, what) =>
	chrome.waitFor(
		popup.sessionId,
		"document.getElementById('status').textContent",
		(text) => pattern.test(String(text)),
		WAIT,
		what
	);

async function screenshot(chrome, popup, name) {
	const { data } = await chrome.send('Page.captureScreenshot', { format: 'png' }, popup.sessionId);
	await mkdir(artifacts, { recursive: true });
	const file = path.join(artifacts, `extension-${name}.png`);
	await writeFile(file, Buffer.from(data, 'base64'));
	return file;
}

/**
 * A scratch folder with a home for the browser (`browserDir` made, so the browser counts as found)
 * and the environment the browser, and so the host it starts, runs with: the test's data dir
 * reaches the host that way.
 */
async function scratchFor(name, browserDir) {
	const scratch = await mkdtemp(path.join(tmpdir(), `jobhound-${name}-`));
	const home = path.join(scratch, 'home');
	await mkdir(path.join(home, browserDir), { recursive: true });
	const env = {
		...process.env,
		HOME: home,
		JOBHOUND_DATA_DIR: path.join(scratch, 'data'),
		JOBHOUND_KEYCHAIN: 'memory'
	};
	return { scratch, home, env };
}

test(
	'Save to Jobhound in Chromium: pages with and without JSON-LD become jobs through the native host, one goes on the board',
	{ timeout: 180_000 },
	async () => {
		const { scratch, env } = await scratchFor('extension', '.config/chromium');
		const extension = path.join(scratch, 'extension');
		buildExtension(extension);
		const installed = JSON.parse(cli(env, ['--json', 'browser', 'install', 'chromium']));
		assert.equal(installed.installed, true, JSON.stringify(installed));

		const site = await servePages();
		const chrome = await launchChromium({
			env,
			headless: false,
			// The host's standard error (its refusals) goes to Chromium's, which the test reads.
			args: ['--enable-logging=stderr', '--window-size=1200,900']
		});
		try {
			const loaded = await chrome.send('Extensions.loadUnpacked', { path: extension });
			assert.equal(loaded.id, EXTENSION_ID, 'the pinned key gives the id the host manifest allows');
			const { targetInfos } = await chrome.send('Target.getTargets', { filter: [{ type: 'page' }] });
			const { sessionId } = await chrome.send('Target.attachToTarget', {
				targetId: targetInfos[0].targetId,
				flatten: true
			});
			const page = { sessionId };

			// A page with JSON-LD: the popup shows what it read, the person saves, then adds it to the board.
			const jsonLdPage = `${site.url}/careers/software-engineer`;
			let popup = await openPopup(chrome, page, jsonLdPage);
			await statusOf(chrome, popup, /Save this job to Jobhound\?/, 'the confirmation');
			const shown = await chrome.evaluate(
				popup.sessionId,
				"['title', 'company', 'location', 'source'].map((id) => document.getElementById(id).textContent)"
			);
			// schema.org's example names no hiring organization: the site stands in, as Jobhound stores it.
			assert.deepEqual(shown, [
				'Software Engineer',
				'127.0.0.1',
				'Kirkland',
				`127.0.0.1:${new URL(site.url).port}`
			]);
			console.log(`screenshot: ${await screenshot(chrome, popup, 'confirm')}`);
			await chrome.evaluate(popup.sessionId, "document.getElementById('save').click()");
			await statusOf(chrome, popup, /^Saved\. It is in Jobhound’s job list\.$/, 'the save');
			const trackShown = await chrome.evaluate(popup.sessionId, "!document.getElementById('track').hidden");
			assert.equal(trackShown, true, '"Add to my applications" is offered at once');
			await chrome.evaluate(popup.sessionId, "document.getElementById('track').click()");
			await statusOf(chrome, popup, /Added to your applications board, under Saved\./, 'the application');
			console.log(`screenshot: ${await screenshot(chrome, popup, 'added')}`);
			await chrome.send('Target.closeTarget', { targetId: popup.targetId });

			const jobs = JSON.parse(cli(env, ['--json', 'jobs', 'list']));
			assert.equal(jobs.total, 1, JSON.stringify(jobs));
			const saved = jobs.jobs[0];
			assert.equal(saved.title, 'Software Engineer');
			assert.equal(saved.company, '127.0.0.1');
			const application = JSON.parse(cli(env, ['--json', 'application', 'show', String(saved.id)]));
			assert.equal(application.status, 'saved');
			const job = JSON.parse(cli(env, ['--json', 'jobs', 'show', String(saved.id)]));
			assert.match(JSON.stringify(job), /browser/, 'marked as saved from the browser');
			assert.match(JSON.stringify(job), new RegExp(jsonLdPage.replace(/[.?]/g, '\\$&')), 'with its page');

			// The same page again is the same job.
			popup = await openPopup(chrome, page, jsonLdPage);
			await statusOf(chrome, popup, /Save this job/, 'the second confirmation');
			await chrome.evaluate(popup.sessionId, "document.getElementById('save').click()");
			await statusOf(chrome, popup, /already had this job/, 'the merge');
			await chrome.send('Target.closeTarget', { targetId: popup.targetId });

			// A page without JSON-LD: the visible page is read (its heading, the site's name).
			popup = await openPopup(chrome, page, `${site.url}/jobs/`);
			await statusOf(chrome, popup, /Save this job to Jobhound\?/, 'the confirmation of the plain page');
			const plain = await chrome.evaluate(
				popup.sessionId,
				"['title', 'company'].map((id) => document.getElementById(id).textContent)"
			);
			assert.deepEqual(plain, ['Jobs at 2i2c', '2i2c']);
			await chrome.evaluate(popup.sessionId, "document.getElementById('save').click()");
			await statusOf(chrome, popup, /^Saved\./, 'the save of the plain page');

			// Messages the extension never sends, sent from its own popup through the real browser:
			// each is refused, answered and logged, and the host keeps serving.
			const refusals = await chrome.evaluate(
				popup.sessionId,
				`(async () => {
					const send = (message) => chrome.runtime.sendNativeMessage('app.jobhound.save', message);
					return [
						await send({ type: 'save', url: 'javascript:alert(1)', page_title: '', jsonld: null, job: { title: 'x' } }),
						await send({ type: 'save', url: 'https://a.example/', jsonld: null, job: null, cookies: 'x' }),
						await send({ type: 'save', url: 'https://a.example/big', page_title: '', jsonld: null,
							job: { title: 'Big', company: null, location: null, description_html: 'x'.repeat(1_200_000) } }),
						await send({ type: 'track', job_id: 99999 })
					];
				})()`
			);
			assert.equal(refusals.length, 4);
			for (const answer of refusals) assert.equal(answer.ok, false, JSON.stringify(answer));
			assert.match(refusals[2].error, /at most 1048576/);
			await chrome.send('Target.closeTarget', { targetId: popup.targetId });

			const after = JSON.parse(cli(env, ['--json', 'jobs', 'list']));
			assert.equal(after.total, 2, 'nothing refused was stored');
			// The host's standard error reaches Chromium's on its own schedule: wait for the lines.
			const refusalsLogged = () =>
				chrome.log().match(/jobhound native host: refused a message/g)?.length ?? 0;
			const logDeadline = Date.now() + WAIT;
			while (refusalsLogged() < 4 && Date.now() < logDeadline) {
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			assert.equal(refusalsLogged(), 4, 'each refusal is logged');
		} finally {
			await chrome.close();
			await site.close();
			await rm(scratch, { recursive: true, force: true });
		}
	}
);

test('an extension other than Jobhound cannot reach the host', { timeout: 120_000 }, async () => {
	const { scratch, env } = await scratchFor('extension-other', '.config/chromium');
	cli(env, ['browser', 'install', 'chromium']);
	// Another extension with the same permission: no pinned key, so another id.
	const other = path.join(scratch, 'other');
	await mkdir(other);
	await writeFile(
		path.join(other, 'manifest.json'),
		JSON.stringify({
			manifest_version: 3,
			name: 'Not Jobhound',
			version: '1.0',
			permissions: ['nativeMessaging'],
			action: { default_popup: 'popup.html' }
		})
	);
	await writeFile(path.join(other, 'popup.html'), '<!doctype html><title>other</title>');
	const chrome = await launchChromium({ env, headless: false });
	try {
		const { id } = await chrome.send('Extensions.loadUnpacked', { path: other });
		assert.notEqual(id, EXTENSION_ID);
		const { targetInfos } = await chrome.send('Target.getTargets', { filter: [{ type: 'page' }] });
		const { sessionId } = await chrome.send('Target.attachToTarget', {
			targetId: targetInfos[0].targetId,
			flatten: true
		});
		await chrome.send('Page.navigate', { url: `chrome-extension://${id}/popup.html` }, sessionId);
		await chrome.waitFor(sessionId, 'document.readyState', (state) => state === 'complete', WAIT, 'its page');
		const outcome = await chrome.evaluate(
			sessionId,
			`chrome.runtime.sendNativeMessage('app.jobhound.save', { type: 'save', url: 'https://a.example/', jsonld: null,
				job: { title: 'Planted', company: null, location: null, description_html: null } })
				.then((answer) => 'answered ' + JSON.stringify(answer), (error) => 'refused: ' + error.message)`
		);
		assert.match(outcome, /^refused: .*forbidden/i, outcome);
		const jobs = JSON.parse(cli(env, ['--json', 'jobs', 'list']));
		assert.equal(jobs.total, 0);
	} finally {
		await chrome.close();
		await rm(scratch, { recursive: true, force: true });
	}
});

test(
	'Save to Jobhound in Firefox: its toolbar action reads the page, Enter saves it and adds it to the board, through Firefox’s host manifest',
	{ timeout: 180_000 },
	async () => {
		const { scratch, home, env } = await scratchFor('firefox', '.mozilla');
		const extension = path.join(scratch, 'extension');
		buildExtension(extension);
		cli(env, ['browser', 'install', 'firefox']);
		const manifest = JSON.parse(
			await readFile(path.join(home, '.mozilla/native-messaging-hosts/app.jobhound.save.json'), 'utf8')
		);
		assert.deepEqual(manifest.allowed_extensions, ['save@jobhound.app']);

		const site = await servePages();
		const uuid = '8f9a6a52-3c51-4a0e-9d7e-0b7d1c2f4a11';
		const firefox = await launchFirefox({
			env,
			profile: path.join(scratch, 'profile'),
			extensionUuids: { 'save@jobhound.app': uuid }
		});
		try {
			const installed = await firefox.send('webExtension.install', {
				extensionData: { type: 'path', path: extension }
			});
			assert.equal(installed.extension, 'save@jobhound.app', 'Firefox accepts the manifest and its gecko id');
			const page = `${site.url}/careers/software-engineer`;
			await firefox.send('browsingContext.navigate', { context: firefox.tab, url: page, wait: 'complete' });
			// A headless window is not focused until asked; the popup opens only in a focused one.
			await firefox.send('browsingContext.activate', { context: firefox.tab });

			// The toolbar button, as Firefox runs it for a click or the Alt+Shift+J shortcut.
			const popupState = () =>
				firefox.evaluate(
					firefox.chromeWindow,
					`document.querySelector('browser.webextension-popup-browser')?.closest('panel')?.state ?? 'none'`
				);
			await firefox.evaluate(
				firefox.chromeWindow,
				`(async () => {
					const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
					const extension = ExtensionParent.GlobalManager.getExtension('save@jobhound.app');
					await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
				})()`
			);
			const opening = Date.now() + WAIT;
			while ((await popupState()) !== 'open') {
				if (Date.now() > opening) throw new Error(`the popup never opened (${await popupState()})`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			// The popup focuses its next button once it is ready: Save, then "Add to my applications".
			// Firefox keeps the popup's page out of reach of WebDriver, so the person's Enter key is
			// sent to it and the database says what happened.
			const pressEnter = () =>
				firefox.evaluate(
					firefox.chromeWindow,
					`(() => {
						document.querySelector('browser.webextension-popup-browser').focus();
						const keys = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
						keys.beginInputTransactionForTests(window);
						const enter = new KeyboardEvent('', { key: 'Enter', code: 'Enter', keyCode: 13 });
						keys.keydown(enter);
						keys.keyup(enter);
					})()`
				);
			const pressUntil = async (done, what) => {
				const deadline = Date.now() + WAIT;
				for (;;) {
					await pressEnter();
					await new Promise((resolve) => setTimeout(resolve, 400));
					const found = done();
					if (found) return found;
					if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
				}
			};
			const job = await pressUntil(
				() => JSON.parse(cli(env, ['--json', 'jobs', 'list'])).jobs[0],
				'the save'
			);
			assert.equal(job.title, 'Software Engineer');
			assert.equal(job.company, '127.0.0.1');
			const application = await pressUntil(() => {
				try {
					return JSON.parse(cli(env, ['--json', 'application', 'show', String(job.id)]));
				} catch {
					return null;
				}
			}, 'the application');
			assert.equal(application.status, 'saved');
			assert.equal(application.timeline[0].actor, 'you');

			// Firefox starts the host with its manifest's path and the extension's id; a bad message
			// from the extension's own page is answered, not stored.
			const { context } = await firefox.send('browsingContext.create', { type: 'tab', background: true });
			await firefox.send('browsingContext.navigate', {
				context,
				url: `moz-extension://${uuid}/popup.html`,
				wait: 'complete'
			});
			const refused = JSON.parse(
				await firefox.evaluate(
					context,
					`browser.runtime.sendNativeMessage('app.jobhound.save', { type: 'save', url: 'file:///etc/passwd', jsonld: null,
						job: { title: 'x', company: null, location: null, description_html: null } }).then(JSON.stringify)`
				)
			);
			assert.equal(refused.ok, false, JSON.stringify(refused));
			assert.match(refused.error, /http or https/);
			assert.equal(JSON.parse(cli(env, ['--json', 'jobs', 'list'])).total, 1);
		} catch (error) {
			console.log(firefox.log().slice(-4000));
			throw error;
		} finally {
			await firefox.close();
			await site.close();
			await rm(scratch, { recursive: true, force: true });
		}
	}
);
