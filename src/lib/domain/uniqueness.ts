// Uniqueness within a file: client names and primary emails. Every row of a duplicate group is flagged and
// told the other rows. The index is built once and updated per edit, returning the rows whose marks change.
import type { IssueCode, RowIssue } from './issues';
import { COL } from './template';
import { clientNameKey, emailKey } from './workspace';
import { valueAt, type StoredValues } from './stored-values';

interface UniqueColumn {
	column: number;
	key: (value: string) => string;
	code: IssueCode;
	describe: (value: string, others: string) => string;
}

const UNIQUE_COLUMNS: readonly UniqueColumn[] = [
	{
		column: COL.ClientName,
		key: clientNameKey,
		code: 'name_duplicate_in_file',
		describe: (value, others) =>
			`Client name "${value}" is also in ${others}: each client needs its own name, so rename or remove all but one.`
	},
	{
		column: COL.PrimaryContactEmail,
		key: emailKey,
		code: 'email_duplicate_in_file',
		describe: (value, others) =>
			`Primary contact email ${value} is also in ${others}: each client needs its own, so change or remove all but one.`
	}
];

/** A file's ClientId (`extra-columns.ts`) names one client: two rows naming the same one would both update it. */
function clientIdColumn(column: number): UniqueColumn {
	return {
		column,
		key: (value) => value.trim(),
		code: 'client_id_duplicate_in_file',
		describe: (value, others) =>
			`ClientId ${value} is also in ${others}: a client is updated by one row, so keep the id in one of them (a row without a ClientId is matched by its name).`
	};
}

const MAX_LISTED_ROWS = 5;
/**
 * Past this many other rows, a message no longer counts them ("and more than 100 others"): a row joining a
 * large group then changes its own marks only, not those of every row in it. A file where thousands of rows
 * share one email (a placeholder) is read in linear time, not quadratic.
 */
const MAX_COUNTED_ROWS = 100;

/** The other rows of a group, `others` of them, the first few listed (`listed`, in row order). */
function describeRows(listed: readonly number[], others: number): string {
	const more =
		others > MAX_COUNTED_ROWS
			? ` and more than ${MAX_COUNTED_ROWS} others`
			: others > MAX_LISTED_ROWS
				? ` and ${others - MAX_LISTED_ROWS} more`
				: '';
	return `${others === 1 ? 'row' : 'rows'} ${listed.join(', ')}${more}`;
}

/** Where a row number goes in a group kept in row order. */
function insertionPoint(group: readonly number[], rowNumber: number): number {
	let low = 0;
	let high = group.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (group[middle] < rowNumber) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Row numbers having one key: a lone row is kept as its number, a group as an array in row order, since a file
 * of a million rows has a million keys and only a few groups.
 */
type RowsOfKey = number | number[];

export class UniquenessIndex {
	private readonly uniqueColumns: readonly UniqueColumn[];
	/** The columns whose values must be unique within the file: an edit of no other column leaves the index as it is. */
	readonly columns: readonly number[];
	/** Per unique column: key → the rows having it. */
	private readonly rowsByKey: Map<string, RowsOfKey>[];
	/** Per unique column: row number → its key (indexed by row number; row numbers are small and dense). */
	private readonly keyByRow: (string | undefined)[][];

	/** `clientId`: the row column of the file's ClientId, when it has one (-1 or absent: none). */
	constructor(clientId = -1) {
		this.uniqueColumns = clientId < 0 ? UNIQUE_COLUMNS : [...UNIQUE_COLUMNS, clientIdColumn(clientId)];
		this.columns = this.uniqueColumns.map((u) => u.column);
		this.rowsByKey = this.uniqueColumns.map(() => new Map<string, RowsOfKey>());
		this.keyByRow = this.uniqueColumns.map((): (string | undefined)[] => []);
	}

	/** Sets a row's values (new or edited); returns every row whose uniqueness marks may change. */
	set(rowNumber: number, values: StoredValues): Set<number> {
		const affected = new Set<number>([rowNumber]);
		this.setInto(rowNumber, values, affected);
		return affected;
	}

	/**
	 * As `set`, adding the other rows whose marks may change to `affected` (the row itself is the caller's to
	 * refresh): no allocation per row, for bulk loads.
	 */
	setInto(rowNumber: number, values: StoredValues, affected: Set<number>): void {
		this.removeInto(rowNumber, affected);
		for (let u = 0; u < this.uniqueColumns.length; u++) {
			const unique = this.uniqueColumns[u];
			const key = unique.key(valueAt(values, unique.column));
			if (key === '') continue;
			const byKey = this.rowsByKey[u];
			const rows = byKey.get(key);
			if (rows === undefined) byKey.set(key, rowNumber);
			else if (typeof rows === 'number') {
				byKey.set(key, rows < rowNumber ? [rows, rowNumber] : [rowNumber, rows]);
				affected.add(rows);
			} else {
				const at = insertionPoint(rows, rowNumber);
				rows.splice(at, 0, rowNumber);
				// Every row's message changes while it counts the others, or when the newcomer is one it lists.
				if (rows.length - 1 <= MAX_COUNTED_ROWS + 1 || at <= MAX_LISTED_ROWS) for (const row of rows) affected.add(row);
			}
			this.keyByRow[u][rowNumber] = key;
		}
	}

	/** Removes a row (deleted, or before it is set again); returns the rows whose marks may change. */
	remove(rowNumber: number): Set<number> {
		const affected = new Set<number>();
		this.removeInto(rowNumber, affected);
		return affected;
	}

	private removeInto(rowNumber: number, affected: Set<number>): void {
		for (let u = 0; u < this.uniqueColumns.length; u++) {
			const key = this.keyByRow[u][rowNumber];
			if (key === undefined) continue;
			this.keyByRow[u][rowNumber] = undefined;
			const byKey = this.rowsByKey[u];
			const rows = byKey.get(key)!;
			if (typeof rows === 'number') {
				byKey.delete(key);
				continue;
			}
			const left = rows.filter((row) => row !== rowNumber);
			byKey.set(key, left.length === 1 ? left[0] : left);
			for (const row of left) affected.add(row);
		}
	}

	/** The duplicate issues of one row, given its values. */
	issuesFor(rowNumber: number, values: StoredValues): readonly RowIssue[] {
		let issues: RowIssue[] | undefined;
		for (let u = 0; u < this.uniqueColumns.length; u++) {
			const unique = this.uniqueColumns[u];
			const key = this.keyByRow[u][rowNumber];
			const rows = key === undefined ? undefined : this.rowsByKey[u].get(key);
			if (rows === undefined || typeof rows === 'number') continue;
			const listed: number[] = [];
			for (let i = 0; i < rows.length && listed.length < MAX_LISTED_ROWS; i++) {
				if (rows[i] !== rowNumber) listed.push(rows[i]);
			}
			const value = valueAt(values, unique.column).trim();
			(issues ??= []).push({
				column: unique.column,
				severity: 'error',
				code: unique.code,
				message: unique.describe(value, describeRows(listed, rows.length - 1))
			});
		}
		return issues ?? NONE;
	}
}

/** What a row without duplicates gets: one shared empty list, not one a row. */
const NONE: readonly RowIssue[] = Object.freeze([]);
