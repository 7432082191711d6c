// The review grid's rows as the admin sees them: the review's rows, or those that had a problem when the filter
// was applied, sorted by row number either way. The grid's datasource reads blocks of it by index, so that the
// grid holds row nodes only for the blocks it draws, not one per row of a million.
import { nextTask } from '$lib/components/idle';
import type { Severity } from '$lib/domain/issues';
import type { ShownRows } from './find-problem';

export interface ViewRow {
	rowNumber: number;
	issues: readonly { column: number; severity: Severity }[];
	/** What the row does to an existing client it names (undefined: a new client). */
	change?: { kind: string };
}

/**
 * Which rows are shown: a column's rows with an error in it, else (onlyProblems) rows with any problem, else
 * all; `onlyChanges` keeps, of those, the rows that change something (a new client, or an update).
 */
export function rowFilter(
	onlyProblems: boolean,
	problemColumn: number | null,
	onlyChanges = false
): ((row: ViewRow) => boolean) | null {
	const problems =
		problemColumn !== null
			? (row: ViewRow) =>
					row.issues.length > 0 && row.issues.some((i) => i.column === problemColumn && i.severity === 'error')
			: onlyProblems
				? (row: ViewRow) => row.issues.length > 0
				: null;
	if (!onlyChanges) return problems;
	const changes = (row: ViewRow) => row.change === undefined || row.change.kind === 'update';
	return problems ? (row) => problems(row) && changes(row) : changes;
}

interface Change<Row> {
	added: readonly Row[];
	removed: readonly Row[];
}

/** How long a slice of a filter's work may take, and how many rows it checks between looks at the clock. */
const SLICE_MS = 12;
const CHECK_EVERY = 4096;

/** Rows changed by this many or fewer are spliced in or out; more, and the kept rows are rebuilt in one pass. */
const SPLICE_AT_MOST = 64;

/**
 * The shown rows over the review's own list of rows (kept in row-number order by the review, and read live).
 * A filter keeps the rows that pass it when it is applied: an edit does not take a fixed row out of view until
 * the filter is applied again, so nothing jumps under the admin's cursor; rows added and removed are taken in.
 */
export class GridView<Row extends ViewRow> implements ShownRows {
	private kept: Row[] | null = null;
	private filter: ((row: Row) => boolean) | null = null;
	private descending = false;
	/** Counts filters asked for, so that one replaced while it is applied stops. */
	private generation = 0;
	/** Rows added and removed while a filter is applied, taken into it once it is in. */
	private missed: Change<Row>[] | null = null;

	constructor(private readonly all: readonly Row[]) {}

	/** The shown rows in row-number order. */
	private get rows(): readonly Row[] {
		return this.kept ?? this.all;
	}

	get count(): number {
		return this.rows.length;
	}

	at(index: number): Row | undefined {
		const rows = this.rows;
		if (index < 0 || index >= rows.length) return undefined;
		return rows[this.descending ? rows.length - 1 - index : index];
	}

	/** The shown rows from `start` up to `end` (excluded), in the grid's order. */
	slice(start: number, end: number): Row[] {
		const rows = this.rows;
		const from = Math.max(0, start);
		const to = Math.min(rows.length, end);
		if (!this.descending) return rows.slice(from, to);
		const out: Row[] = [];
		for (let i = from; i < to; i++) out.push(rows[rows.length - 1 - i]);
		return out;
	}

	/** A shown row's index in the grid's order, or -1 when it is not shown. */
	indexOf(rowNumber: number): number {
		const rows = this.rows;
		const i = lowerBound(rows, rowNumber);
		if (rows[i]?.rowNumber !== rowNumber) return -1;
		return this.descending ? rows.length - 1 - i : i;
	}

	/** Where a row that is not shown would stand: the index of the first shown row after it in the grid's order. */
	placeOf(rowNumber: number): number {
		const below = lowerBound(this.rows, rowNumber);
		return this.descending ? this.rows.length - below : below;
	}

	/** Whether the rows are shown last first: rows added then go before those shown, not after. */
	get isDescending(): boolean {
		return this.descending;
	}

	/** Orders by row number, down when `descending`; returns whether the order changed. */
	sort(descending: boolean): boolean {
		const changed = descending !== this.descending;
		this.descending = descending;
		return changed;
	}

	/**
	 * Applies a filter (null: every row) to the rows as they are now, in slices of some milliseconds with a
	 * `pause` between them, so that a million rows never make one long task; until it is in, the rows shown
	 * are those of the filter before. Resolves to false when a newer filter replaced it first.
	 */
	async applyFilter(filter: ((row: Row) => boolean) | null, pause: () => Promise<void> = nextTask): Promise<boolean> {
		const generation = ++this.generation;
		this.missed = null;
		if (!filter) {
			this.filter = null;
			this.kept = null;
			return true;
		}
		// A copy: the review splices its own list as rows are deleted or restored meanwhile.
		const rows = this.all.slice();
		const kept: Row[] = [];
		const missed: Change<Row>[] = [];
		this.missed = missed;
		let i = 0;
		while (i < rows.length) {
			const until = performance.now() + SLICE_MS;
			do {
				const end = Math.min(rows.length, i + CHECK_EVERY);
				for (; i < end; i++) if (filter(rows[i])) kept.push(rows[i]);
			} while (i < rows.length && performance.now() < until);
			if (i < rows.length) {
				await pause();
				if (generation !== this.generation) return false;
			}
		}
		this.missed = null;
		this.filter = filter;
		this.kept = kept;
		for (const change of missed) this.rowsChanged(change.added, change.removed);
		return true;
	}

	/** Takes in rows the review added (those passing the filter) and drops those it removed. */
	rowsChanged(added: readonly Row[], removed: readonly Row[]): void {
		this.missed?.push({ added, removed });
		const { kept, filter } = this;
		if (!kept || !filter) return;
		if (removed.length > SPLICE_AT_MOST) {
			const gone = new Set(removed);
			this.kept = kept.filter((row) => !gone.has(row));
		} else {
			for (const row of removed) {
				const i = lowerBound(kept, row.rowNumber);
				if (kept[i] === row) kept.splice(i, 1);
			}
		}
		const fresh = added.filter(filter);
		if (fresh.length > SPLICE_AT_MOST) {
			this.kept = merge(
				this.kept!,
				fresh.sort((a, b) => a.rowNumber - b.rowNumber)
			);
		} else {
			for (const row of fresh) {
				const i = lowerBound(this.kept!, row.rowNumber);
				if (this.kept![i] !== row) this.kept!.splice(i, 0, row);
			}
		}
	}
}

/** The index of the first row numbered `rowNumber` or more (rows in row-number order). */
function lowerBound(rows: readonly ViewRow[], rowNumber: number): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (rows[middle].rowNumber < rowNumber) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Two lists in row-number order as one. */
function merge<Row extends ViewRow>(a: readonly Row[], b: readonly Row[]): Row[] {
	const out: Row[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i].rowNumber <= b[j].rowNumber)) out.push(a[i++]);
		else out.push(b[j++]);
	}
	return out;
}
