// The update manifest the release workflow publishes: the updater finds each installer under the
// keys it asks for, with the signature written beside it and the version's notes.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { manifest, releaseNotes } from './release-manifest.mjs';

const changelog = `# Changelog

## 0.2.0

- Faster search.
- Fewer duplicates.

## 0.1.0

- The first release.
`;

async function release(files) {
	const dir = await mkdtemp(path.join(tmpdir(), 'jobhound-release-'));
	for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
	return dir;
}

test('every installer is listed under the keys the updater asks for, with its own signature', async () => {
	const dir = await release({
		'Jobhound_0.2.0_amd64.deb': 'deb',
		'Jobhound_0.2.0_amd64.deb.sig': 'sig-deb\n',
		'Jobhound-0.2.0-1.x86_64.rpm': 'rpm',
		'Jobhound-0.2.0-1.x86_64.rpm.sig': 'sig-rpm',
		'Jobhound_0.2.0_amd64.AppImage': 'appimage',
		'Jobhound_0.2.0_amd64.AppImage.sig': 'sig-appimage',
		'Jobhound_0.2.0_aarch64.app.tar.gz': 'mac-arm',
		'Jobhound_0.2.0_aarch64.app.tar.gz.sig': 'sig-mac-arm',
		'Jobhound_0.2.0_x64.app.tar.gz': 'mac-intel',
		'Jobhound_0.2.0_x64.app.tar.gz.sig': 'sig-mac-intel',
		'Jobhound_0.2.0_x64-setup.exe': 'nsis',
		'Jobhound_0.2.0_x64-setup.exe.sig': 'sig-nsis',
		'Jobhound_0.2.0_x64_en-US.msi': 'msi',
		'Jobhound_0.2.0_x64_en-US.msi.sig': 'sig-msi',
		'Jobhound_0.2.0_aarch64.dmg': 'not for the updater'
	});
	try {
		const base = 'https://example.test/releases/download/v0.2.0/';
		const written = manifest('0.2.0', base, dir, changelog, new Date('2026-12-20T10:00:00.123Z'));
		assert.equal(written.version, '0.2.0');
		assert.equal(written.notes, '- Faster search.\n- Fewer duplicates.');
		assert.equal(written.pub_date, '2026-12-20T10:00:00Z');
		const expected = {
			'linux-x86_64-deb': ['sig-deb', 'Jobhound_0.2.0_amd64.deb'],
			'linux-x86_64-rpm': ['sig-rpm', 'Jobhound-0.2.0-1.x86_64.rpm'],
			'linux-x86_64-appimage': ['sig-appimage', 'Jobhound_0.2.0_amd64.AppImage'],
			'linux-x86_64': ['sig-appimage', 'Jobhound_0.2.0_amd64.AppImage'],
			'darwin-aarch64-app': ['sig-mac-arm', 'Jobhound_0.2.0_aarch64.app.tar.gz'],
			'darwin-aarch64': ['sig-mac-arm', 'Jobhound_0.2.0_aarch64.app.tar.gz'],
			'darwin-x86_64-app': ['sig-mac-intel', 'Jobhound_0.2.0_x64.app.tar.gz'],
			'darwin-x86_64': ['sig-mac-intel', 'Jobhound_0.2.0_x64.app.tar.gz'],
			'windows-x86_64-nsis': ['sig-nsis', 'Jobhound_0.2.0_x64-setup.exe'],
			'windows-x86_64': ['sig-nsis', 'Jobhound_0.2.0_x64-setup.exe'],
			'windows-x86_64-msi': ['sig-msi', 'Jobhound_0.2.0_x64_en-US.msi']
		};
		assert.deepEqual(Object.keys(written.platforms).sort(), Object.keys(expected).sort());
		for (const [key, [signature, file]] of Object.entries(expected)) {
			assert.deepEqual(written.platforms[key], { signature, url: `${base}${file}` }, key);
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});

test('an installer without its signature stops the manifest instead of shipping it unsigned', async () => {
	const dir = await release({ 'Jobhound_0.2.0_amd64.deb': 'deb' });
	try {
		assert.throws(() => manifest('0.2.0', 'https://example.test', dir, changelog), /has no signature beside it/);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});

test("a version without notes in CHANGELOG.md is refused", () => {
	assert.equal(releaseNotes(changelog, '0.1.0'), '- The first release.');
	assert.throws(() => releaseNotes(changelog, '0.3.0'), /no "## 0.3.0" section/);
});
