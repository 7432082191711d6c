import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '$lib/db/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.restoreAllMocks());

describe('newId', () => {
	it('makes UUIDs of version 7 that begin with the time they were made', () => {
		vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2031, 0, 2, 3, 4, 5, 6));
		const id = newId();
		expect(id).toMatch(UUID_V7);
		expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2031, 0, 2, 3, 4, 5, 6));
	});

	it('sorts ids in the order they were made, many in one millisecond and past its sequence', () => {
		vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2032, 5, 1));
		const ids = Array.from({ length: 10_000 }, () => newId());
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
		expect([...ids].sort()).toEqual(ids);
	});

	it('keeps the order when the clock goes back', () => {
		const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2033, 0, 1));
		const before = newId();
		now.mockReturnValue(Date.UTC(2032, 0, 1));
		const after = newId();
		expect(after > before).toBe(true);
	});

	it('sorts ids made later after those made earlier', () => {
		const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2034, 0, 1));
		const first = newId();
		now.mockReturnValue(Date.UTC(2034, 0, 1) + 1);
		expect(newId() > first).toBe(true);
	});
});
