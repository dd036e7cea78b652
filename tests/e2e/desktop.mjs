// What a person does outside the web page: real mouse drags, typing into the OS file dialogs and
// dropping a file from another application, through xdotool on the test's X display.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function xdo(...args) {
	return execFileSync('xdotool', args.map(String), { encoding: 'utf8', timeout: 10_000 }).trim();
}

async function waitForWindow(name, timeoutMs = 15_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const found = xdo('search', '--onlyvisible', '--name', `^${name}$`).split('\n').filter(Boolean);
			if (found.length) return found[found.length - 1];
		} catch {
			// xdotool exits 1 while nothing matches
		}
		await pause(200);
	}
	throw new Error(`no window named "${name}" appeared`);
}

/** Where the page's (0, 0) is on the screen: the app window has no decorations here. */
async function pageOrigin() {
	const geometry = xdo('getwindowgeometry', '--shell', await waitForWindow('Jobhound'));
	const value = (key) => Number(geometry.match(new RegExp(`${key}=(\\d+)`))?.[1] ?? 0);
	return { x: value('X'), y: value('Y') };
}

/** The centre of an element, in screen coordinates. */
export async function screenPoint(browser, element) {
	const origin = await pageOrigin();
	const rect = await browser.execute((node) => {
		const box = node.getBoundingClientRect();
		return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	}, element);
	return { x: Math.round(origin.x + rect.x), y: Math.round(origin.y + rect.y) };
}

/** Presses the left button at `from`, moves in small steps to `to` and lets go, as a hand would. */
export async function drag(from, to, steps = 8) {
	xdo('mousemove', from.x, from.y);
	await pause(100);
	xdo('mousedown', 1);
	for (let step = 1; step <= steps; step += 1) {
		const x = Math.round(from.x + ((to.x - from.x) * step) / steps);
		const y = Math.round(from.y + ((to.y - from.y) * step) / steps);
		xdo('mousemove', x, y);
		await pause(60);
	}
	await pause(150);
	xdo('mouseup', 1);
}

/**
 * Answers the GTK file dialog titled `title` with `file`: an Open dialog gets the location bar
 * (Ctrl+L), a Save dialog's name field takes the whole path.
 */
export async function answerFileDialog(title, file, kind) {
	const dialog = await waitForWindow(title);
	await pause(500);
	xdo('windowfocus', '--sync', dialog);
	if (kind === 'open') {
		xdo('key', 'ctrl+l');
		await pause(300);
	}
	xdo('key', 'ctrl+a');
	xdo('type', '--delay', 15, file);
	await pause(300);
	xdo('key', 'Return');
	// Under load GTK can still be completing the typed path when Return arrives, and the dialog stays
	// open with the path in it (seen once in a full run): press it again while the dialog is there.
	for (let attempt = 0; attempt < 3; attempt += 1) {
		await pause(1_000);
		if (!windowShown(title)) return;
		xdo('windowfocus', '--sync', dialog);
		xdo('key', 'Return');
	}
}

function windowShown(name) {
	try {
		return xdo('search', '--onlyvisible', '--name', `^${name}$`).trim().length > 0;
	} catch {
		return false;
	}
}

/** Drags `file` from a small GTK window (drag_source.py) and drops it at `to`. */
export async function dropFile(file, to) {
	const source = spawn('/usr/bin/python3', [path.join(here, 'drag_source.py'), file], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	try {
		let output = '';
		source.stdout.on('data', (chunk) => (output += chunk));
		const deadline = Date.now() + 10_000;
		while (!output.includes('ready')) {
			if (Date.now() > deadline) throw new Error('the drag source window never appeared');
			await pause(100);
		}
		await pause(300);
		await drag({ x: 1300, y: 160 }, to, 10);
		while (!output.includes('drag ended') && Date.now() < deadline + 5_000) await pause(100);
	} finally {
		source.kill();
	}
}

/** The mock OpenAI-compatible server (crates/llm, example mock_openai) on `port`. */
export async function startMockLlm(binary, port, wordDelayMs) {
	const server = spawn(binary, [String(port), String(wordDelayMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	server.stdout.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 10_000;
	while (!output.includes('listening')) {
		if (server.exitCode !== null) throw new Error(`the mock language model exited (${server.exitCode})`);
		if (Date.now() > deadline) throw new Error('the mock language model never listened');
		await pause(50);
	}
	return { url: output.match(/listening (\S+)/)?.[1], stop: () => server.kill() };
}

/**
 * A private Dovecot (crates/inbox/examples/test_mail_server) with `messages` (raw emails) in
 * INBOX; stopping it closes its standard input, which stops Dovecot and its mail processes.
 */
export async function startTestMailServer(binary, files) {
	const args = files.flatMap((file) => ['--deliver', file]);
	const server = spawn(binary, args, { stdio: ['pipe', 'pipe', 'inherit'] });
	let output = '';
	server.stdout.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 15_000;
	while (!output.includes('listening')) {
		if (server.exitCode !== null) throw new Error(`the test mail server exited (${server.exitCode})`);
		if (Date.now() > deadline) throw new Error('the test mail server never listened');
		await pause(50);
	}
	const [, port, user, password] = output.match(/listening (\d+) (\S+) (\S+)/);
	const stopped = new Promise((resolve) => server.once('exit', resolve));
	return {
		port: Number(port),
		user,
		password,
		stop: async () => {
			server.stdin.end();
			await stopped;
		}
	};
}

/** The notifications dunst has shown in this session, newest first; null without dunst. */
export async function shownNotifications() {
	try {
		const history = JSON.parse(execFileSync('dunstctl', ['history'], { encoding: 'utf8', timeout: 5_000 }));
		return history.data.flat().map((entry) => `${entry.summary.data}\n${entry.body.data}`);
	} catch {
		return null;
	}
}

/** The visible Jobhound window's id, position and size, as X reports them. */
export function windowGeometry() {
	const id = xdo('search', '--onlyvisible', '--name', '^Jobhound$').trim().split('\n').pop();
	const shell = xdo('getwindowgeometry', '--shell', id);
	const value = (key) => Number(shell.match(new RegExp(`${key}=(\\d+)`))?.[1]);
	return { id, x: value('X'), y: value('Y'), width: value('WIDTH'), height: value('HEIGHT') };
}
