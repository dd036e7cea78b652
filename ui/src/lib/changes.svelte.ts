/**
 * Bumped whenever stored data changes, so every view showing it fetches again. `version` moves on
 * this window's own changes (forms read again too: a restore brings other settings); `outside`
 * on any write to the database, whoever made it (the browser's save host, the command line, a
 * run), and only the lists and boards follow it, so a form being edited is never reset.
 */
export const changes = $state({ version: 0, outside: 0 });

export function dataChanged(): void {
	changes.version += 1;
}

export function changedOutside(): void {
	changes.outside += 1;
}
