// A Dexie live query as a rune: the value follows the database, also when another tab changes it.
import { liveQuery } from 'dexie';

export function live<T>(query: () => Promise<T>, initial: T): { readonly current: T; readonly error: unknown } {
	let current = $state(initial);
	let error = $state<unknown>(undefined);
	$effect(() => {
		const subscription = liveQuery(query).subscribe({
			next: (value) => {
				current = value;
				error = undefined;
			},
			error: (reason) => (error = reason)
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return current;
		},
		get error() {
			return error;
		}
	};
}
