import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

// The extension's icons are the app's own (assets/icons), copied at build time rather than kept twice.
let outDir = resolve(root, 'dist');
const appIcons: Plugin = {
	name: 'jobhound-icons',
	configResolved(config) {
		// The end-to-end test builds its own copy elsewhere (--outDir), beside the usual build.
		outDir = resolve(root, config.build.outDir);
	},
	closeBundle() {
		mkdirSync(resolve(outDir, 'icons'), { recursive: true });
		for (const size of ['32x32', '128x128']) {
			copyFileSync(resolve(root, `../assets/icons/${size}.png`), resolve(outDir, `icons/${size}.png`));
		}
	}
};

export default defineConfig({
	root,
	publicDir: 'static',
	plugins: [appIcons],
	build: {
		outDir: 'dist',
		emptyOutDir: true,
		// Extension pages may not run inline or remote code: one plain module per page.
		modulePreload: false,
		rollupOptions: { input: { popup: resolve(root, 'popup.html') } }
	},
	test: {
		environment: 'jsdom',
		include: ['src/**/*.test.ts']
	}
});
