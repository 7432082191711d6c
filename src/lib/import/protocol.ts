// The typed messages between the page and the parse worker: one module that both ends import.
import type { RowIssue } from '$lib/domain/issues';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import type { Encoding } from './decode';
import type { Delimiter } from './delimiter';
import type { ColumnMapping, HeaderCheck } from './header';

export interface FileSettings {
	encoding: Encoding;
	delimiter: Delimiter;
}

/** A data row as the worker sends it: values in template order and the problems of the row alone. */
export interface ParsedRow {
	/** Spreadsheet row number: the header is row 1. */
	rowNumber: number;
	values: string[];
	issues: RowIssue[];
}

export interface Progress {
	bytesRead: number;
	totalBytes: number;
	rowsRead: number;
}

export type WorkerRequest =
	| { type: 'inspect'; file: File; settings?: Partial<FileSettings>; columns: string[] }
	| { type: 'parse'; file: File; settings: FileSettings; mapping: ColumnMapping; workspace: WorkspaceSnapshot };

export type WorkerResponse =
	| {
			type: 'inspected';
			settings: FileSettings;
			detected: FileSettings;
			header: string[];
			headerCheck: HeaderCheck;
			/** Whether the file holds anything after its header. */
			hasRows: boolean;
	  }
	| { type: 'rows'; rows: ParsedRow[]; progress: Progress }
	| { type: 'done'; progress: Progress }
	| { type: 'failed'; message: string };

/** Larger files are refused before any work starts: a spreadsheet's 1,048,575 rows fit well within it. */
export const MAX_FILE_BYTES = 250 * 1024 * 1024;
