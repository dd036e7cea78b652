import { api } from '$lib/api';
import type { AvailableUpdate } from '$lib/bindings/AvailableUpdate';

/** The newer version a check found (by the daily check or "Check now"), until installed or dismissed. */
export const updates = $state<{ available: AvailableUpdate | null; dismissed: boolean }>({
	available: null,
	dismissed: false
});

let listening: Promise<void> | null = null;

/** Hears the daily check's findings (once per window). */
export function followUpdates(): Promise<void> {
	listening ??= (async () => {
		await api().onUpdateAvailable((update) => {
			updates.available = update;
			updates.dismissed = false;
		});
	})();
	return listening;
}
