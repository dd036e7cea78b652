import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app served from the binary: no SSR, one index.html.
		adapter: adapter({ fallback: 'index.html' }),
		// Hash routes need no server-side fallback, so every view works from the embedded assets.
		router: { type: 'hash' }
	}
};

export default config;
