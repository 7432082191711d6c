// Committing an import: the chosen rows are re-checked against the workspace as it is now (another tab may
// have added a client) and written, with the import's history record, in one transaction: all or none.
import { messageOf } from '$lib/wording';
import Dexie from 'dexie';
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import type { RowIssue } from '$lib/domain/issues';
import { checkRowAgainstWorkspace } from '$lib/domain/rules';
import { indexWorkspace } from '$lib/domain/workspace';
import { UserFacingError } from './errors';
import { newId } from './ids';
import { db, type ImportRecord } from './schema';
import { loadWorkspaceSnapshot } from './snapshot';

export interface RowToImport {
	rowNumber: number;
	values: readonly string[];
}

/** The commit found rows that the workspace no longer accepts; nothing was written. */
export class CommitConflict extends UserFacingError {
	constructor(readonly conflicts: { rowNumber: number; issues: RowIssue[] }[]) {
		const rows = conflicts.map((c) => c.rowNumber);
		super(
			`Nothing was imported: ${rows.length === 1 ? 'row' : 'rows'} ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` and ${rows.length - 10} more` : ''} no longer ${rows.length === 1 ? 'fits' : 'fit'} the workspace (a client was added or a technician or group changed since the review began, perhaps in another tab). They are marked in the grid.`
		);
	}
}

const CHUNK = 2000;

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

export interface CommitOutcome {
	importRecord: ImportRecord;
}

export async function commitImport(
	fileName: string,
	rows: readonly RowToImport[],
	skipped: number,
	onProgress: (written: number) => void = () => {}
): Promise<CommitOutcome> {
	const createdAt = new Date().toISOString();
	const importId = newId();
	try {
		return await db.transaction('rw', [db.clients, db.technicians, db.groups, db.settings, db.imports], async () => {
			const workspace = indexWorkspace(await loadWorkspaceSnapshot());
			// Chunk by chunk, so that no step holds the main thread long: check the rows, build their records,
			// write them. A chunk is built while the one before is being written, so the page and the database
			// work at the same time. Once a row no longer fits, nothing more is written, the rest is only
			// checked, and the error aborts the transaction, which takes back what was written.
			const conflicts: { rowNumber: number; issues: RowIssue[] }[] = [];
			const clientIds: string[] = [];
			let written = 0;
			let writing: Promise<void> | undefined;
			for (let start = 0; start < rows.length; start += CHUNK) {
				const chunk = rows.slice(start, start + CHUNK);
				// A review's row unpacks its values each time they are asked for: once here.
				const values = chunk.map((row) => row.values);
				chunk.forEach((row, i) => {
					const issues = checkRowAgainstWorkspace(values[i], workspace);
					if (issues.some((issue) => issue.severity === 'error')) conflicts.push({ rowNumber: row.rowNumber, issues });
				});
				if (conflicts.length > 0) continue;
				const records: ClientRecord[] = values.map((rowValues) =>
					toClientRecord(rowValues, workspace, { id: newId(), createdAt, importId })
				);
				for (const record of records) clientIds.push(record.id);
				const before = writing;
				writing = db.clients.bulkAdd(records).then(() => onProgress((written += records.length)));
				await before;
			}
			await writing;
			if (conflicts.length > 0) throw new CommitConflict(conflicts);
			const importRecord: ImportRecord = {
				id: importId,
				fileName,
				createdAt,
				imported: clientIds.length,
				skipped,
				clientIds,
				undoneAt: null
			};
			await db.imports.add(importRecord);
			return { importRecord };
		});
	} catch (error) {
		throw explain(error);
	}
}

export type UndoOutcome = { undone: true; removed: number } | { undone: false; editedNames: string[] };

/** Removes exactly the clients an import created, if none was edited since; otherwise names those that were. */
export async function undoImport(importId: string): Promise<UndoOutcome> {
	return db.transaction('rw', db.clients, db.imports, async () => {
		const record = await db.imports.get(importId);
		if (!record || record.undoneAt) return { undone: true, removed: 0 };
		const clients = (await db.clients.bulkGet(record.clientIds)).filter((c): c is ClientRecord => c !== undefined);
		const edited = clients.filter((c) => c.updatedAt !== c.createdAt);
		if (edited.length > 0) return { undone: false, editedNames: edited.map((c) => c.name) };
		await db.clients.bulkDelete(clients.map((c) => c.id));
		await db.imports.update(importId, { undoneAt: new Date().toISOString() });
		return { undone: true, removed: clients.length };
	});
}
