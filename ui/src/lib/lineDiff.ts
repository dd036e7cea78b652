/** One line of a two-sided comparison: in both, only in the original, or only in the new text. */
export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

/**
 * The lines of `before` and `after` in order, each marked kept, removed or added (a longest
 * common subsequence of whole lines; blank lines are ignored). Resumes are short, so the
 * quadratic table is fine; past 2,000 lines a side it falls back to "all removed, all added".
 */
export function lineDiff(before: string, after: string): DiffLine[] {
	const a = before.split('\n').filter((line) => line.trim() !== '');
	const b = after.split('\n').filter((line) => line.trim() !== '');
	if (a.length > 2000 || b.length > 2000) {
		return [
			...a.map((text) => ({ kind: 'removed' as const, text })),
			...b.map((text) => ({ kind: 'added' as const, text }))
		];
	}
	const same = (i: number, j: number) => (a[i] ?? '').trim() === (b[j] ?? '').trim();
	// lengths[i * width + j]: the longest common run of a[i..] and b[j..].
	const width = b.length + 1;
	const lengths = new Uint32Array((a.length + 1) * width);
	const length = (i: number, j: number) => lengths[i * width + j] ?? 0;
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i * width + j] = same(i, j)
				? length(i + 1, j + 1) + 1
				: Math.max(length(i + 1, j), length(i, j + 1));
		}
	}
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (same(i, j)) {
			out.push({ kind: 'same', text: b[j] ?? '' });
			i++;
			j++;
		} else if (length(i + 1, j) >= length(i, j + 1)) {
			out.push({ kind: 'removed', text: a[i++] ?? '' });
		} else {
			out.push({ kind: 'added', text: b[j++] ?? '' });
		}
	}
	while (i < a.length) out.push({ kind: 'removed', text: a[i++] ?? '' });
	while (j < b.length) out.push({ kind: 'added', text: b[j++] ?? '' });
	return out;
}
