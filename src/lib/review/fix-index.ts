// The fix panel's running tally: per row, how many problems each fix clears there, kept up to date row by row
// as the review's change event names the rows an edit touched. An edit then costs the rows it touched, not a
// scan of every row; the cells a fix writes are gathered only when the admin applies it.
import { nextTask } from '$lib/components/idle';
import type { ReviewRow, RowsChanged } from './review-session.svelte';
import {
	fixSuggestionsInSlices,
	gatherRow,
	MAX_EXAMPLES,
	SUGGESTION_ORDER,
	suggestionLabel,
	type FindingSink,
	type FixableRow,
	type FixExample,
	type FixSuggestion,
	type FixSummary,
	type SuggestionId
} from './fix-suggestions';

const KINDS = SUGGESTION_ORDER.length;
const PAGE_BITS = 12;
const PAGE_ROWS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_ROWS - 1;
const KIND_INDEX = new Map(SUGGESTION_ORDER.map((id, k) => [id, k]));

/**
 * How many rows of a kind a search for examples reads at most, once an example's row has changed: a file whose
 * 100,000 lower-case codes are all `us` has one example to show, and reading every such row to learn it would
 * hold the page.
 */
const EXAMPLE_SEARCH_ROWS = 2000;

interface RowExample extends FixExample {
	rowNumber: number;
}

export class FixIndex {
	/**
	 * Per row and kind: the problems that kind's fix clears in the row, at `[rowNumber >> PAGE_BITS][(rowNumber &
	 * PAGE_MASK) * KINDS + kind]`. In pages, so that a growing file never copies the whole table.
	 */
	private readonly pages: Uint16Array[] = [];
	private readonly totals = new Array<number>(KINDS).fill(0);
	/** Per kind, a few distinct examples, each with the row it came from (gone when that row changes). */
	private readonly examples: RowExample[][] = SUGGESTION_ORDER.map(() => []);
	/** Kinds whose rows were searched for examples since one was lost, and gave no more. */
	private readonly searched = new Set<number>();
	/** Rows naming a group or technician the workspace lacks (`missingRecords` reads them). */
	private readonly naming = new Set<number>();

	private readonly sink: FindingSink = {
		add: (id, rowNumber) => {
			const k = KIND_INDEX.get(id)!;
			this.page(rowNumber)[(rowNumber & PAGE_MASK) * KINDS + k]++;
			this.totals[k]++;
		},
		wantsExample: (id, before) => {
			const examples = this.examples[KIND_INDEX.get(id)!];
			return examples.length < MAX_EXAMPLES && !examples.some((e) => e.before === before);
		},
		addExample: (id, rowNumber, example) => this.examples[KIND_INDEX.get(id)!].push({ ...example, rowNumber })
	};

	/** `rowOf` gives a row in the review by its number, or undefined when it is not (deleted, or left out). */
	constructor(private readonly rowOf: (rowNumber: number) => FixableRow | undefined) {}

	/** Takes the row as it is now: what it contributed before is taken back first. */
	set(row: FixableRow): void {
		this.remove(row.rowNumber);
		gatherRow(row, this.sink);
		if (row.issues.some((issue) => issue.code === 'group_unknown' || issue.code === 'technician_unknown')) {
			this.naming.add(row.rowNumber);
		}
	}

	/** Takes back all a row contributed (it was deleted, left out, or is about to be set again). */
	remove(rowNumber: number): void {
		const counts = this.pages[rowNumber >> PAGE_BITS];
		if (counts) {
			const base = (rowNumber & PAGE_MASK) * KINDS;
			for (let k = 0; k < KINDS; k++) {
				const count = counts[base + k];
				if (count === 0) continue;
				this.totals[k] -= count;
				counts[base + k] = 0;
				const examples = this.examples[k];
				const at = examples.findIndex((example) => example.rowNumber === rowNumber);
				if (at >= 0) {
					examples.splice(at, 1);
					this.searched.delete(k);
				}
			}
		}
		this.naming.delete(rowNumber);
	}

	/** Each fix with problems to clear, in the panel's order, with its count and a few examples. */
	summaries(): FixSummary[] {
		const summaries: FixSummary[] = [];
		for (let k = 0; k < KINDS; k++) {
			if (this.totals[k] === 0) continue;
			this.findExamples(k);
			const id = SUGGESTION_ORDER[k];
			summaries.push({
				id,
				label: suggestionLabel(id),
				count: this.totals[k],
				examples: this.examples[k].map(({ before, after }) => ({ before, after }))
			});
		}
		return summaries;
	}

	/** The rows naming a group or technician the workspace lacks, in row order. */
	rowsNamingUnknown(): FixableRow[] {
		return [...this.naming]
			.sort((a, b) => a - b)
			.flatMap((rowNumber) => {
				const row = this.rowOf(rowNumber);
				return row ? [row] : [];
			});
	}

