import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import WebSocket from 'ws';
import { freePort } from './harness.mjs';

/**
 * Firefox ESR driven over WebDriver BiDi (its built-in remote agent). System access lets the test
 * open the extension's own pages and reach the browser's chrome, where Firefox's toolbar button
 * and its keyboard shortcut trigger the extension's action (the one path that grants activeTab).
 */
export async function launchFirefox({ executable = 'firefox-esr', env, profile, extensionUuids = {} }) {
	await mkdir(profile, { recursive: true });
	// Fixed moz-extension:// addresses for the extensions the test installs.
	await writeFile(
		path.join(profile, 'user.js'),
		`user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify(extensionUuids))});\n`
	);
	const port = await freePort();
	const browser = spawn(
		executable,
		[
			'--headless',
			'--no-remote',
			'--remote-allow-system-access',
			`--remote-debugging-port=${port}`,
			'--profile',
			profile,
			'about:blank'
		],
		// No session bus: Firefox would start the desktop portals on it, and the document portal
		// mounts a FUSE folder in the test's home that outlives the browser.
		{
			env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/jobhound-test-bus' },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	const output = [];
	browser.stdout.on('data', (chunk) => output.push(chunk));
	browser.stderr.on('data', (chunk) => output.push(chunk));
	const exited = new Promise((resolve) => browser.on('exit', resolve));
	const log = () => Buffer.concat(output).toString('utf8');

	const deadline = Date.now() + 30_000;
	while (!log().includes('WebDriver BiDi listening')) {
		if (browser.exitCode !== null || Date.now() > deadline) {
			throw new Error(`Firefox did not start its remote agent: ${log().slice(-2000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const socket = new WebSocket(`ws://127.0.0.1:${port}/session`);
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	let nextId = 1;
	const pending = new Map();
	socket.on('message', (data) => {
		const message = JSON.parse(data.toString('utf8'));
		const waiting = pending.get(message.id);
		if (!waiting) return;
		pending.delete(message.id);
		if (message.type === 'error') waiting.reject(new Error(`${waiting.method}: ${message.message}`));
		else waiting.resolve(message.result);
	});

	function send(method, params = {}) {
		const id = nextId++;
		return new Promise((resolve, reject) => {
			pending.set(id, { resolve, reject, method });
			socket.send(JSON.stringify({ id, method, params }));
		});
	}

	/** Evaluates an expression in a browsing context (a tab, or the browser's chrome window). */
	async function evaluate(context, expression) {
		const outcome = await send('script.evaluate', {
			target: { context },
			expression,
			awaitPromise: true,
			resultOwnership: 'none'
		});
		if (outcome.type === 'exception') {
			throw new Error(`${expression.slice(0, 80)}: ${outcome.exceptionDetails.text}`);
		}
		return outcome.result.value;
	}

	await send('session.new', { capabilities: {} });
	const { contexts } = await send('browsingContext.getTree', {});
	const chromeTree = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });

	async function close() {
		await send('browser.close').catch(() => {});
		socket.close();
		const timer = setTimeout(() => browser.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	}

	return {
		send,
		evaluate,
		close,
		log,
		/** The first tab. */
		tab: contexts[0].context,
		/** The browser window's chrome (privileged) context. */
		chromeWindow: chromeTree.contexts[0].context
	};
}
