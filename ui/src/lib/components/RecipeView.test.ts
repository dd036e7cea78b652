import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { fakeClient } from '$lib/testing/fakeClient';
import type { RecipePage } from '$lib/bindings/RecipePage';
import RecipeView from './RecipeView.svelte';

describe('RecipeView', () => {
	it("shows a careers page's recipe with its version, and a dash for what the page does not show", async () => {
		const sourceRecipe = vi.fn(() =>
			Promise.resolve({
				item: 'div.job:has(a[href])',
				title: 'h2',
				link: 'a.ctcue-btn',
				location: null,
				posted: null,
				salary: 'p.extra-info',
				version: 2,
				healed: true,
				edited: false,
				created_at: new Date().toISOString()
			})
		);
		setApiClient(fakeClient({ sourceRecipe }));
		render(RecipeView, { sourceId: 9 });
		const view = await screen.findByText(/Recipe version 2, renewed after the page changed/);
		expect(view).toBeTruthy();
		expect(sourceRecipe).toHaveBeenCalledWith(9);
		const text = screen.getByTestId('recipe-view').textContent ?? '';
		expect(text).toContain('div.job:has(a[href])');
		expect(text).toContain('p.extra-info');
		expect(text).toContain('—');
	});

	it('says when no recipe was written yet', async () => {
		setApiClient(fakeClient());
		render(RecipeView, { sourceId: 3 });
		expect(
			await screen.findByText('No recipe yet: the next fetch writes one, or write one yourself.')
		).toBeTruthy();
	});
});

describe('RecipeView editing', () => {
	it('names a recipe the person wrote, and opens the editor on it', async () => {
		const sourceRecipe = vi.fn(() =>
			Promise.resolve({
				item: 'li.job',
				title: 'a',
				link: 'a',
				location: null,
				posted: null,
				salary: null,
				version: 3,
				healed: false,
				edited: true,
				created_at: new Date().toISOString()
			})
		);
		const recipePage = vi.fn((): Promise<RecipePage> => new Promise(() => {}));
		setApiClient(fakeClient({ sourceRecipe, recipePage }));
		render(RecipeView, { sourceId: 4 });
		expect(await screen.findByText(/Recipe version 3, written by you/)).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Edit recipe' }));
		expect(await screen.findByText('Reading the page…')).toBeTruthy();
		expect(recipePage).toHaveBeenCalledWith(4);
	});
});
