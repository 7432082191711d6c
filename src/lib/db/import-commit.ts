// Committing an import: the chosen rows are re-checked against the workspace as it is now (another tab may
// have added a client) and written, with the import's history record, in one transaction: all or none.
import { messageOf } from '$lib/wording';
import Dexie from 'dexie';
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import type { RowIssue } from '$lib/domain/issues';
import { checkRowAgainstWorkspace } from '$lib/domain/rules';
import { ClientMaps, clientNameKey, emailKey, indexWorkspace, type WorkspaceIndex } from '$lib/domain/workspace';
import { UserFacingError } from './errors';
import { newId } from './ids';
import { db, type ImportRecord, type UpdatedClient } from './schema';
import { updateOf, type UpdatePolicy } from '$lib/domain/client-diff';
import { COL } from '$lib/domain/template';
import { loadWorkspaceSnapshot } from './snapshot';

export interface RowToImport {
	rowNumber: number;
	values: readonly string[];
	/** The id of the existing client the row updates; absent for a new client. */
	updates?: string;
}

/** The commit found rows that the workspace no longer accepts; nothing was written. */
export class CommitConflict extends UserFacingError {
	constructor(readonly conflicts: { rowNumber: number; issues: RowIssue[] }[]) {
		const rows = conflicts.map((c) => c.rowNumber);
		super(
			`Nothing was imported: ${rows.length === 1 ? 'row' : 'rows'} ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` and ${rows.length - 10} more` : ''} no longer ${rows.length === 1 ? 'fits' : 'fit'} the workspace (a client was added or a technician or group changed since the review began, perhaps in another tab). The review shows ${rows.length === 1 ? 'it' : 'them'} as they are now: a row naming a client saved meanwhile updates it.`
		);
	}
}

/**
 * Rows per chunk: IndexedDB copies each record on the calling thread as it is put, so a chunk is one task of its
 * own (of the commit's worker, and of the page in tests and anywhere it is called there); 500 keep it short
 * without slowing the writes (docs/benchmark.md).
 */
export const COMMIT_CHUNK = 500;
/**
 * What a row that updates a client weighs in a chunk, against a new client's 1: it is read, worked out and
 * written, and what it held before is written too. 125 updates a chunk kept each task under about 25 ms of the
 * page's thread, where the commit ran before its worker, at the rate of 250 (docs/benchmark.md).
 */
const UPDATE_WEIGHT = 4;

/**
 * Rows cut into chunks of COMMIT_CHUNK new clients' worth at most, in their order, as they are walked: the page
 * cuts a review's rows for the commit's worker without copying them all first.
 */
export function* chunksOf<T>(rows: Iterable<T>, updatesOf: (row: T) => string | undefined): Generator<T[]> {
	let chunk: T[] = [];
	let weight = 0;
	for (const row of rows) {
		const rowWeight = updatesOf(row) === undefined ? 1 : UPDATE_WEIGHT;
		if (weight + rowWeight > COMMIT_CHUNK) {
			yield chunk;
			chunk = [];
			weight = 0;
		}
		chunk.push(row);
		weight += rowWeight;
	}
	if (chunk.length > 0) yield chunk;
}

/** Which clients the rows update, noted row by row, and which of them more than one row updates. */
export class ClientsUpdated {
	private readonly once = new Set<string>();
	readonly twice = new Set<string>();

	note(clientId: string | undefined): void {
		if (clientId === undefined) return;
		if (this.once.has(clientId)) this.twice.add(clientId);
		this.once.add(clientId);
	}
}

/**
 * The rows a commit writes, handed over a chunk at a time (cut by `chunksOf`), so that they need not all be
 * copied to where the commit runs before it starts.
 */
export interface RowsToImport {
	/** How many rows in all. */
	readonly count: number;
	/** The clients more than one row updates (ClientsUpdated). */
	readonly namedAgain: ReadonlySet<string>;
	/**
	 * The next chunk, or null after the last. Inside the commit's transaction: a wait for anything but the
	 * database must keep the transaction alive (Dexie.waitFor).
	 */
	nextChunk(): readonly RowToImport[] | null | PromiseLike<readonly RowToImport[] | null>;
}

