import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATE, listStateQuery, readListState, toClientQuery } from '$lib/clients/list-state';

describe('the clients list state in the URL', () => {
	it('writes nothing for the defaults, and reads nothing as the defaults', () => {
		expect(listStateQuery(DEFAULT_LIST_STATE)).toBe('');
		expect(readListState(new URLSearchParams(''))).toEqual(DEFAULT_LIST_STATE);
	});

	it('reads back what it wrote', () => {
		const state = { search: 'Müller & Søn', sort: 'country' as const, descending: true, page: 3, size: 50 };
		const query = listStateQuery(state);
		expect(query).toBe('?q=M%C3%BCller+%26+S%C3%B8n&sort=country&dir=desc&page=3&size=50');
		expect(readListState(new URLSearchParams(query))).toEqual(state);
	});

	it('falls back to the defaults for values it does not know', () => {
		expect(readListState(new URLSearchParams('sort=secret&page=-2&size=7&dir=up'))).toEqual(DEFAULT_LIST_STATE);
		expect(readListState(new URLSearchParams('page=2.5')).page).toBe(2);
	});

	it('turns a page number into an offset', () => {
		expect(toClientQuery({ ...DEFAULT_LIST_STATE, page: 3, size: 50 })).toMatchObject({ offset: 100, limit: 50 });
	});
});
