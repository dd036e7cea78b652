import { describe, expect, it } from 'vitest';
import css from '../app.css?inline';

describe('themes', () => {
	it('follow the system: light by default, dark colours when the system prefers dark', () => {
		expect(css).toMatch(/color-scheme:\s*light dark/);
		const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
		expect(dark).not.toBe(css);
		for (const variable of ['--bg', '--fg', '--panel', '--border', '--accent', '--muted']) {
			expect(dark, `${variable} is redefined for dark`).toMatch(new RegExp(`${variable}:\\s*#`));
		}
	});
});
