import { invoke } from '@tauri-apps/api/core';
import { ApiError } from './client';

/** Invokes a Rust command; its `{code, message}` error arrives as an `ApiError`. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
	try {
		return await invoke<T>(command, args);
	} catch (raw) {
		throw ApiError.from(raw);
	}
}
