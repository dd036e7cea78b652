import { listen } from '@tauri-apps/api/event';
import type { RunEvent } from '$lib/bindings/RunEvent';
import { call } from './call';
import type { ApiClient } from './client';
import { tauriApplying } from './tauriApplying';
import { tauriData } from './tauriData';
import { tauriInbox } from './tauriInbox';
import { tauriUpdates } from './tauriUpdates';

export const tauriClient: ApiClient = {
	...tauriApplying,
	...tauriData,
	...tauriUpdates,
	...tauriInbox,
	browserHosts: () => call('browser_hosts'),
	installBrowserHost: (browser) => call('install_browser_host', { browser }),
	removeBrowserHost: (browser) => call('remove_browser_host', { browser }),
	appStatus: () => call('app_status'),
	listJobs: (query) => call('list_jobs', { query }),
	getJob: (id) => call('get_job', { id }),
	listSources: () => call('list_sources'),
	addSource: (kind, input) => call('add_source', { kind, input }),
	addSourceFromUrl: (url) => call('add_source_from_url', { url }),
	discoverSources: (url) => call('discover_sources', { url }),
	sourceRecipe: (id) => call('source_recipe', { id }),
	recipePage: (id) => call('recipe_page', { id }),
	previewRecipe: (page, recipe) => call('preview_recipe', { page, recipe }),
	saveRecipe: (id, recipe, page) => call('save_recipe', { id, recipe, page }),
	sourcesOverview: () => call('sources_overview'),
	setSourceKey: (name, value) => call('set_source_key', { name, value }),
	setLinkedinEnabled: (enabled) => call('set_linkedin_enabled', { enabled }),
	removeSource: (id) => call('remove_source', { id }),
	refreshSource: (id) => call('refresh_source', { id }),
	recheckJob: (id) => call('recheck_job', { id }),
	importDemo: () => call('import_demo'),
	openExternal: (url) => call('open_external', { url }),
	campaignDefaults: () => call('campaign_defaults'),
	listCampaigns: () => call('list_campaigns'),
	createCampaign: (input) => call('create_campaign', { input }),
	updateCampaign: (id, input) => call('update_campaign', { id, input }),
	duplicateCampaign: (id) => call('duplicate_campaign', { id }),
	deleteCampaign: (id) => call('delete_campaign', { id }),
	setCampaignActive: (id, active) => call('set_campaign_active', { id, active }),
	setCampaignWeights: (id, weights) => call('set_campaign_weights', { id, weights }),
	rankCampaign: (id) => call('rank_campaign', { id }),
	giveFeedback: (campaignId, jobId, kind) => call('give_feedback', { campaignId, jobId, kind }),
	undoFeedback: (feedbackId) => call('undo_feedback', { feedbackId }),
	resetCampaignWeights: (id) => call('reset_campaign_weights', { id }),
	feedbackHistory: (campaignId) => call('feedback_history', { campaignId }),
	runCampaignNow: (id) => call('run_campaign_now', { id }),
	cancelCampaignRun: (id) => call('cancel_campaign_run', { id }),
	runAllCampaigns: () => call('run_all_campaigns'),
	runningCampaigns: () => call('running_campaigns'),
	campaignStatus: (id) => call('campaign_status', { id }),
	appSettings: () => call('app_settings'),
	setAppSettings: (settings) => call('set_app_settings', { settings }),
	onRunEvent: (handler) => listen('campaign-run', (event) => handler(event.payload as RunEvent)),
	onOpenCampaign: (handler) => listen('open-campaign', (event) => handler(event.payload as number))
};
