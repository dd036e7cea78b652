import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, setApiClient } from '$lib/api';
import { fakeClient, llmSettingsView } from '$lib/testing/fakeClient';
import LlmSettingsForm from './LlmSettingsForm.svelte';

describe('LlmSettingsForm', () => {
	it('saves the endpoint and marks the field a refusal is about', async () => {
		const setLlmSettings = vi
			.fn()
			.mockRejectedValueOnce(new ApiError('invalid_input', 'Enter an http(s) URL.', 'base_url'))
			.mockImplementationOnce((settings) => Promise.resolve(llmSettingsView(settings)));
		setApiClient(fakeClient({ setLlmSettings }));
		render(LlmSettingsForm);
		const url = (await screen.findByTestId('llm-base-url')) as HTMLInputElement;

		await fireEvent.input(url, { target: { value: 'localhost' } });
		await fireEvent.click(screen.getByTestId('llm-save'));
		await vi.waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
		expect(screen.getByTestId('llm-error').textContent).toBe('Enter an http(s) URL.');

		await fireEvent.input(url, { target: { value: 'http://localhost:1234/v1' } });
		await fireEvent.click(screen.getByTestId('llm-save'));
		await vi.waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('false'));
		expect(setLlmSettings).toHaveBeenLastCalledWith({
			base_url: 'http://localhost:1234/v1',
			model: 'llama3.1',
			temperature: 0.7,
			timeout_seconds: 120,
			allow_http_on_private_network: false
		});
	});

	it('stores a key without ever showing it back', async () => {
		const setLlmApiKey = vi.fn(() =>
			Promise.resolve(llmSettingsView({ api_key_set: true, api_key_source: 'keychain' }))
		);
		setApiClient(fakeClient({ setLlmApiKey }));
		render(LlmSettingsForm);
		const key = (await screen.findByTestId('llm-key')) as HTMLInputElement;
		expect(key.type).toBe('password');
		await fireEvent.input(key, { target: { value: ' sk-secret ' } });
		await fireEvent.click(screen.getByText('Store key'));
		expect(setLlmApiKey).toHaveBeenCalledWith('sk-secret');
		await vi.waitFor(() =>
			expect(screen.getByTestId('llm-key-status').textContent).toContain('stored in the system keychain')
		);
		expect(key.value).toBe('');
		expect(document.body.textContent).not.toContain('sk-secret');
	});

	it('reports what Test connection found', async () => {
		const testLlmConnection = vi
			.fn()
			.mockRejectedValueOnce(
				{ code: 'llm_unreachable', message: 'could not reach the language model' } /* as IPC delivers it */
			)
			.mockResolvedValueOnce({ model: 'mock-gpt', reply: ' OK ', elapsed_ms: 42 });
		setApiClient(fakeClient({ testLlmConnection }));
		render(LlmSettingsForm);
		const test = await screen.findByTestId('llm-test');
		await fireEvent.click(test);
		expect((await screen.findByTestId('llm-test-result')).textContent?.trim()).toBe(
			'Could not reach the language model'
		);
		await fireEvent.click(test);
		await vi.waitFor(() =>
			expect(screen.getByTestId('llm-test-result').textContent?.trim()).toBe(
				'Connected: mock-gpt answered in 42 ms (“OK”).'
			)
		);
	});
});
