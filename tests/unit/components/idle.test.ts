import { describe, expect, it } from 'vitest';
import { eachInSlices } from '$lib/components/idle';

describe('a walk in slices', () => {
	it('visits every item once, in order, and lets other work run between its slices', async () => {
		const items = Array.from({ length: 120_001 }, (_, i) => i);
		const seen: number[] = [];
		/** How many items had been visited each time other work got the thread. */
		const between: number[] = [];
		const other = setInterval(() => between.push(seen.length), 0);
		await eachInSlices(items, (item) => seen.push(item));
		clearInterval(other);
		expect(seen).toEqual(items);
		expect(between.some((count) => count > 0 && count < items.length)).toBe(true);
	});

	it('visits nothing of an empty list', async () => {
		const seen: number[] = [];
		await eachInSlices([], (item: number) => seen.push(item));
		expect(seen).toEqual([]);
	});
});
