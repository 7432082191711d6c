// A Dexie live query as a rune: the value follows the database, also when another tab changes it.
import { liveQuery } from 'dexie';

export interface Live<T> {
	readonly current: T;
	readonly error: unknown;
	/** True until the first value for the current parameters has arrived (the previous value stays meanwhile). */
	readonly loading: boolean;
}

export function live<T>(query: () => Promise<T>, initial: T): Live<T> {
	return liveWith(() => undefined, query, initial);
}

/**
 * A live query with parameters: it re-runs when the data changes and when what `params` reads changes.
 * Dexie runs a query after a tick, out of the effect's reach, so the parameters are read here, in the effect.
 */
export function liveWith<P, T>(params: () => P, query: (params: P) => Promise<T>, initial: T): Live<T> {
	let current = $state(initial);
	let error = $state<unknown>(undefined);
	let loading = $state(true);
	$effect(() => {
		const values = params();
		loading = true;
		const subscription = liveQuery(() => query(values)).subscribe({
			next: (value) => {
				current = value;
				error = undefined;
				loading = false;
			},
			error: (reason) => {
				error = reason;
				loading = false;
			}
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return current;
		},
		get error() {
			return error;
		},
		get loading() {
			return loading;
		}
	};
}
