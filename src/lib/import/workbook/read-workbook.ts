// A workbook's side of the import: which sheet and which header row (found, or the admin's), the first rows
// for the mapping screen, and then every row after the header, with the sheet's own row numbers.
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { FileProblem } from '../file-problem';
import { checkHeader } from '../header';
import type { ReadAs } from '../protocol';
import { openWorkbook, sharedStrings, streamSheet, type SheetRow, type Workbook } from './workbook';
import { formatCount } from '$lib/wording';

/** Rows among which the header is looked for: title rows above it are rarely more. */
export const HEADER_SEARCH_ROWS = 20;
/** Rows after the header read for the mapping screen's first values. */
const SAMPLE_ROWS = 20;

/**
 * The row that names the template's columns best: the most cells the header check maps (exact names,
 * synonyms, small typos), the first such row on a tie; the first row when none names any.
 */
export function detectHeaderRow(rows: readonly SheetRow[], columns: readonly string[] = TEMPLATE_COLUMNS): number {
	let best = { rowNumber: rows[0]?.rowNumber ?? 1, score: 0 };
	for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
		const score = checkHeader(row.cells, columns).mapping.filter((target) => target !== null).length;
		if (score > best.score) best = { rowNumber: row.rowNumber, score };
	}
	return best.rowNumber;
}

export interface SheetChoice {
	sheet?: number;
	headerRow?: number;
}

export interface WorkbookInspection {
	sheets: string[];
	sheet: number;
	headerRow: number;
	detectedSheet: number;
	detectedHeaderRow: number;
	header: string[];
	/** The first non-empty rows after the header. */
	rowsAfter: string[][];
	hasRows: boolean;
}

function sheetNames(workbook: Workbook): string[] {
	return workbook.sheets.map((sheet) => (sheet.hidden ? `${sheet.name} (hidden)` : sheet.name));
}

/** The first rows of a sheet: enough to find its header and show the first values after it. */
async function firstRows(
	workbook: Workbook,
	index: number,
	strings: readonly string[],
	columns: readonly string[],
	headerRow?: number
) {
	const rows: SheetRow[] = [];
	const enough = () => {
		const header = headerRow ?? (rows.length >= HEADER_SEARCH_ROWS ? detectHeaderRow(rows, columns) : undefined);
		return header !== undefined && rows.filter((row) => row.rowNumber > header).length > SAMPLE_ROWS;
	};
	await streamSheet(workbook, workbook.sheets[index], strings, (row) => {
		rows.push(row);
		return !enough();
	});
	return rows;
}

/** Reads a workbook's sheets and the start of the chosen one (by default the first with rows). */
export async function inspectWorkbook(
	file: Blob,
	chosen: SheetChoice,
	columns: readonly string[],
	readAs: (choice: Required<SheetChoice>, detected: Required<SheetChoice>, sheets: string[]) => ReadAs
): Promise<WorkbookInspection> {
	const workbook = await openWorkbook(file);
	const strings = await sharedStrings(workbook);
	const sheets = sheetNames(workbook);
	// The first visible sheet with a header and rows under it is the one meant (a notes sheet of one line is
	// passed over); else the first with anything in it; hidden ones only when no visible one will do.
	const order = workbook.sheets
		.map((sheet, index) => ({ sheet, index }))
		.sort((a, b) => Number(a.sheet.hidden) - Number(b.sheet.hidden));
	let detectedSheet = -1;
	let rows: SheetRow[] = [];
	let firstWithRows: { index: number; rows: SheetRow[] } | undefined;
	for (const { index } of order) {
		if (chosen.sheet !== undefined && index !== chosen.sheet) continue;
		rows = await firstRows(workbook, index, strings, columns, chosen.sheet === index ? chosen.headerRow : undefined);
		if (rows.length > 0) firstWithRows ??= { index, rows };
		if (rows.length > 1) {
			detectedSheet = index;
			break;
		}
	}
	if (detectedSheet < 0 && firstWithRows) ({ index: detectedSheet, rows } = firstWithRows);
	if (chosen.sheet === undefined && detectedSheet < 0) {
		throw new FileProblem(
			workbook.sheets.length === 1
				? 'This workbook has no rows: its sheet is empty.'
				: `This workbook has no rows: its ${workbook.sheets.length} sheets are all empty.`
		);
	}
	const sheet = chosen.sheet ?? detectedSheet;
	const detectedHeaderRow = detectHeaderRow(rows, columns);
	const headerRow = chosen.headerRow ?? detectedHeaderRow;
	const settled = readAs(
		{ sheet, headerRow },
		{ sheet: detectedSheet < 0 ? sheet : detectedSheet, headerRow: detectedHeaderRow },
		sheets
	);
	const name = workbook.sheets[sheet]?.name ?? '';
	if (rows.length === 0) {
		throw new FileProblem(`The sheet "${name}" is empty: choose another sheet.`, settled);
	}
	const header = rows.find((row) => row.rowNumber === headerRow);
	if (!header) {
		throw new FileProblem(
			`Row ${formatCount(headerRow)} of the sheet "${name}" is empty: set "Header is row" to the row that holds the column names.`,
			settled
		);
	}
	const after = rows.filter((row) => row.rowNumber > headerRow);
	return {
		sheets,
		sheet,
		headerRow,
		detectedSheet: settled.detected.sheet ?? sheet,
		detectedHeaderRow,
		header: header.cells,
		rowsAfter: after.slice(0, SAMPLE_ROWS).map((row) => row.cells),
		hasRows: after.length > 0
	};
}

/**
 * Streams the rows of a sheet from its header row on: `onRow` gets the header first, then each data row.
 * `onProgress` gets the share read so far (0–1) after each slice, and may wait.
 */
export async function readWorkbookRows(
	file: Blob,
	choice: Required<SheetChoice>,
	onRow: (row: SheetRow) => void,
	onProgress: (share: number) => Promise<void> | void
): Promise<void> {
	const workbook = await openWorkbook(file);
	const sheet = workbook.sheets[choice.sheet];
	if (!sheet) throw new FileProblem('The sheet chosen is no longer in this workbook: choose the file again.');
	// Progress counts the compressed bytes of the shared strings and of the sheet: the work is in them.
	const total = (workbook.strings?.compressedSize ?? 0) + sheet.entry.compressedSize || 1;
	const stringsSize = workbook.strings?.compressedSize ?? 0;
	const strings = await sharedStrings(workbook, (done) => onProgress(done / total));
	let headerSeen = false;
	await streamSheet(
		workbook,
		sheet,
		strings,
		(row) => {
			if (row.rowNumber < choice.headerRow) return;
			if (!headerSeen && row.rowNumber !== choice.headerRow) {
				throw new FileProblem(`Row ${choice.headerRow} of the sheet "${sheet.name}" is empty: choose the file again.`);
			}
			headerSeen = true;
			onRow(row);
		},
		(done) => onProgress((stringsSize + done) / total)
	);
	if (!headerSeen)
		throw new FileProblem(`The sheet "${sheet.name}" has no row ${choice.headerRow}: choose the file again.`);
}
