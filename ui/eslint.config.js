import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Only the API module may talk to Tauri; everything else goes through it.
		files: ['src/**/*'],
		ignores: [
			'src/lib/api/tauri.ts',
			'src/lib/api/tauriApplying.ts',
			'src/lib/api/tauriData.ts',
			'src/lib/api/tauriUpdates.ts',
			'src/lib/api/call.ts',
			'src/lib/api/tauriInbox.ts'
		],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['@tauri-apps/*'] }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/bindings/'] }
);
