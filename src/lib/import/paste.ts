// Cells copied from a spreadsheet (Excel, Google Sheets, LibreOffice, Numbers): tab-separated text, where a
// cell holding a line break, a tab or a leading quote is quoted, its inner quotes doubled. Parsed and written
// here for the import page (pasted cells are read as a file) and for the review grid's paste and copy.
import type { HeaderCheck } from './header';
import type { FileSettings } from './protocol';

export const PASTED_FILE_NAME = 'Pasted cells';
/** How pasted cells are read: the clipboard's text is UTF-16 in the page, handed over as UTF-8, tab-separated. */
export const PASTED_SETTINGS: FileSettings = { encoding: 'utf-8', delimiter: '\t' };

/**
 * A quoted cell starting at `start` (a quote), or null when it is not one: a quote that does not close right
 * before a tab, a line break or the end makes the cell plain text (`5" screen`, `"Big" Bob`), as it is in the
 * sheet.
 */
function quotedCell(text: string, start: number): { value: string; end: number } | null {
	let value = '';
	let from = start + 1;
	for (;;) {
		const quote = text.indexOf('"', from);
		if (quote < 0) return null;
		if (text[quote + 1] === '"') {
			value += text.slice(from, quote + 1);
			from = quote + 2;
			continue;
		}
		const after = text[quote + 1];
		if (after !== undefined && after !== '\t' && after !== '\n' && after !== '\r') return null;
		return { value: value + text.slice(from, quote), end: quote + 1 };
	}
}

/** The end of a plain cell: the next tab or line break. */
function plainEnd(text: string, start: number): number {
	for (let i = start; i < text.length; i++) {
		const char = text[i];
		if (char === '\t' || char === '\n' || char === '\r') return i;
	}
	return text.length;
}

/**
 * Rows of cells, as the sheet showed them. Rows end with LF, CRLF or CR; the one line break spreadsheets put
 * after the last row adds no row. Rows keep their own lengths (the caller decides how to square them).
 */
export function parseTsv(text: string): string[][] {
	const rows: string[][] = [];
	if (text === '') return rows;
	let row: string[] = [];
	let i = 0;
	for (;;) {
		const quoted = text[i] === '"' ? quotedCell(text, i) : null;
		const end = quoted ? quoted.end : plainEnd(text, i);
		row.push(quoted ? quoted.value : text.slice(i, end));
		i = end;
		if (i >= text.length) break;
		if (text[i] === '\t') {
			i++;
			continue;
		}
		i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
		rows.push(row);
		row = [];
		if (i >= text.length) return rows;
	}
	rows.push(row);
	return rows;
}

/** One cell as a spreadsheet writes it: quoted when it holds a tab or a line break, or starts with a quote. */
function tsvCell(value: string): string {
	return /[\t\r\n]/.test(value) || value.startsWith('"') ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows as tab-separated text that a spreadsheet (and parseTsv) reads back cell for cell. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(tsvCell).join('\t')).join('\n');
}

/** Pasted text as a file, so that it takes the same road as a chosen file: header check, review, commit. */
export function pastedFile(text: string): File {
	return new File([text], PASTED_FILE_NAME, { type: 'text/tab-separated-values' });
}

/**
 * Pasted rows under the template's header, the columns taken in order: every row is squared to the
 * template's width (a block of the first few columns is no ragged file), and cells beyond it are kept so
 * that the review says they were left out.
 */
export function withTemplateHeader(text: string, columns: readonly string[]): File {
	const rows = parseTsv(text).map((row) =>
		row.length >= columns.length ? row : [...row, ...Array<string>(columns.length - row.length).fill('')]
	);
	return pastedFile(formatTsv([columns, ...rows]));
}

/** Whether a first row reads as a header: at least one of its cells names a template column. */
export function looksLikeHeader(check: HeaderCheck): boolean {
	return check.columns.some((column) => column.target !== null);
}
