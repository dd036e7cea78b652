import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app served from the binary: no SSR, one index.html.
		// Tauri serves index.html for any path it has no file for, so every route works from the binary.
		adapter: adapter({ fallback: 'index.html' })
	}
};

export default config;