const updatesOfRow = (row: RowToImport) => row.updates;

/** Rows at hand, as the commit takes them. */
function rowsAtHand(rows: readonly RowToImport[]): RowsToImport {
	const chunks = chunksOf(rows, updatesOfRow);
	const updated = new ClientsUpdated();
	for (const row of rows) updated.note(row.updates);
	return {
		count: rows.length,
		namedAgain: updated.twice,
		nextChunk: () => chunks.next().value ?? null
	};
}

/** A chunk's rows, their values unpacked, and what the workspace holds that they touch. */
interface ChunkRead {
	rows: readonly RowToImport[];
	values: (readonly string[])[];
	/** The clients the rows update, as stored (undefined for a new client's row, or a client deleted since). */
	current: (ClientRecord | undefined)[];
	/** The rules' look-ups of the clients the rows could clash with (absent: the workspace's, read whole). */
	clients?: ClientMaps;
}

/**
 * The commit reads the workspace's clients (names and emails) once, whole, unless they are more than this and
 * more than the rows it writes: then each chunk looks up those its rows give, in the unique indexes. A look-up
 * costs more a row than a client read whole costs a client: a million new clients into a workspace of a few, all
 * looked up, took 67 s of the page's thread (Dexie's walk of `anyOf`) and wrote 1,349 rows/s, against 4,357 with
 * the few read whole; 10,000 updates of a workspace of 100,000 look theirs up rather than read the 100,000.
 */
const READ_WHOLE_UP_TO = 20_000;

/** The next chunk of rows and what it needs of the workspace (readChunk); null after the last. */
function readNextChunk(rows: RowsToImport, lookUp: boolean): Promise<ChunkRead | null> {
	const reading = Promise.resolve(rows.nextChunk()).then((chunk) => chunk && readChunk(chunk, lookUp));
	// Read ahead: a write that fails meanwhile aborts the transaction, and this read with it, unawaited. The
	// write's error is the one reported; the read's still rejects whoever awaits it.
	reading.catch(() => {});
	return reading;
}

/**
 * Reads what a chunk's rows need of the workspace's clients: those they update, and those holding a name or
 * primary email they give. The rules look up nothing else of the clients, so the commit reads these, not every
 * client (100,000 read whole are seconds, and a pause of the collector of 0.1 s and more).
 */
async function readChunk(rows: readonly RowToImport[], lookUp: boolean): Promise<ChunkRead> {
	// A row may unpack its values each time they are asked for: once here.
	const values = rows.map((row) => row.values);
	const keys = (column: number, key: (value: string) => string) => [
		...new Set(values.map((row) => key(row[column] ?? '')).filter((k) => k !== ''))
	];
	const names = lookUp ? keys(COL.ClientName, clientNameKey) : [];
	const emails = lookUp ? keys(COL.PrimaryContactEmail, emailKey) : [];
	// The ids only, from the unique index, for every key of the chunk in one walk of it: no client is copied out
	// for it, and a chunk of new clients is one request, not one a key.
	const idsHolding = (index: 'nameKey' | 'primaryEmailKey', keys: string[]) =>
		keys.length === 0 ? Promise.resolve([]) : db.clients.where(index).anyOf(keys).primaryKeys();
	const [current, byName, byEmail] = await Promise.all([
		rows.some((row) => row.updates !== undefined)
			? db.clients.bulkGet(rows.map((row) => row.updates ?? ''))
			: Promise.resolve([]),
		idsHolding('nameKey', names),
		idsHolding('primaryEmailKey', emails)
	]);
	// Mostly the clients the chunk updates, read already; any other (a clash, seldom) is read now.
	const updated = new Map(current.flatMap((client) => (client ? [[client.id, client] as const] : [])));
	const found = [...new Set([...byName, ...byEmail])];
	const others = found.filter((id) => !updated.has(id));
	const holders = [
		...found.flatMap((id) => updated.get(id) ?? []),
		...(others.length > 0 ? await db.clients.bulkGet(others) : []).filter((c) => c !== undefined)
	];
	if (!lookUp) return { rows, values, current };
	const clients = new ClientMaps().add(holders.map((c) => ({ id: c.id, name: c.name, email: c.primaryContact.email })));
	return { rows, values, current, clients };
}

