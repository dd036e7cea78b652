import { describe, expect, it } from 'vitest';
import css from '../app.css?inline';

/** The colour variables a `:root` block in `block` defines. */
function palette(block: string): Record<string, string> {
	const colours: Record<string, string> = {};
	for (const [, name = '', value = ''] of block.matchAll(/--([a-z]+):\s*(#[0-9a-f]{6})/gi))
		colours[name] = value;
	return colours;
}

/** WCAG 2 contrast ratio of two #rrggbb colours; a missing one fails the test. */
function contrast(one: string | undefined, other: string | undefined): number {
	if (!one || !other) throw new Error('a colour variable is missing');
	const luminance = (hex: string) => {
		const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
			const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
			return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [light = 0, dark = 0] = [luminance(one), luminance(other)].sort((a, b) => b - a);
	return (light + 0.05) / (dark + 0.05);
}

const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const themes = {
	light: palette(css.slice(0, darkStart)),
	dark: palette(css.slice(darkStart))
};

describe('themes', () => {
	it('follow the system: light by default, dark colours when the system prefers dark', () => {
		expect(css).toMatch(/color-scheme:\s*light dark/);
		expect(darkStart).toBeGreaterThan(0);
		for (const variable of ['bg', 'fg', 'panel', 'border', 'accent', 'muted', 'danger', 'selected']) {
			expect(themes.dark[variable], `--${variable} is redefined for dark`).toMatch(/^#/);
			expect(themes.dark[variable]).not.toBe(themes.light[variable]);
		}
	});

	it.each(Object.entries(themes))(
		'%s: text is readable on every surface it sits on (WCAG AA)',
		(_, colours) => {
			for (const text of ['fg', 'muted', 'danger']) {
				for (const surface of ['bg', 'panel']) {
					expect(contrast(colours[text], colours[surface]), `${text} on ${surface}`).toBeGreaterThanOrEqual(
						4.5
					);
				}
			}
			expect(contrast(colours.fg, colours.selected), 'fg on a selected row').toBeGreaterThanOrEqual(4.5);
			expect(contrast(colours.accent, colours.bg), 'links on the page').toBeGreaterThanOrEqual(4.5);
			for (const surface of ['panel', 'selected']) {
				expect(contrast(colours.accent, colours[surface]), `accent on ${surface}`).toBeGreaterThanOrEqual(3);
			}
		}
	);
});
