import { describe, expect, it } from 'vitest';
import { editDistance } from '$lib/domain/edit-distance';

/** The whole table, unbounded and without shortcuts: what the bounded search must agree with. */
function fullDistance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[a.length][b.length];
}

describe('editDistance', () => {
	it.each([
		['clientname', 'clientname', 0],
		['clientnmae', 'clientname', 1],
		['helpdsk', 'helpdesk', 1],
		['germnay', 'germany', 1],
		['america new yrok', 'america new york', 1],
		['kitten', 'sitting', 3],
		['', 'abc', 3]
	])('counts %j → %j as %i', (a, b, distance) => {
		expect(editDistance(a, b)).toBe(distance);
	});

	it('stops above the bound once more letters differ', () => {
		expect(editDistance('kitten', 'sitting', 1)).toBeGreaterThan(1);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
		expect(editDistance('kitten', 'sitting', 3)).toBe(3);
	});

	it('agrees with the full table on every pair of short words, bounded or not', () => {
		const words = ['', 'a', 'b', 'ab', 'ba', 'abc', 'acb', 'bca', 'cab', 'abca', 'baac', 'abcab', 'cbaac', 'aabbc'];
		for (const a of words) {
			for (const b of words) {
				const full = fullDistance(a, b);
				expect(editDistance(a, b)).toBe(full);
				for (const max of [0, 1, 2]) {
					const bounded = editDistance(a, b, max);
					if (full <= max) expect(bounded).toBe(full);
					else expect(bounded).toBeGreaterThan(max);
				}
			}
		}
	});
});