function explain(error: unknown): Error {
	if (error instanceof UserFacingError) return error;
	const name = error instanceof Dexie.DexieError ? error.name : error instanceof Error ? error.name : '';
	const inner = error instanceof Dexie.BulkError ? Object.values(error.failuresByPos)[0] : undefined;
	if (name === 'QuotaExceededError' || inner?.name === 'QuotaExceededError') {
		return new UserFacingError(
			"Nothing was imported: this browser's storage for the site is full. Free some space (or allow the site more storage) and import again; your review is kept."
		);
	}
	if (name === 'ConstraintError' || name === 'BulkError' || inner?.name === 'ConstraintError') {
		return new UserFacingError(
			'Nothing was imported: a client with the same name or primary email was saved meanwhile (perhaps in another tab). Import again to see which rows clash.'
		);
	}
	return new UserFacingError(`Nothing was imported: ${messageOf(error)}`);
}

/** The problem of a row whose client was deleted since the review began (perhaps in another tab). */
function clientGone(values: readonly string[]): RowIssue {
	return {
		column: COL.ClientName,
		severity: 'error',
		code: 'name_exists',
		message: `The client "${values[COL.ClientName]}" this row updates was deleted meanwhile: import the row as a new client, or remove it.`
	};
}

export interface CommitOutcome {
	importRecord: ImportRecord;
}

/**
 * Writes the rows: new clients added, existing ones updated (only the fields the file carries and changes; a row
 * that changes nothing is not written), with the import's record, and what each updated client was before
 * (`importBefores`).
 */
