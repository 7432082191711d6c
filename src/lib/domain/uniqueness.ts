// Uniqueness within a file: client names and primary emails. Every row of a duplicate group is flagged and
// told the other rows. The index is built once and updated per edit, returning the rows whose marks change.
import type { IssueCode, RowIssue } from './issues';
import { COL } from './template';
import { clientNameKey, emailKey } from './workspace';

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

/** The columns whose values must be unique within a file: an edit of no other column leaves the index as it is. */
export const UNIQUE_COLUMN_INDEXES: readonly number[] = UNIQUE_COLUMNS.map((u) => u.column);

const MAX_LISTED_ROWS = 5;

function describeRows(rows: number[]): string {
	const listed = rows.slice(0, MAX_LISTED_ROWS).join(', ');
	const more = rows.length > MAX_LISTED_ROWS ? ` and ${rows.length - MAX_LISTED_ROWS} more` : '';
	return `${rows.length === 1 ? 'row' : 'rows'} ${listed}${more}`;
}

/**
 * Row numbers having one key: a lone row is kept as its number, a group as an array, since a file of a million
 * rows has a million keys and only a few groups.
 */
type RowsOfKey = number | number[];

export class UniquenessIndex {
	/** Per unique column: key → the rows having it. */
	private readonly rowsByKey = UNIQUE_COLUMNS.map(() => new Map<string, RowsOfKey>());
	/** Per unique column: row number → its key (indexed by row number; row numbers are small and dense). */
	private readonly keyByRow = UNIQUE_COLUMNS.map((): (string | undefined)[] => []);

	/** Sets a row's values (new or edited); returns every row whose uniqueness marks may change. */
	set(rowNumber: number, values: readonly string[]): Set<number> {
		const affected = new Set<number>();
		this.setInto(rowNumber, values, affected);
		return affected;
	}

	/** As `set`, adding the rows whose marks may change to `affected`: no allocation per row, for bulk loads. */
	setInto(rowNumber: number, values: readonly string[], affected: Set<number>): void {
		this.removeInto(rowNumber, affected);
		for (let u = 0; u < UNIQUE_COLUMNS.length; u++) {
			const unique = UNIQUE_COLUMNS[u];
			const key = unique.key(values[unique.column] ?? '');
			if (key === '') continue;
			const byKey = this.rowsByKey[u];
			const rows = byKey.get(key);
			if (rows === undefined) byKey.set(key, rowNumber);
			else {
				const group = typeof rows === 'number' ? [rows, rowNumber] : (rows.push(rowNumber), rows);
				if (group !== rows) byKey.set(key, group);
				for (const row of group) affected.add(row);
			}
			this.keyByRow[u][rowNumber] = key;
		}
		affected.add(rowNumber);
	}

	/** Removes a row (deleted, or before it is set again); returns the rows whose marks may change. */
	remove(rowNumber: number): Set<number> {
		const affected = new Set<number>();
		this.removeInto(rowNumber, affected);
		return affected;
	}

	private removeInto(rowNumber: number, affected: Set<number>): void {
		for (let u = 0; u < UNIQUE_COLUMNS.length; u++) {
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
	issuesFor(rowNumber: number, values: readonly string[]): RowIssue[] {
		const issues: RowIssue[] = [];
		for (let u = 0; u < UNIQUE_COLUMNS.length; u++) {
			const unique = UNIQUE_COLUMNS[u];
			const key = this.keyByRow[u][rowNumber];
			const rows = key === undefined ? undefined : this.rowsByKey[u].get(key);
			if (rows === undefined || typeof rows === 'number') continue;
			const others = rows.filter((row) => row !== rowNumber).sort((a, b) => a - b);
			const value = (values[unique.column] ?? '').trim();
			issues.push({
				column: unique.column,
				severity: 'error',
				code: unique.code,
				message: unique.describe(value, describeRows(others))
			});
		}
		return issues;
	}
}
