import { spawn } from 'node:child_process';

/**
 * Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3,
 * answers and events on fd 4, each a JSON text ended by a NUL). The pipe is what lets a test load
 * an unpacked extension and press its toolbar button (Extensions.loadUnpacked, triggerAction).
 */
export async function launchChromium({ executable = 'chromium', env, args = [], headless = true }) {
	const browser = spawn(
		executable,
		[
			...(headless ? ['--headless'] : []),
			'--remote-debugging-pipe',
			'--enable-unsafe-extension-debugging',
			// Root in a container has no user namespace for the sandbox.
			...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
			'--disable-gpu',
			'--no-first-run',
			'--no-default-browser-check',
			'--disable-background-networking',
			'--disable-component-update',
			...args,
			'about:blank'
		],
		// No session bus: nothing here needs one, and a browser on the test's bus starts desktop
		// portals that outlive it.
		{
			env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/jobhound-test-bus' },
			stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']
		}
	);
	const stderr = [];
	browser.stderr.on('data', (chunk) => stderr.push(chunk));
	const toBrowser = browser.stdio[3];
	const fromBrowser = browser.stdio[4];
	let nextId = 1;
	const pending = new Map();
	const listeners = new Set();
	let buffered = Buffer.alloc(0);
	fromBrowser.on('data', (chunk) => {
		buffered = Buffer.concat([buffered, chunk]);
		let end;
		while ((end = buffered.indexOf(0)) !== -1) {
			const message = JSON.parse(buffered.subarray(0, end).toString('utf8'));
			buffered = buffered.subarray(end + 1);
			if (message.id !== undefined && pending.has(message.id)) {
				const { resolve, reject, method } = pending.get(message.id);
				pending.delete(message.id);
				if (message.error) reject(new Error(`${method}: ${message.error.message}`));
				else resolve(message.result);
			} else {
				for (const listener of listeners) listener(message);
			}
		}
	});
	const exited = new Promise((resolve) => browser.on('exit', resolve));
	// A browser that dies fails whatever waits on it, with what it said.
	browser.on('exit', (code, signal) => {
		const reason = new Error(
			`Chromium exited (${code ?? signal}): ${Buffer.concat(stderr).toString('utf8').slice(-2000)}`
		);
		for (const { reject } of pending.values()) reject(reason);
		pending.clear();
	});

	/** Sends one command (to a page when `sessionId` is given) and waits for its answer. */
	function send(method, params = {}, sessionId) {
		const id = nextId++;
		const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
		return new Promise((resolve, reject) => {
			pending.set(id, { resolve, reject, method });
			toBrowser.write(JSON.stringify(message) + '\0');
		});
	}

	/** The first event matching `predicate`, or an error after `timeout` ms. */
	function waitForEvent(predicate, timeout, what) {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				listeners.delete(listener);
				reject(new Error(`timed out waiting for ${what}`));
			}, timeout);
			const listener = (message) => {
				if (predicate(message)) {
					clearTimeout(timer);
					listeners.delete(listener);
					resolve(message);
				}
			};
			listeners.add(listener);
		});
	}

	/** Evaluates an expression in a page and returns its value. */
	async function evaluate(sessionId, expression) {
		const { result, exceptionDetails } = await send(
			'Runtime.evaluate',
			{ expression, returnByValue: true, awaitPromise: true },
			sessionId
		);
		if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
		return result.value;
	}

	/** Polls `expression` in a page until `accept(value)` holds. */
	async function waitFor(sessionId, expression, accept, timeout, what) {
		const deadline = Date.now() + timeout;
		let last;
		for (;;) {
			last = await evaluate(sessionId, expression).catch((error) => `(${error.message})`);
			if (accept(last)) return last;
			if (Date.now() > deadline)
				throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	async function close() {
		await send('Browser.close').catch(() => {});
		const timer = setTimeout(() => browser.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	}

	return { send, waitForEvent, evaluate, waitFor, close, log: () => Buffer.concat(stderr).toString('utf8') };
}
