import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setApiClient } from '$lib/api';
import { changes } from '$lib/changes.svelte';
import { fakeClient } from '$lib/testing/fakeClient';
import EmptyState from './EmptyState.svelte';

describe('EmptyState', () => {
	it('imports the demo data and tells every view to refresh', async () => {
		const client = fakeClient({
			importDemo: vi.fn(() => Promise.resolve({ files: 2, new_jobs: 3, jobs_seen: 3 }))
		});
		setApiClient(client);
		render(EmptyState);
		const before = changes.version;
		await fireEvent.click(screen.getByRole('button', { name: 'Explore with demo data' }));
		await vi.waitFor(() => expect(changes.version).toBe(before + 1));
		expect(client.importDemo).toHaveBeenCalledOnce();
	});
});
