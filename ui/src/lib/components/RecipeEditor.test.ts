import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import type { RecipePreview } from '$lib/bindings/RecipePreview';
import type { Recipe } from '$lib/bindings/Recipe';
import { fakeClient } from '$lib/testing/fakeClient';
import RecipeEditor from './RecipeEditor.svelte';

const PAGE = {
	url: 'https://acme.example/careers/',
	html: '<ul><li class="job"><a href="/1">Data Engineer</a></li></ul>',
	suggested: { item: 'li.job', title: 'a', link: 'a', location: null, posted: null, salary: null }
};

function previewOf(recipe: Recipe): RecipePreview {
	const reads = recipe.item === 'li.job';
	return {
		items: reads
			? [
					{
						title: 'Data Engineer',
						link: 'https://acme.example/1',
						location: null,
						posted: null,
						salary: null
					}
				]
			: [],
		problem: reads ? null : 'the recipe finds no job on the page, and the page does not say it is not hiring',
		snapshot: [
			{
				type: 'element',
				tag: 'ul',
				marks: [],
				item: null,
				children: [
					{
						type: 'element',
						tag: 'li',
						marks: reads ? ['item'] : [],
						item: reads ? 1 : null,
						children: [
							{
								type: 'element',
								tag: 'a',
								marks: reads ? ['title', 'link'] : [],
								item: null,
								children: [{ type: 'text', text: 'Data Engineer' }]
							},
							// A tag outside the list must never be created, whatever the data says.
							{
								type: 'element',
								tag: 'script',
								marks: [],
								item: null,
								children: [{ type: 'text', text: 'x' }]
							}
						]
					}
				]
			}
		],
		truncated: false
	};
}

describe('RecipeEditor', () => {
	it('starts from the recipe in use, previews each edit, refuses what would not read the page and saves', async () => {
		const recipePage = vi.fn(() => Promise.resolve(PAGE));
		const previewRecipe = vi.fn((_page: unknown, recipe: Recipe) => Promise.resolve(previewOf(recipe)));
		const saveRecipe = vi.fn((_id: number, recipe: Recipe) =>
			Promise.resolve({
				...recipe,
				version: 4,
				healed: false,
				edited: true,
				created_at: '2026-12-06T00:00:00Z'
			})
		);
		const onsaved = vi.fn();
		setApiClient(fakeClient({ recipePage, previewRecipe, saveRecipe }));
		render(RecipeEditor, { sourceId: 5, onsaved, onclose: vi.fn() });

		const item = (await screen.findByTestId('recipe-item')) as HTMLInputElement;
		expect(item.value).toBe('li.job');
		expect(recipePage).toHaveBeenCalledWith(5);
		await screen.findByText('Reads 1 job on the page.');
		const snapshot = screen.getByTestId('page-snapshot');
		const outlined = snapshot.querySelector('li.mark-item');
		expect(outlined?.getAttribute('data-item')).toBe('1');
		expect(snapshot.querySelector('a.mark-title.mark-link')?.textContent).toBe('Data Engineer');
		expect(snapshot.querySelector('a')?.hasAttribute('href')).toBe(false);
		expect(snapshot.querySelector('script')).toBeNull();

		// Unchanged: nothing to save yet.
		const save = screen.getByRole('button', { name: 'Save as the recipe in use' }) as HTMLButtonElement;
		expect(save.disabled).toBe(true);

		await fireEvent.input(item, { target: { value: 'li.gone' } });
		await screen.findByText(/Would be refused: the recipe finds no job on the page/);
		expect(save.disabled).toBe(true);

		await fireEvent.input(item, { target: { value: 'li.job' } });
		const title = screen.getByTestId('recipe-title') as HTMLInputElement;
		await fireEvent.input(title, { target: { value: 'a' } });
		const location = screen.getByTestId('recipe-location') as HTMLInputElement;
		await fireEvent.input(location, { target: { value: '.place' } });
		await waitFor(() => expect(save.disabled).toBe(false));
		await fireEvent.click(save);
		await waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(saveRecipe).toHaveBeenCalledWith(
			5,
			{ item: 'li.job', title: 'a', link: 'a', location: '.place', posted: null, salary: null },
			PAGE
		);
	});

	it('says so when the page cannot be read, and Escape closes', async () => {
		const recipePage = vi.fn(() =>
			Promise.reject({ code: 'network', message: 'could not reach the careers page' })
		);
		const onclose = vi.fn();
		setApiClient(fakeClient({ recipePage }));
		render(RecipeEditor, { sourceId: 2, onsaved: vi.fn(), onclose });
		expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the careers page');
		await fireEvent.keyDown(screen.getByTestId('recipe-editor'), { key: 'Escape' });
		expect(onclose).toHaveBeenCalled();
	});
});
