// The typed messages between the page and the parse worker: one module that both ends import.
import type { RowIssue } from '$lib/domain/issues';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import type { Encoding } from './decode';
import type { Delimiter } from './delimiter';
import type { ColumnMapping, ColumnShaping } from './column-plan';
import type { HeaderCheck } from './header';
import { packRows, unpackRows, type PackedRows, type StoredValues } from '$lib/domain/stored-values';

export interface FileSettings {
	encoding: Encoding;
	delimiter: Delimiter;
	/** A workbook's sheet read (its index), absent for a CSV. */
	sheet?: number;
	/** A workbook's header row, by the sheet's row number. */
	headerRow?: number;
}

/** A data row as the worker sends it: values in template order and the problems of the row alone. */
export interface ParsedRow {
	/** Spreadsheet row number: a CSV's header is row 1; a workbook's rows keep the sheet's numbers. */
	rowNumber: number;
	values: string[];
	issues: RowIssue[];
}

/** A data row as the page receives it: its values as the review keeps them (see StoredValues). */
export interface ReceivedRow {
	rowNumber: number;
	values: StoredValues;
	issues: RowIssue[];
}

/**
 * A batch of rows as it crosses from the worker to the page: values in one string, split by the page into one
 * string a row, and issues only for the rows that have some. Posting a hundred thousand rows as objects of
 * small strings would cost both threads far more than the work they hold.
 */
export interface RowBatch {
	rowNumbers: Uint32Array;
	values: PackedRows;
	/** [index in the batch, its issues], for rows with issues. */
	issues: [number, RowIssue[]][];
}

export function packBatch(rows: readonly ParsedRow[]): RowBatch {
	return {
		rowNumbers: Uint32Array.from(rows, (row) => row.rowNumber),
		values: packRows(rows.map((row) => row.values)),
		issues: rows.flatMap((row, i): [number, RowIssue[]][] => (row.issues.length > 0 ? [[i, row.issues]] : []))
	};
}

export function unpackBatch(batch: RowBatch): ReceivedRow[] {
	const values = unpackRows(batch.values, batch.rowNumbers.length);
	const rows = values.map((values, i): ReceivedRow => ({ rowNumber: batch.rowNumbers[i], values, issues: [] }));
	for (const [i, issues] of batch.issues) rows[i].issues = issues;
	return rows;
}

/** What a batch's buffers are, to transfer them rather than copy them. */
export function batchTransfer(batch: RowBatch): Transferable[] {
	return [batch.rowNumbers.buffer];
}

/** How a file was read: the settings used and those detected. */
export interface ReadAs {
	settings: FileSettings;
	detected: FileSettings;
	/** A workbook's sheet names, for the admin to choose another. */
	sheets?: string[];
}

export interface Progress {
	bytesRead: number;
	totalBytes: number;
	rowsRead: number;
}

/**
 * One worker serves the page's requests one file after the other: each request carries an id, and each answer
 * the id of the request it belongs to.
 */
export type WorkerRequest = { id: number } & (
	| { type: 'inspect'; file: File; settings?: Partial<FileSettings>; columns: string[] }
	| {
			type: 'parse';
			file: File;
			settings: FileSettings;
			mapping: ColumnMapping;
			shaping: ColumnShaping;
			workspace: WorkspaceSnapshot;
	  }
);

/** What the start of a file says: how it is read, its header and first values. */
export interface Inspection {
	settings: FileSettings;
	detected: FileSettings;
	header: string[];
	headerCheck: HeaderCheck;
	hasRows: boolean;
	/** Per header column, a few of its first values, for the admin to map columns by their data. */
	samples: string[][];
	/** The first few rows as they are (cells cut to a readable length), for previews of splits and joins. */
	firstRows: string[][];
	/** A workbook's sheet names; absent for a CSV. */
	sheets?: string[];
}

export type WorkerResponse = { id: number } & (
	| ({ type: 'inspected' } & Inspection)
	| { type: 'rows'; batch: RowBatch; progress: Progress }
	| { type: 'done'; progress: Progress }
	/** `readAs` when the failure came after the encoding and delimiter were settled, so they can be changed. */
	| { type: 'failed'; message: string; readAs?: ReadAs }
);

/** Larger files are refused before any work starts: a spreadsheet's 1,048,575 rows fit well within it. */
export const MAX_FILE_BYTES = 250 * 1024 * 1024;

// Hostile sizes are refused in the worker with the limit named, before they reach the page: no client needs
// more, and a cell, a row or a header beyond them would stall the grid, the checks or the saved draft.
/** The most characters a cell may hold: the template's longest field allows a few hundred. */
export const MAX_CELL_CHARS = 100_000;
/** The most columns a header may have: the template has 19, plus the workspace's custom fields. */
export const MAX_COLUMNS = 1_000;
/** The longest a row, the header included, may be: 1 MB (counted in characters, never more than bytes). */
export const MAX_ROW_CHARS = 1024 * 1024;