export async function commitImport(
	fileName: string,
	rowsGiven: readonly RowToImport[] | RowsToImport,
	skipped: number,
	onProgress: (written: number) => void = () => {},
	policy: UpdatePolicy = { carried: new Set(), emptyCells: 'keep' },
	/** The file's extra columns (Hours, Holidays, properties, ClientId), after the custom fields' in each row. */
	extraColumns: readonly string[] = []
): Promise<CommitOutcome> {
	const createdAt = new Date().toISOString();
	const importId = newId();
	const rows = Array.isArray(rowsGiven) ? rowsAtHand(rowsGiven) : (rowsGiven as RowsToImport);
	try {
		return await db.transaction(
			'rw',
			[db.clients, db.technicians, db.groups, db.settings, db.imports, db.importBefores],
			async () => {
				// Checked as the workspace is now: a new row must name no client, an update may name its own. The
				// clients it could clash with are read here when they are few, else with each chunk (readChunk).
				const lookUp = (await db.clients.count()) > Math.max(READ_WHOLE_UP_TO, rows.count);
				const workspace = indexWorkspace({
					...(await loadWorkspaceSnapshot({ withClients: !lookUp })),
					extraColumns
				});
				// Chunk by chunk, so that no step holds the thread long: check the rows, build their records,
				// write them, and then what the updated clients held before. The next chunk's clients are read
				// while this one is built, and a chunk is built while the one before is written, so this thread and
				// the database work at the same time. Once a row no longer fits, nothing more is written, the rest is
				// only checked, and the error aborts the transaction, which takes back what was written.
				const conflicts: { rowNumber: number; issues: RowIssue[] }[] = [];
				let imported = 0;
				// A client two rows update: the later row starts from what the earlier one made of it, not from what
				// the read ahead of the earlier one's write found.
				const { namedAgain } = rows;
				const updatedSoFar = new Map<string, ClientRecord>();
				let updated = 0;
				let written = 0;
				let writing: Promise<void> | undefined;
				let reading = readNextChunk(rows, lookUp);
				for (let c = 0; ; c++) {
					const read = await reading;
					if (!read) break;
					reading = readNextChunk(rows, lookUp);
					const { rows: chunk, values } = read;
					const current = read.current.map((client, i) => {
						const id = chunk[i].updates;
						return (id !== undefined && updatedSoFar.get(id)) || client;
					});
					const checkedAgainst: WorkspaceIndex = read.clients ? { ...workspace, ...read.clients } : workspace;
					// Each update worked out once: what the rules judge (the row merged into the client) and what it writes.
					const planned = chunk.map((_, i) =>
						current[i] ? updateOf(values[i], current[i], policy, workspace, createdAt) : undefined
					);
					chunk.forEach((row, i) => {
						const judged = planned[i]?.merged ?? values[i];
						const issues = checkRowAgainstWorkspace(judged, checkedAgainst, { selfClientId: row.updates });
						if (row.updates !== undefined && !current[i]) issues.push(clientGone(values[i]));
						if (issues.some((issue) => issue.severity === 'error'))
							conflicts.push({ rowNumber: row.rowNumber, issues });
					});
					if (conflicts.length > 0) continue;
					const added: ClientRecord[] = [];
					const changed: ClientRecord[] = [];
					const befores: UpdatedClient[] = [];
					chunk.forEach((row, i) => {
						const existing = current[i];
						const next = planned[i]?.updated;
						if (!existing) {
							added.push(toClientRecord(values[i], workspace, { id: newId(), createdAt, importId }));
						} else if (next) {
							const { logo, ...before } = existing;
							void logo;
							befores.push({ before, updatedAt: createdAt });
							changed.push(next);
							if (namedAgain.has(next.id)) updatedSoFar.set(next.id, next);
						}
					});
					imported += added.length;
					updated += changed.length;
					const previous = writing;
					// The before-images are put once the chunk's clients are, a task of their own.
					writing = Promise.all([
						db.clients.bulkAdd(added),
						db.clients
							.bulkPut(changed)
							.then(() =>
								befores.length > 0 ? db.importBefores.add({ importId, chunk: c, updates: befores }) : undefined
							)
					]).then(() => onProgress((written += chunk.length)));
					await previous;
				}
				await writing;
				if (conflicts.length > 0) throw new CommitConflict(conflicts);
				const importRecord: ImportRecord = {
					id: importId,
					fileName,
					createdAt,
					imported,
					skipped,
					updated,
					undoneAt: null
				};
				await db.imports.add(importRecord);
				return { importRecord };
			}
		);
	} catch (error) {
		throw explain(error);
	}
}

/** Every import recorded in this browser, newest first. */
export function listImports(): Promise<ImportRecord[]> {
	return db.imports.orderBy('createdAt').reverse().toArray();
}

export type UndoOutcome =
	| { undone: true; removed: number; restored: number; kept: number }
	/** Some clients were edited (or deleted) after the import: the admin chooses what becomes of them. */
	| { undone: false; editedNames: string[] }
	/** Nothing was undone: what stood in the way (a name or email another client has taken since). */
	| { undone: false; problem: string };

/**
 * What the undo does with clients edited after the import: asks (the default), keeps them as they are now
 * (the rest is undone), or restores the import's before for them too.
 */
export type LaterEdits = 'ask' | 'keep' | 'restore';

/**
 * Undoes an import: removes the clients it added, and puts back exactly what the clients it updated held
 * before (their logo, which an import never changes, as it is now). Clients edited since are named first,
 * unless `laterEdits` says what to do with them.
 */
export async function undoImport(importId: string, laterEdits: LaterEdits = 'ask'): Promise<UndoOutcome> {
	try {
		return await undoInTransaction(importId, laterEdits);
	} catch (error) {
		// The transaction took everything back: nothing was undone.
		const name = error instanceof Dexie.DexieError || error instanceof Error ? error.name : '';
		const inner = error instanceof Dexie.BulkError ? Object.values(error.failuresByPos)[0] : undefined;
		const clash = name === 'ConstraintError' || inner?.name === 'ConstraintError';
		return {
			undone: false,
			problem: clash
				? 'Nothing was undone: a client the import changed had a name or primary email that another client has now. Rename that client (or change its email), then undo again.'
				: `Nothing was undone: ${messageOf(error)}`
		};
	}
}