	/**
	 * The suggestions with every cell they write, for these fixes (all when none is named), gathered from the
	 * rows that have them, a slice at a time. Undefined when cancelled.
	 */
	async suggestions(ids?: readonly SuggestionId[], isCancelled = () => false): Promise<FixSuggestion[] | undefined> {
		const kinds = (ids ?? SUGGESTION_ORDER).map((id) => KIND_INDEX.get(id)!);
		const rows: FixableRow[] = [];
		this.eachRowWith(kinds, (row) => void rows.push(row));
		const found = await fixSuggestionsInSlices(rows, isCancelled);
		return found?.filter((suggestion) => ids === undefined || ids.includes(suggestion.id));
	}

	/** Visits the rows in the review that have a problem of one of `kinds`, in row order, until `visit` says stop. */
	private eachRowWith(kinds: readonly number[], visit: (row: FixableRow) => boolean | void) {
		for (let p = 0; p < this.pages.length; p++) {
			const counts = this.pages[p];
			if (!counts) continue;
			for (let r = 0; r < PAGE_ROWS; r++) {
				const base = r * KINDS;
				if (!kinds.some((k) => counts[base + k] > 0)) continue;
				const row = this.rowOf((p << PAGE_BITS) + r);
				if (row && visit(row) === false) return;
			}
		}
	}

	/** Tops up a kind's examples after one was lost with its row, reading a bounded number of its rows. */
	private findExamples(k: number) {
		const examples = this.examples[k];
		if (examples.length >= Math.min(MAX_EXAMPLES, this.totals[k]) || this.searched.has(k)) return;
		this.searched.add(k);
		const id = SUGGESTION_ORDER[k];
		const onlyExamples: FindingSink = {
			add: () => {},
			wantsExample: (found, before) => found === id && this.sink.wantsExample(found, before),
			addExample: (found, rowNumber, example) => this.sink.addExample(found, rowNumber, example)
		};
		let read = 0;
		this.eachRowWith([k], (row) => {
			gatherRow(row, onlyExamples);
			return examples.length < MAX_EXAMPLES && ++read < EXAMPLE_SEARCH_ROWS;
		});
	}

	private page(rowNumber: number): Uint16Array {
		const p = rowNumber >> PAGE_BITS;
		return (this.pages[p] ??= new Uint16Array(PAGE_ROWS * KINDS));
	}
}

/** What `followReview` needs of a review. */
export interface FollowedReview {
	readonly rows: readonly ReviewRow[];
	row(rowNumber: number): ReviewRow | undefined;
	onRowsChanged(listener: (change: RowsChanged) => void): () => void;
}

/** How long the tally runs before the page gets a turn. */
const TALLY_SLICE_MS = 10;

/**
 * Keeps a tally of a review's fixes: every row once, in slices, then the rows each change names (its change
 * event, as the grid and the draft hear it), so that an edit costs the rows it touched. `onTallied` is told each
 * time the tally has caught up. `tallied()` resolves once it has taken every change so far.
 */
export function followReview(review: FollowedReview, onTallied: (index: FixIndex) => void) {
	const index = new FixIndex((rowNumber) => {
		const row = review.row(rowNumber);
		return row?.inReview ? row : undefined;
	});
	let stopped = false;
	// The rows there now and those added since (a file still read), taken in order (a copy: a delete meanwhile
	// moves no row past its turn)…
	const inOrder = [...review.rows];
	let next = 0;
	// …and the rows each edit names since, by number: a row edited twice before its turn is taken once.
	const pending = new Set<number>();
	let draining: Promise<void> | null = null;
	let tallied: Promise<void> = Promise.resolve();

	const drain = async () => {
		while (!stopped && (pending.size > 0 || next < inOrder.length)) {
			// A few milliseconds' worth of rows per task, the clock read every 256 rows.
			const until = performance.now() + TALLY_SLICE_MS;
			let taken = 0;
			let inTime = true;
			const more = () => (inTime &&= ++taken % 256 !== 0 || performance.now() < until);
			for (const rowNumber of pending) {
				pending.delete(rowNumber);
				const row = review.row(rowNumber);
				if (row?.inReview) index.set(row);
				else index.remove(rowNumber);
				if (!more()) break;
			}
			while (next < inOrder.length && more()) {
				const row = inOrder[next++];
				if (row.inReview) index.set(row);
			}
			if (pending.size > 0 || next < inOrder.length) await nextTask();
		}
		draining = null;
		if (!stopped) onTallied(index);
	};
	const drainSoon = () => {
		// After the change's own task: the grid and the counts come first.
		draining ??= nextTask().then(drain);
		tallied = draining;
	};
	drainSoon();
	const stopListening = review.onRowsChanged(({ updated, added, removed }) => {
		for (const row of removed) pending.add(row.rowNumber);
		for (const row of updated) pending.add(row.rowNumber);
		// A file's rows come in by the thousand as it is read: queued as they are, not by number.
		for (const row of added) inOrder.push(row);
		drainSoon();
	});
	return {
		index,
		tallied: () => tallied,
		stop() {
			stopped = true;
			stopListening();
		}
	};
}
