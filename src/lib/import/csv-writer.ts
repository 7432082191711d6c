// Writes CSV the way spreadsheets read it, and never as something they would execute: a cell starting
// with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` (formula injection).

const FORMULA_START = /^[=+\-@\t\r]/;

/** A value that starts with one or more `'` and then a formula character: what the guard writes. */
function looksProtected(value: string): boolean {
	let i = 0;
	while (value.charCodeAt(i) === 39) i++;
	return i > 0 && FORMULA_START.test(value.slice(i));
}

export function protectFormula(value: string): string {
	// A value that already looks guarded gets one more quote, so that the importer gives it back as it was.
	return FORMULA_START.test(value) || looksProtected(value) ? `'${value}` : value;
}

/** Undoes `protectFormula` on import, so a file this app wrote (skipped rows, an export) reads back as it was. */
export function unprotectFormula(value: string): string {
	return looksProtected(value) ? value.slice(1) : value;
}

function quote(value: string): string {
	return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV text (CRLF line ends, as RFC 4180 and Excel write them), every cell protected and quoted as needed. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map((cell) => quote(protectFormula(cell))).join(',')).join('\r\n') + '\r\n';
}