/** An import's records of before-images, in chunk order. */
const beforesRecordsOf = (importId: string) =>
	db.importBefores.where('[importId+chunk]').between([importId, Dexie.minKey], [importId, Dexie.maxKey]);

/** What the clients an import updated held before, in the order it updated them. */
export async function beforesOfImport(importId: string): Promise<UpdatedClient[]> {
	const records = await beforesRecordsOf(importId).toArray();
	return records.flatMap((record) => record.updates);
}

/** Clients an undo reads or writes at once: a million at once would not fit in memory (some 1 KB each). */
const UNDO_CHUNK = 1000;

/** The items a chunk at a time. */
function* inChunks<T>(items: readonly T[], size = UNDO_CHUNK): Generator<T[]> {
	for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Calls `visit` with each record of an import's before-images, in order, each client once: with what it held
 * before the import (a client two rows of the file updated has two before-images, the second what the first row
 * made of it).
 */
async function eachOriginal(importId: string, visit: (updates: UpdatedClient[]) => Promise<void>): Promise<void> {
	// The records' keys at once, the records one at a time: a million updates' before-images would not fit.
	const keys = await beforesRecordsOf(importId).primaryKeys();
	const seen = new Set<string>();
	for (const key of keys) {
		const record = await db.importBefores.get(key);
		const firsts = (record?.updates ?? []).filter(({ before }) => !seen.has(before.id) && seen.add(before.id));
		if (firsts.length > 0) await visit(firsts);
	}
}

function undoInTransaction(importId: string, laterEdits: LaterEdits): Promise<UndoOutcome> {
	return db.transaction('rw', db.clients, db.imports, db.importBefores, async () => {
		const record = await db.imports.get(importId);
		if (!record || record.undoneAt) return { undone: true, removed: 0, restored: 0, kept: 0 };
		// The clients the import added and that are still there carry its id (an update or an edit keeps it): their
		// ids at once, the clients themselves a chunk at a time, to find those edited since.
		const added = await db.clients.where('importId').equals(importId).primaryKeys();
		const editedNames: string[] = [];
		const addedEdited = new Set<string>();
		for (const ids of inChunks(added)) {
			for (const client of await db.clients.bulkGet(ids)) {
				if (!client || client.updatedAt === client.createdAt) continue;
				addedEdited.add(client.id);
				editedNames.push(client.name);
			}
		}
		// The clients it updated and edited since: their updatedAt is no longer the one the import left.
		const updatedEdited = new Set<string>();
		let updated = 0;
		await eachOriginal(importId, async (updates) => {
			updated += updates.length;
			const now = await db.clients.bulkGet(updates.map((u) => u.before.id));
			updates.forEach((u, i) => {
				if (now[i]?.updatedAt === u.updatedAt) return;
				updatedEdited.add(u.before.id);
				editedNames.push(now[i]?.name ?? u.before.name);
			});
		});
		if (laterEdits === 'ask' && editedNames.length > 0) return { undone: false, editedNames };
		const keep = laterEdits === 'keep';
		let removed = 0;
		for (const ids of inChunks(keep ? added.filter((id) => !addedEdited.has(id)) : added)) {
			await db.clients.bulkDelete(ids);
			removed += ids.length;
		}
		let restored = 0;
		await eachOriginal(importId, async (updates) => {
			const toRestore = keep ? updates.filter((u) => !updatedEdited.has(u.before.id)) : updates;
			// Its logo as it is now: an import never changes it.
			const now = await db.clients.bulkGet(toRestore.map((u) => u.before.id));
			await db.clients.bulkPut(toRestore.map((u, i) => ({ ...u.before, logo: now[i]?.logo ?? null }) as ClientRecord));
			restored += toRestore.length;
		});
		await db.imports.update(importId, { undoneAt: new Date().toISOString() });
		return { undone: true, removed, restored, kept: added.length + updated - removed - restored };
	});
}
