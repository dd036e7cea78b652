#!/usr/bin/env node
// Writes the update manifest (latest.json) that the app's updater reads: the version, its notes
// (the version's section of CHANGELOG.md), and for each installer in DIR that has a signature
// beside it (NAME.sig, as the bundler writes them) its download URL and signature. The release
// workflow runs it over a release's files; the update test over a package it signed itself.
//
//   node scripts/release-manifest.mjs VERSION BASE_URL DIR > latest.json
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

// The updater asks for `{os}-{arch}-{bundle}` first, then `{os}-{arch}`; the first kind listed for
// a system is also its plain entry (what an install of unknown kind gets).
const kinds = [
	{ pattern: /_amd64\.AppImage$/, keys: ['linux-x86_64-appimage', 'linux-x86_64'] },
	{ pattern: /_amd64\.deb$/, keys: ['linux-x86_64-deb'] },
	{ pattern: /\.x86_64\.rpm$/, keys: ['linux-x86_64-rpm'] },
	{ pattern: /_aarch64\.app\.tar\.gz$/, keys: ['darwin-aarch64-app', 'darwin-aarch64'] },
	{ pattern: /_x64\.app\.tar\.gz$/, keys: ['darwin-x86_64-app', 'darwin-x86_64'] },
	{ pattern: /_x64-setup\.exe$/, keys: ['windows-x86_64-nsis', 'windows-x86_64'] },
	{ pattern: /_x64_[a-z]{2}-[A-Z]{2}\.msi$/, keys: ['windows-x86_64-msi'] }
];

/** The lines under `## VERSION` in CHANGELOG.md, up to the next section. */
export function releaseNotes(changelog, version) {
	const lines = changelog.split('\n');
	const start = lines.findIndex((line) => line.trim() === `## ${version}`);
	if (start < 0) throw new Error(`CHANGELOG.md has no "## ${version}" section`);
	const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
	return lines
		.slice(start + 1, end < 0 ? undefined : end)
		.join('\n')
		.trim();
}

export function manifest(version, baseUrl, dir, changelog, now = new Date()) {
	const platforms = {};
	for (const file of readdirSync(dir).sort()) {
		const kind = kinds.find(({ pattern }) => pattern.test(file));
		if (!kind) continue;
		let signature;
		try {
			signature = readFileSync(path.join(dir, `${file}.sig`), 'utf8').trim();
		} catch {
			throw new Error(`${file} has no signature beside it (${file}.sig): was it built with the signing key?`);
		}
		const entry = { signature, url: `${baseUrl.replace(/\/$/, '')}/${encodeURIComponent(file)}` };
		for (const key of kind.keys) platforms[key] ??= entry;
	}
	if (Object.keys(platforms).length === 0) throw new Error(`no installer with a signature in ${dir}`);
	return {
		version,
		notes: releaseNotes(changelog, version),
		pub_date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
		platforms
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [version, baseUrl, dir] = process.argv.slice(2);
	if (!version || !baseUrl || !dir) {
		console.error('usage: release-manifest.mjs VERSION BASE_URL DIR');
		process.exit(2);
	}
	try {
		const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
		console.log(JSON.stringify(manifest(version, baseUrl, dir, changelog), null, 2));
	} catch (error) {
		console.error(`release-manifest: ${error.message}`);
		process.exit(1);
	}
}
