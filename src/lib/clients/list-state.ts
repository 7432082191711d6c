// What the clients list shows (search, sort, page, page size), kept in the URL's query so that a reload or
// Back from a client's page returns to the same place. Only values other than the defaults are written.
import { CLIENT_SORTS, type ClientQuery, type ClientSort } from '$lib/db/clients';

export const PAGE_SIZES = [25, 50, 100] as const;

export interface ListState {
	search: string;
	sort: ClientSort;
	descending: boolean;
	/** 1-based. */
	page: number;
	size: number;
}

export const DEFAULT_LIST_STATE: ListState = { search: '', sort: 'name', descending: false, page: 1, size: 25 };

export function readListState(params: URLSearchParams): ListState {
	const sort = params.get('sort') ?? '';
	const page = Number.parseInt(params.get('page') ?? '', 10);
	const size = Number.parseInt(params.get('size') ?? '', 10);
	return {
		search: params.get('q') ?? '',
		sort: (CLIENT_SORTS as readonly string[]).includes(sort) ? (sort as ClientSort) : DEFAULT_LIST_STATE.sort,
		descending: params.get('dir') === 'desc',
		page: Number.isInteger(page) && page > 0 ? page : 1,
		size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_LIST_STATE.size
	};
}

export function listStateQuery(state: ListState): string {
	const params = new URLSearchParams();
	if (state.search.trim()) params.set('q', state.search.trim());
	if (state.sort !== DEFAULT_LIST_STATE.sort) params.set('sort', state.sort);
	if (state.descending) params.set('dir', 'desc');
	if (state.page > 1) params.set('page', String(state.page));
	if (state.size !== DEFAULT_LIST_STATE.size) params.set('size', String(state.size));
	const query = params.toString();
	return query ? `?${query}` : '';
}

export function toClientQuery(state: ListState): ClientQuery {
	return {
		search: state.search,
		sort: state.sort,
		descending: state.descending,
		offset: (state.page - 1) * state.size,
		limit: state.size
	};
}
