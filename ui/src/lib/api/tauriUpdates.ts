import { listen } from '@tauri-apps/api/event';
import type { AvailableUpdate } from '$lib/bindings/AvailableUpdate';
import { call } from './call';
import type { UpdateProgress, UpdatesClient } from './updates';

export const tauriUpdates: UpdatesClient = {
	updateStatus: () => call('update_status'),
	checkForUpdate: () => call('check_for_update'),
	installUpdate: () => call('install_update'),
	onUpdateAvailable: (handler) =>
		listen('update-available', (event) => handler(event.payload as AvailableUpdate)),
	onUpdateProgress: (handler) =>
		listen('update-progress', (event) => handler(event.payload as UpdateProgress))
};
