// The commit's worker: checks the rows against the workspace as it is now, builds the clients' records and
// writes them in one transaction, off the page's thread. The page would otherwise make every record, and
// IndexedDB copy each as it is put, on the thread that also holds the review: at a million rows that garbage
// outlived the young generation, and the collector's full pauses of a 1 GB heap froze the page for up to 1.5 s.
// It undoes an import too: on the page, the undo of 100,000 clients held it for 1.2 s.
import Dexie, { RangeSet, type ObservabilitySet, type Table } from 'dexie';
import { messageOf } from '$lib/wording';
import { unpackRows, valuesOf } from '$lib/domain/stored-values';
import { CHUNKS_AHEAD, type CommitRequest, type CommitResponse, type PostedChunk } from './commit-protocol';
import { commitImport, CommitConflict, undoImport, type RowToImport, type RowsToImport } from './import-commit';
import { db } from './schema';

// Dexie tracks every key a transaction writes, to tell the live queries of every tab exactly which changed,
// and posts them all in one message as it ends: the undo of a million clients made the page that received it
// peak at 618 MB. Here nothing is tracked; once a commit or an undo is done, the stores it writes are said to
// have changed whole (as Dexie says of a database it creates), and the live queries on them read again.
db.unuse({ stack: 'dbcore', name: 'Observability' });

function tellChangedWhole(tables: readonly Table[]) {
	const everything: ObservabilitySet = {};
	const whole = () => new RangeSet(-Infinity, [[[]]]);
	for (const table of tables) {
		const part = `idb://${db.name}/${table.name}/`;
		for (const index of table.schema.indexes) everything[part + index.name] = whole();
		everything[part] = whole();
		everything[`${part}:dels`] = whole();
	}
	Dexie.on.storagemutated.fire(everything);
}

const importStores = () => [db.clients, db.imports, db.importBefores];

// `self` as it is while this module loads: the worker's own scope, in a test's stand-in for a worker too.
const scope = self;
const post = (message: CommitResponse) => scope.postMessage(message);

/** The chunks posted and not yet taken, and the commit's wait for the next when none is. */
const arrived: (readonly RowToImport[])[] = [];
let ended = false;
let taken = 0;
let waiting: (() => void) | undefined;

function unpackChunk({ rowNumbers, values, updates }: PostedChunk): RowToImport[] {
	const rows = unpackRows(values, rowNumbers.length).map((stored, i): RowToImport => ({
		rowNumber: rowNumbers[i],
		values: valuesOf(stored)
	}));
	for (const [i, clientId] of updates) rows[i].updates = clientId;
	return rows;
}

function nextChunk(): readonly RowToImport[] | null | PromiseLike<readonly RowToImport[] | null> {
	const chunk = arrived.shift();
	if (chunk) {
		post({ type: 'want', upTo: ++taken + CHUNKS_AHEAD });
		return chunk;
	}
	if (ended) return null;
	// The page is behind (busy with something else): the transaction is kept alive until the chunk comes.
	return Dexie.waitFor(new Promise<void>((resolve) => (waiting = resolve))).then(nextChunk);
}

/** Tells every tab the import's stores changed, after the fact: a failure to say so leaves what was written. */
function tellWritten() {
	try {
		tellChangedWhole(importStores());
	} catch (error) {
		// Live queries elsewhere show the old data until they read again: nothing is lost.
		console.error(error);
	}
}

scope.onmessage = async (event: MessageEvent<CommitRequest>) => {
	const request = event.data;
	if (request.type === 'undo') {
		// undoImport answers every failure of its own as an outcome.
		const outcome = await undoImport(request.importId, request.laterEdits);
		// Told before the page hears of it (and ends this worker).
		if (outcome.undone) tellWritten();
		post({ type: 'undone', outcome });
		return;
	}
	if (request.type !== 'start') {
		try {
			if (request.type === 'chunk') arrived.push(unpackChunk(request.chunk));
			else ended = true;
		} catch (error) {
			// The commit waiting for this chunk fails with it; the page ends this worker, and its transaction.
			post({ type: 'failed', message: `Nothing was imported: ${messageOf(error)}` });
		}
		waiting?.();
		waiting = undefined;
		return;
	}
	const rows: RowsToImport = { count: request.count, namedAgain: new Set(request.namedAgain), nextChunk };
	post({ type: 'want', upTo: CHUNKS_AHEAD });
	let importRecord;
	try {
		({ importRecord } = await commitImport(
			request.fileName,
			rows,
			request.skipped,
			(written) => post({ type: 'written', written }),
			request.policy,
			request.extraColumns
		));
	} catch (error) {
		post({
			type: 'failed',
			message: messageOf(error),
			...(error instanceof CommitConflict ? { conflicts: error.conflicts } : {})
		});
		return;
	}
	tellWritten();
	post({ type: 'done', importRecord });
};
