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

const MAX_LISTED_ROWS = 5;

function describeRows(rows: number[]): string {
	const listed = rows.slice(0, MAX_LISTED_ROWS).join(', ');
	const more = rows.length > MAX_LISTED_ROWS ? ` and ${rows.length - MAX_LISTED_ROWS} more` : '';
	return `${rows.length === 1 ? 'row' : 'rows'} ${listed}${more}`;
}

export class UniquenessIndex {
	/** Per unique column: key → row numbers having it. */
	private readonly rowsByKey = UNIQUE_COLUMNS.map(() => new Map<string, Set<number>>());
	/** Per unique column: row number → its key. */
	private readonly keyByRow = UNIQUE_COLUMNS.map(() => new Map<number, string>());

	/** Sets a row's values (new or edited); returns every row whose uniqueness marks may change. */
	set(rowNumber: number, values: readonly string[]): Set<number> {
		const affected = this.remove(rowNumber);
		UNIQUE_COLUMNS.forEach((unique, u) => {
			const key = unique.key(values[unique.column] ?? '');
			if (key === '') return;
			let rows = this.rowsByKey[u].get(key);
			if (!rows) this.rowsByKey[u].set(key, (rows = new Set()));
			rows.add(rowNumber);
			this.keyByRow[u].set(rowNumber, key);
			if (rows.size > 1) for (const row of rows) affected.add(row);
		});
		affected.add(rowNumber);
		return affected;
	}

	/** Removes a row (deleted, or before it is set again); returns the rows whose marks may change. */
	remove(rowNumber: number): Set<number> {
		const affected = new Set<number>();
		UNIQUE_COLUMNS.forEach((_, u) => {
			const key = this.keyByRow[u].get(rowNumber);
			if (key === undefined) return;
			this.keyByRow[u].delete(rowNumber);
			const rows = this.rowsByKey[u].get(key)!;
			rows.delete(rowNumber);
			if (rows.size === 0) this.rowsByKey[u].delete(key);
			for (const row of rows) affected.add(row);
		});
		return affected;
	}

	/** The duplicate issues of one row, given its values. */
	issuesFor(rowNumber: number, values: readonly string[]): RowIssue[] {
		const issues: RowIssue[] = [];
		UNIQUE_COLUMNS.forEach((unique, u) => {
			const key = this.keyByRow[u].get(rowNumber);
			const rows = key === undefined ? undefined : this.rowsByKey[u].get(key);
			if (!rows || rows.size < 2) return;
			const others = [...rows].filter((row) => row !== rowNumber).sort((a, b) => a - b);
			const value = (values[unique.column] ?? '').trim();
			issues.push({
				column: unique.column,
				severity: 'error',
				code: unique.code,
				message: unique.describe(value, describeRows(others))
			});
		});
		return issues;
	}
}
