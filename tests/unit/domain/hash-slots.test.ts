import { describe, expect, it } from 'vitest';
import { HashSlots } from '$lib/domain/hash-slots';

/** A fixed sequence of pseudo-random numbers, for a test that fails the same way each run. */
function randomSource(seed: number) {
	return () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe('HashSlots', () => {
	it('maps hashes to row numbers and lists, and forgets them', () => {
		const slots = new HashSlots<string[]>();
		const list = ['a'];
		slots.set(7, 12);
		slots.set(9, list);
		expect(slots.get(7)).toBe(12);
		expect(slots.get(9)).toBe(list);
		expect(slots.get(8)).toBeUndefined();
		slots.set(9, 0);
		expect(slots.get(9)).toBe(0);
		slots.delete(7);
		expect(slots.get(7)).toBeUndefined();
		expect(slots.size).toBe(1);
	});

	it('keeps what a Map keeps through 200,000 random adds, sets and deletes, hashes crowding few slots included', () => {
		const random = randomSource(42);
		const slots = new HashSlots<number[]>();
		const expected = new Map<number, number | number[]>();
		// Hashes that share their low bits land in the same slots and run into one another.
		const hashes = Array.from({ length: 5000 }, (_, i) =>
			i % 3 === 0 ? (i * 4096) & 0x3fffffff || 1 : 1 + Math.floor(random() * 0x3ffffffe)
		);
		for (let step = 0; step < 200_000; step++) {
			const hash = hashes[Math.floor(random() * hashes.length)];
			const action = random();
			if (action < 0.15) {
				const had = expected.get(hash);
				expect(slots.addIfNew(hash, step)).toBe(had);
				if (had === undefined) expected.set(hash, step);
			} else if (action < 0.45) {
				const value = action < 0.25 ? [step] : step;
				slots.set(hash, value);
				expected.set(hash, value);
			} else if (action < 0.8) {
				slots.delete(hash);
				expected.delete(hash);
			} else expect(slots.get(hash)).toBe(expected.get(hash));
		}
		expect(slots.size).toBe(expected.size);
		for (const hash of hashes) expect(slots.get(hash)).toBe(expected.get(hash));
	});

	it('grows past a million entries and finds each', () => {
		const slots = new HashSlots<never>();
		for (let row = 0; row < 1_100_000; row++) slots.set(Math.imul(row + 1, 0x9e3779b1) & 0x3fffffff || 1, row);
		let found = 0;
		for (let row = 0; row < 1_100_000; row++)
			if (slots.get(Math.imul(row + 1, 0x9e3779b1) & 0x3fffffff || 1) === row) found++;
		expect(found).toBe(1_100_000);
	});
});
