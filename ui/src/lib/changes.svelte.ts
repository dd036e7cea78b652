/** Bumped whenever stored data changes, so every view showing it fetches again. */
export const changes = $state({ version: 0 });

export function dataChanged(): void {
	changes.version += 1;
}
