// Writes CSV the way spreadsheets read it, and never as something they would execute: a cell starting
// with `=`, `+`, `-` or `@` (also after leading spaces or line breaks, which spreadsheets skip), tab or
// carriage return is prefixed with `'` (formula injection). The importer takes that `'` off again.

/** `=`, `+`, `-` or `@` after any leading whitespace, or a leading tab or carriage return. */
const FORMULA_START = /^(\s*[=+\-@]|[\t\r])/;

/**
 * Whether the guard prefixes the value: when a spreadsheet could take it for a formula, and when it already
 * begins with `'`, so that a `'` the importer sees first before a value that needs guarding is always the
 * guard's. That makes `unprotectFormula` the exact inverse of `protectFormula`, for every value.
 */
function needsGuard(value: string): boolean {
	return value.charCodeAt(0) === 39 || FORMULA_START.test(value);
}

export function protectFormula(value: string): string {
	return needsGuard(value) ? `'${value}` : value;
}

/**
 * Undoes `protectFormula` on import, so a file this app wrote (skipped rows, an export) reads back byte for
 * byte. Takes one `'` off only where the guard would have put it: a `'` before a value that needs guarding.
 * A `'` the admin wrote before ordinary text (`'s-Hertogenbosch`) stays.
 */
export function unprotectFormula(value: string): string {
	return value.charCodeAt(0) === 39 && needsGuard(value.slice(1)) ? value.slice(1) : value;
}

function quote(value: string): string {
	return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV text (CRLF line ends, as RFC 4180 and Excel write them), every cell protected and quoted as needed. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map((cell) => quote(protectFormula(cell))).join(',')).join('\r\n') + '\r\n';
}
