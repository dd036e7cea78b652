import type { AvailableUpdate } from '$lib/bindings/AvailableUpdate';
import type { UpdateStatus } from '$lib/bindings/UpdateStatus';

/** Bytes of an update downloaded so far, and its size when the server said. */
export type UpdateProgress = { downloaded: number; total: number | null };

/** Jobhound updating itself: a check finds a newer version; installing it restarts the app. */
export interface UpdatesClient {
	updateStatus(): Promise<UpdateStatus>;
	/** Looks for a newer version now; null when this is the newest. */
	checkForUpdate(): Promise<AvailableUpdate | null>;
	/** Downloads, verifies and installs what the last check found, then restarts on it. */
	installUpdate(): Promise<void>;
	/** Calls `handler` when the daily check finds a newer version. */
	onUpdateAvailable(handler: (update: AvailableUpdate) => void): Promise<() => void>;
	onUpdateProgress(handler: (progress: UpdateProgress) => void): Promise<() => void>;
}
