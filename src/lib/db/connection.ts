// What another tab can do to this tab's database connection: upgrade the schema (this tab's code is then
// out of date and must reload) or hold an old version while this tab upgrades (this tab waits: the admin
// should close the other tab). Dexie closes the connection itself; this tells the page, so nothing hangs.
import { db } from './schema';

export type ConnectionProblem = 'outdated' | 'blocked';

const listeners = new Set<(problem: ConnectionProblem) => void>();

db.on('versionchange', () => {
	for (const listener of listeners) listener('outdated');
});
db.on('blocked', () => {
	for (const listener of listeners) listener('blocked');
});

export function onConnectionProblem(listener: (problem: ConnectionProblem) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
