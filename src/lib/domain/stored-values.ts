// A row's values kept as one string, joined by a control character: a million rows of nineteen small strings
// each (and the array holding them) take three times the memory of the text they hold; one string per row
// takes little more than the text. A row whose values hold a separator themselves keeps an array.

/** Between the values of a row stored as one string. */
const VALUE_SEPARATOR = '\u001f';
/** Between the rows of a batch posted to the page as one string. */
const ROW_SEPARATOR = '\u001e';

/** A row's values: one string of them joined (almost always), or an array when a value holds a separator. */
export type StoredValues = string | readonly string[];

/** The values as one string, or null when a value holds a separator (the row then keeps an array). */
function joinValues(values: readonly string[]): string | null {
	const joined = values.join(VALUE_SEPARATOR);
	if (joined.includes(ROW_SEPARATOR)) return null;
	let separators = 0;
	for (let at = joined.indexOf(VALUE_SEPARATOR); at >= 0; at = joined.indexOf(VALUE_SEPARATOR, at + 1)) separators++;
	return separators === values.length - 1 ? joined : null;
}

/** A row's values as they are best kept. */
export function storeValues(values: readonly string[]): StoredValues {
	return joinValues(values) ?? values.slice();
}

/** One value of a stored row ('' beyond its last). */
export function valueAt(stored: StoredValues, column: number): string {
	if (typeof stored !== 'string') return stored[column] ?? '';
	// No column (a whole row's place, -1) has no value, as in an array.
	if (column < 0) return '';
	const [start, end] = valueRange(stored, column);
	return stored.slice(start, end);
}

/** Where one value of a row stored as a string starts and ends in it (an empty range beyond its last). */
export function valueRange(stored: string, column: number): [start: number, end: number] {
	let start = 0;
	for (let c = 0; c < column; c++) {
		const at = stored.indexOf(VALUE_SEPARATOR, start);
		if (at < 0) return [stored.length, stored.length];
		start = at + 1;
	}
	const end = stored.indexOf(VALUE_SEPARATOR, start);
	return [start, end < 0 ? stored.length : end];
}

/** Every value of a stored row, in a new array. */
export function valuesOf(stored: StoredValues): string[] {
	return typeof stored === 'string' ? stored.split(VALUE_SEPARATOR) : stored.slice();
}

/** Whether every value of a stored row is empty or blank. */
export function isBlankRow(stored: StoredValues): boolean {
	if (typeof stored !== 'string') return stored.every((value) => value.trim() === '');
	// A row with a value most often has it first: the walk stops there.
	for (const char of stored) if (char !== VALUE_SEPARATOR && char.trim() !== '') return false;
	return true;
}

/**
 * Rows packed for posting between threads: one string, each row's values joined, the rows joined in turn;
 * cloning one long string costs far less than cloning a hundred thousand small ones. The receiving side splits
 * it into one string a row at once. Rows whose values hold a separator go apart, as arrays.
 */
export interface PackedRows {
	text: string;
	/** [index, its values], for rows whose values hold a separator (their place in `text` is empty). */
	apart: [number, string[]][];
}

export function packRows(rows: readonly StoredValues[]): PackedRows {
	const apart: [number, string[]][] = [];
	const joined = rows.map((values, i) => {
		if (typeof values === 'string') return values;
		const row = joinValues(values);
		if (row === null) apart.push([i, values.slice()]);
		return row ?? '';
	});
	return { text: joined.join(ROW_SEPARATOR), apart };
}

/** The rows of `packRows`, `count` of them (the count tells no rows from one row of one empty value). */
export function unpackRows({ text, apart }: PackedRows, count: number): StoredValues[] {
	const rows: StoredValues[] = count === 0 ? [] : text.split(ROW_SEPARATOR);
	for (const [i, values] of apart) rows[i] = values;
	return rows;
}
