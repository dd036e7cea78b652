import { describe, expect, it } from 'vitest';
import { lineDiff } from './lineDiff';

describe('lineDiff', () => {
	it('marks kept, removed and added lines in order, ignoring blank lines and edge spaces', () => {
		const before = 'Jane Doe\nExperience\n- Ran clusters\n\n- Built tooling\nSkills';
		const after = 'Jane Doe\nExperience\n- Built tooling \n- Ran Kubernetes clusters for 40 teams\nSkills';
		expect(lineDiff(before, after)).toEqual([
			{ kind: 'same', text: 'Jane Doe' },
			{ kind: 'same', text: 'Experience' },
			{ kind: 'removed', text: '- Ran clusters' },
			{ kind: 'same', text: '- Built tooling ' },
			{ kind: 'added', text: '- Ran Kubernetes clusters for 40 teams' },
			{ kind: 'same', text: 'Skills' }
		]);
	});

	it('handles empty sides', () => {
		expect(lineDiff('', 'a')).toEqual([{ kind: 'added', text: 'a' }]);
		expect(lineDiff('a', '')).toEqual([{ kind: 'removed', text: 'a' }]);
	});
});
