import type { ApiClient } from './client';
import { tauriClient } from './tauri';

export { ApiError, errorMessage, type ApiClient } from './client';
export type { FileDrop, LetterFormat } from './applying';
export type { UpdateProgress } from './updates';
export type { InboxChecked } from './inbox';

let current: ApiClient = tauriClient;

/** The client every component uses; tests swap in a fake with `setApiClient`. */
export function api(): ApiClient {
	return current;
}

export function setApiClient(client: ApiClient): void {
	current = client;
}
