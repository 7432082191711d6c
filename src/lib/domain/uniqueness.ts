// Uniqueness within a file: client names and primary emails. Every row of a duplicate group is flagged and
// told the other rows. The index is built once and updated per edit, returning the rows whose marks change.
import type { IssueCode, RowIssue } from './issues';
import { COL } from './template';
import { clientNameKey, emailKey } from './workspace';
import { valueAt, type StoredValues } from './stored-values';
import { HashSlots } from './hash-slots';

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
 * A key as a small whole number, never 0 (FNV-1a, 30 bits, a V8 small integer): a million rows' keys held as
 * strings would take more memory than the rows' own values; as numbers in typed arrays, a tenth of it.
 */
export function hashKey(key: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return hash & 0x3fffffff || 1;
}

/**
 * The rows having one key, in row order. A hash maps to a lone row (nearly every key of a file) or, once a second
 * row shares it, to each of its keys with their rows: only then is a key kept as text, the lone row's worked out
 * again from its values.
 */
interface KeyRows {
	key: string;
	rows: number[];
}

export class UniquenessIndex {
	private readonly uniqueColumns: readonly UniqueColumn[];
	/** The columns whose values must be unique within the file: an edit of no other column leaves the index as it is. */
	readonly columns: readonly number[];
	/** Per unique column: key's hash → the rows having a key of that hash. */
	private readonly rowsByHash: HashSlots<KeyRows[]>[];
	/**
	 * Each row's values as indexed, by row number (row numbers are small and dense): the same strings the review
	 * keeps, so a reference a row. A key's text is worked out from them again where two rows share its hash.
	 */
	private readonly valuesByRow: (StoredValues | undefined)[] = [];
	/** Per unique column: each row's key hash, by row number (0: no key), so a lone row's key is never worked out again. */
	private readonly hashByRow: number[][];

	/** `clientId`: the row column of the file's ClientId, when it has one (-1 or absent: none). */
	constructor(clientId = -1) {
		this.uniqueColumns = clientId < 0 ? UNIQUE_COLUMNS : [...UNIQUE_COLUMNS, clientIdColumn(clientId)];
		this.columns = this.uniqueColumns.map((u) => u.column);
		this.rowsByHash = this.uniqueColumns.map(() => new HashSlots<KeyRows[]>());
		this.hashByRow = this.uniqueColumns.map((): number[] => []);
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
		this.valuesByRow[rowNumber] = values;
		for (let u = 0; u < this.uniqueColumns.length; u++) {
			const key = this.keyIn(u, values);
			const hash = key === '' ? 0 : hashKey(key);
			this.hashByRow[u][rowNumber] = hash;
			if (hash === 0) continue;
			const byHash = this.rowsByHash[u];
			const bucket = byHash.addIfNew(hash, rowNumber);
			if (bucket === undefined) continue;
			let keys: KeyRows[];
			if (typeof bucket === 'number') {
				keys = [{ key: this.keyIn(u, this.valuesByRow[bucket]!), rows: [bucket] }];
				byHash.set(hash, keys);
			} else keys = bucket;
			const same = keys.find((k) => k.key === key);
			if (same === undefined) {
				keys.push({ key, rows: [rowNumber] });
				continue;
			}
			const rows = same.rows;
			const at = insertionPoint(rows, rowNumber);
			rows.splice(at, 0, rowNumber);
			if (rows.length === 2) affected.add(rows[1 - at]);
			// Every row's message changes while it counts the others, or when the newcomer is one it lists.
			else if (rows.length - 1 <= MAX_COUNTED_ROWS + 1 || at <= MAX_LISTED_ROWS) for (const row of rows) affected.add(row);
		}
	}

	/** Removes a row (deleted, or before it is set again); returns the rows whose marks may change. */
	remove(rowNumber: number): Set<number> {
		const affected = new Set<number>();
		this.removeInto(rowNumber, affected);
		return affected;
	}

	private removeInto(rowNumber: number, affected: Set<number>): void {
		const values = this.valuesByRow[rowNumber];
		if (values === undefined) return;
		this.valuesByRow[rowNumber] = undefined;
		for (let u = 0; u < this.uniqueColumns.length; u++) {
			const hash = this.hashByRow[u][rowNumber];
			if (!hash) continue;
			this.hashByRow[u][rowNumber] = 0;
			const byHash = this.rowsByHash[u];
			const keys = byHash.get(hash);
			if (keys === undefined) continue;
			if (typeof keys === 'number') {
				byHash.delete(hash);
				continue;
			}
			const key = this.keyIn(u, values);
			const at = keys.findIndex((k) => k.key === key);
			const left = keys[at].rows.filter((row) => row !== rowNumber);
			if (left.length === 0) keys.splice(at, 1);
			else keys[at].rows = left;
			for (const row of left) affected.add(row);
			if (keys.length === 1 && keys[0].rows.length === 1) byHash.set(hash, keys[0].rows[0]);
		}
	}

	/** A unique column's key in a row's values ('' for none). */
	private keyIn(u: number, values: StoredValues): string {
		const unique = this.uniqueColumns[u];
		return unique.key(valueAt(values, unique.column));
	}

	/** The rows sharing a row's key in a unique column (itself included), when it has one. */
	private rowsSharing(u: number, rowNumber: number): readonly number[] | undefined {
		const hash = this.hashByRow[u][rowNumber];
		if (!hash) return undefined;
		const keys = this.rowsByHash[u].get(hash);
		if (keys === undefined || typeof keys === 'number') return undefined;
		const key = this.keyIn(u, this.valuesByRow[rowNumber]!);
		return keys.find((k) => k.key === key)?.rows;
	}

	/** The duplicate issues of one row, given its values. */
	issuesFor(rowNumber: number, values: StoredValues): readonly RowIssue[] {
		let issues: RowIssue[] | undefined;
		for (let u = 0; u < this.uniqueColumns.length; u++) {
			const rows = this.rowsSharing(u, rowNumber);
			if (rows === undefined || rows.length < 2) continue;
			const unique = this.uniqueColumns[u];
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
