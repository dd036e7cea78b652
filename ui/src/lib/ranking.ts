import type { Campaign } from '$lib/bindings/Campaign';
import type { CampaignInput } from '$lib/bindings/CampaignInput';
import type { Feedback } from '$lib/bindings/Feedback';
import type { Weights } from '$lib/bindings/Weights';

/** The ranking factors in the order the Rust side lists them, with what a person calls them. */
export const FACTORS: { key: keyof Weights; label: string; hint: string }[] = [
	{ key: 'keywords', label: 'Title & keywords', hint: 'your keywords in the title and description' },
	{ key: 'skills', label: 'Skills', hint: 'skills you want that the job asks for' },
	{ key: 'resume', label: 'Resume similarity', hint: 'how much the job reads like your resume' },
	{ key: 'location', label: 'Location & remote', hint: 'where the job is and how remote it is' },
	{ key: 'salary', label: 'Salary', hint: 'pay compared with your floor' },
	{ key: 'seniority', label: 'Seniority', hint: 'distance from the level you want' },
	{ key: 'employment_type', label: 'Employment type', hint: 'full-time, contract, …' },
	{ key: 'recency', label: 'Recency', hint: 'how recently it was posted' },
	{ key: 'company', label: 'Company', hint: 'companies you like' }
];

export const MAX_WEIGHT = 5;

export function factorLabel(name: string): string {
	return FACTORS.find((factor) => factor.key === name)?.label ?? name;
}

export const FEEDBACK: { kind: Feedback; label: string; past: string }[] = [
	{ kind: 'like', label: 'Like', past: 'liked' },
	{ kind: 'dislike', label: 'Dislike', past: 'disliked' },
	{ kind: 'hide', label: 'Hide', past: 'hid' },
	{ kind: 'applied', label: 'Applied', past: 'applied to' },
	{ kind: 'rejected', label: 'Rejected', past: 'were rejected for' }
];

export function feedbackPast(kind: Feedback): string {
	return FEEDBACK.find((entry) => entry.kind === kind)?.past ?? kind;
}

/** The factors whose weight moved, as "Skills 2.50 → 2.61", biggest move first. */
export function weightChanges(before: Weights, after: Weights): string[] {
	return FACTORS.map(({ key, label }) => ({ label, from: before[key], to: after[key] }))
		.filter(({ from, to }) => Math.abs(from - to) >= 0.005)
		.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from))
		.map(({ label, from, to }) => `${label} ${from.toFixed(2)} → ${to.toFixed(2)}`);
}

/** True when the weights differ from the ones the user set, i.e. something was learned. */
export function hasLearned(campaign: Campaign): boolean {
	return weightChanges(campaign.base_weights, campaign.profile.weights).length > 0;
}

/** What a campaign's form edits, taken from a stored campaign (the form copies it before editing). */
export function inputOf(campaign: Campaign): CampaignInput {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { id, base_weights, next_run_at, created_at, updated_at, ...input } = campaign;
	return input;
}
