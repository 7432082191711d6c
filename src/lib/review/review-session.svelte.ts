// The review in progress: the rows, their problems, the admin's edits with undo and redo, and the counts the
// page shows. Rows are plain class instances, not deep state (100,000 proxies would be slow); the counts are
// state, and whatever works on the rows (the grid, the draft, the fix panel) is told exactly which rows changed.
/* eslint-disable svelte/prefer-svelte-reactivity -- the row maps and sets are bookkeeping, deliberately not reactive */
import { nextTask } from '$lib/components/idle';
import { checkRow } from '$lib/domain/rules';
import { sortIssues } from '$lib/domain/issues';
import { UniquenessIndex } from '$lib/domain/uniqueness';
import { isFileRemark, remarkCells, WHOLE_ROW, type RowIssue } from '$lib/domain/issues';
import { existingClientOf, indexWorkspace, type WorkspaceIndex, type WorkspaceSnapshot } from '$lib/domain/workspace';
import type { CheckElsewhere } from './background-check';
import { carriedColumns, NO_SHAPING, type ColumnMapping, type ColumnShaping } from '../import/column-plan';
import type { ClientRecord } from '$lib/domain/client';
import { compareWithClient, type FieldChange, type UpdatePolicy } from '$lib/domain/client-diff';
import type { FileSettings, ReceivedRow } from '../import/protocol';
import { isBlankRow, storeValues, valueAt, valuesOf, type StoredValues } from '$lib/domain/stored-values';
import { messageOf, plural } from '$lib/wording';

/**
 * How often a file's counts reach the page while it is read: every batch (2,000 rows) re-rendered what shows
 * them, some 500 times for a million rows.
 */
const READ_COUNTS_EVERY_MS = 100;

/** The issues of a row without any: one shared array, not a million empty ones. */
const NO_ISSUES: RowIssue[] = Object.freeze([]) as unknown as RowIssue[];

/** A row of the review. Its values are kept as one string (see StoredValues): read them through `value`. */
export class ReviewRow {
	/** All its problems, duplicates included, in column order. */
	issues: RowIssue[] = NO_ISSUES;
	/** Whether the row is in the review, its issues counted: false once it is deleted (until an undo). */
	inReview = false;
	/** An empty row left out of the review: not judged, not counted, not imported (see isLeftOut). */
	leftOut = false;
	/** What the row does to an existing client it names; undefined for a new client. */
	change: RowChange | undefined = undefined;
	/** The values, and the comparison's generation, the change was worked out for: again only when one moves. */
	changeFor: StoredValues | undefined = undefined;
	changeGeneration = -1;
	private packed: StoredValues;

	constructor(
		readonly rowNumber: number,
		values: StoredValues,
		/** Problems of the row alone (its rules, and the file's remarks until the row is edited). */
		public ownIssues: RowIssue[]
	) {
		this.packed = typeof values === 'string' ? values : storeValues(values);
	}

	/** Its values as kept, for what reads a few of them by column without unpacking the rest. */
	get stored(): StoredValues {
		return this.packed;
	}

	set stored(stored: StoredValues) {
		this.packed = stored;
	}

	/** Its values, in a new array: a change goes through the setter, never into the array. */
	get values(): readonly string[] {
		return valuesOf(this.packed);
	}

	set values(values: readonly string[]) {
		this.packed = storeValues(values);
	}

	value(column: number): string {
		return valueAt(this.packed, column);
	}

	/** Whether every value is empty or blank. */
	get isEmpty(): boolean {
		return isBlankRow(this.packed);
	}
}

/**
 * A row's new issues after an edit to `next`, with the file's remarks on cells the edit left alone (a name left
 * unsplit stays marked until its first or last name is edited; a remark on the whole row goes with any edit).
 */
function withKeptRemarks(row: ReviewRow, next: StoredValues, checked: RowIssue[]): RowIssue[] {
	const kept = row.ownIssues.filter(
		(issue) =>
			isFileRemark(issue) &&
			issue.column !== WHOLE_ROW &&
			remarkCells(issue).every((column) => row.value(column) === valueAt(next, column))
	);
	return kept.length === 0 ? checked : [...kept, ...checked];
}

/**
 * A row naming an existing client: its update (the fields it changes), no change at all, or skipped (the import
 * adds new clients only, or the admin skipped this update).
 */
export interface RowChange {
	kind: 'update' | 'unchanged' | 'skipped';
	clientId: string;
	clientName: string;
	/** The fields the update changes (also listed for a skipped update, to show what is left as it is). */
	changes: readonly FieldChange[];
	/** The rules' verdict on the row merged into the client (what an update writes), in place of the row's own. */
	issues: RowIssue[];
}

/** What an import does with the rows that name existing clients. */
export interface UpdateChoices {
	/** Update them (the default), or add new clients only and leave them out. */
	mode: 'update' | 'add-only';
	/** An empty cell in a column the file carries: keep the client's value (the default), or clear it. */
	emptyCells: 'keep' | 'clear';
	/** Rows whose update the admin skipped. */
	skipped: number[];
}

export const DEFAULT_UPDATE_CHOICES: UpdateChoices = Object.freeze({ mode: 'update', emptyCells: 'keep', skipped: [] });

/** An edit of this many rows or more (a fix-all) is checked off the page's thread, when the session can. */
export const LARGE_EDIT_ROWS = 2_000;
/** Rows of a large edit taken into the review per task, once checked. */
/** How long one slice of the comparison with existing clients runs before the page gets a turn. */
const COMPARE_SLICE_MS = 12;
const LARGE_EDIT_SLICE = 2_000;

/** A large edit's check failed (none of its cells is in yet): the rows it would have changed, and why. */
type CheckFailed = (rows: number, error: unknown) => void;

export interface CellChange {
	rowNumber: number;
	column: number;
	value: string;
}

type HistoryEntry =
	| { kind: 'cells'; label: string; before: CellChange[]; after: CellChange[] }
	| { kind: 'remove'; label: string; rows: { index: number; row: ReviewRow }[] }
	| { kind: 'add'; label: string; row: ReviewRow; index: number }
	/** A paste: rows added at the end and cells changed, undone and redone together. */
	| {
			kind: 'paste';
			label: string;
			added: { index: number; row: ReviewRow }[];
			before: CellChange[];
			after: CellChange[];
	  };

export interface RowsChanged {
	updated: ReviewRow[];
	added: ReviewRow[];
	removed: ReviewRow[];
}

export interface ReviewSource {
	fileName: string;
	settings: FileSettings;
	header: string[];
	mapping: ColumnMapping;
	/** Joins and fixed values the mapping used (absent in drafts saved before there were any). */
	shaping?: ColumnShaping;
	/** A table the admin fills in by hand (no file): every empty row in it is left out. */
	byHand?: boolean;
	/** What the import does with rows naming existing clients (absent: DEFAULT_UPDATE_CHOICES). */
	updates?: UpdateChoices;
	/** The file's extra columns (Hours, Holidays, properties, ClientId), after the custom fields' in each row. */
	extraColumns?: string[];
}

export class ReviewSession {
	readonly rows: ReviewRow[] = [];
	/** The columns of every row: the template's, then the custom fields' (as they were when the review began). */
	readonly columns: readonly string[];
	/** Rows by row number (small, dense numbers: an array is far lighter than a map of a million). */
	private readonly byNumber: (ReviewRow | undefined)[] = [];
	private readonly uniqueness: UniquenessIndex;
	private workspace: WorkspaceIndex;
	private undoStack: HistoryEntry[] = [];
	private redoStack: HistoryEntry[] = [];
	private listeners = new Set<(change: RowsChanged) => void>();

	/** The counts the page shows: published once per change from the plain tallies below. */
	counts = $state.raw({ rows: 0, rowsWithErrors: 0, errors: 0, warnings: 0 });
	/** Rows naming existing clients, by what they do to them (the rest add new clients). */
	changeCounts = $state.raw({ update: 0, unchanged: 0, skipped: 0 });
	private changeTallies = { update: 0, unchanged: 0, skipped: 0 };
	/** The existing clients, by id, once read (null until then: every row counts as new meanwhile). */
	private existing: ReadonlyMap<string, ClientRecord> | null = null;
	/** Moves whenever what a row's change depends on besides its values moves: the clients, the choices, the workspace. */
	private changeGeneration = 0;
	/** Resolves once every row has been compared with the existing clients (the commit waits for it). */
	comparing: Promise<void> = Promise.resolve();
	private updatePolicy: UpdatePolicy;
	/** What the import does with rows naming existing clients: kept in the source, so the draft keeps it too. */
	updateChoices = $state.raw<UpdateChoices>(DEFAULT_UPDATE_CHOICES);
	private skippedRows = new Set<number>();
	errorsByColumn = $state.raw<readonly number[]>([]);
	// Tallied per row in plain fields: 100,000 writes to reactive state would cost more than the checks.
	private tallies = { rows: 0, rowsWithErrors: 0, errors: 0, warnings: 0 };
	private columnTallies: number[] = [];
	canUndo = $state(false);
	canRedo = $state(false);
	undoLabel = $state('');
	redoLabel = $state('');

	/** Set once another tab edits this review, or discarded it: every edit and undo is refused here. */
	readOnly = $state(false);

	/** A large edit under way: how many of its rows are in so far. */
	applying = $state.raw<{ done: number; total: number } | null>(null);
	/**
	 * What the page says when a large edit, undo or redo could not be checked (a helper would not start): none
	 * of its cells were taken in, and its step is back where it was in the history. Gone at the next step.
	 */
	checkFailure = $state<string | null>(null);
	/** Edits waiting for a large one to finish, in order. */
	private queue: Promise<void> | null = null;
	private snapshot: WorkspaceSnapshot;
	/** The number of the last row with a value (0 when none): empty rows after it are left out. */
	private lastFilled = 0;

	/** `checkElsewhere` checks the rows of a large edit off the page's thread (the check workers in the app). */
	/** Where the rows came from, and the choices made of them since (a copy: the review changes its choices). */
	readonly source: ReviewSource;

	constructor(
		source: ReviewSource,
		workspace: WorkspaceSnapshot,
		private readonly checkElsewhere?: CheckElsewhere
	) {
		this.source = { ...source };
		this.snapshot = this.checkedAgainst(workspace);
		this.workspace = indexWorkspace(this.snapshot);
		this.columns = this.workspace.columns;
		this.uniqueness = new UniquenessIndex(this.workspace.clientIdColumn);
		this.updatePolicy = {
			carried: carriedColumns(source.mapping, source.shaping ?? NO_SHAPING, this.columns),
			emptyCells: source.updates?.emptyCells ?? 'keep'
		};
		this.updateChoices = source.updates ?? DEFAULT_UPDATE_CHOICES;
		this.skippedRows = new Set(this.updateChoices.skipped);
		this.columnTallies = this.columns.map(() => 0);
		this.errorsByColumn = [...this.columnTallies];
	}

	/**
	 * The workspace as the rows are checked against it: an import adds new clients and updates existing ones (a
	 * row naming one is its update, not a duplicate), and the file's extra columns follow the custom fields'.
	 */
	private checkedAgainst(workspace: WorkspaceSnapshot): WorkspaceSnapshot {
		return { ...workspace, extraColumns: this.source.extraColumns ?? [], updateExisting: true };
	}

	/** The one change event, for work that scales with the rows (docs/architecture.md: "How state changes reach the page"). */
	onRowsChanged(listener: (change: RowsChanged) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	row(rowNumber: number): ReviewRow | undefined {
		return this.byNumber[rowNumber];
	}

	/** Adds rows as the worker sends them; rows already shown may gain duplicate marks. */
	addParsed(parsed: readonly ReceivedRow[], { countsSoon = false } = {}): void {
		const added: ReviewRow[] = [];
		const affected = new Set<number>();
		for (const { rowNumber, values, issues } of parsed) {
			const row = new ReviewRow(rowNumber, values, issues.length === 0 ? NO_ISSUES : issues);
			this.rows.push(row);
			this.byNumber[rowNumber] = row;
			added.push(row);
			this.uniqueness.setInto(rowNumber, values, affected);
		}
		const addedNumbers = new Set(added.map((r) => r.rowNumber));
		const updated = this.settleLastFilled(added, new Set(added));
		for (const row of added) this.refreshIssues(row);
		for (const n of affected) {
			if (addedNumbers.has(n)) continue;
			const row = this.byNumber[n];
			if (row && this.refreshIssues(row)) updated.push(row);
		}
		this.changed({ updated, added, removed: [] }, { countsSoon });
	}

	/** Edits cells (one or many, e.g. a fix-all) as one undoable step. */
	edit(changes: readonly CellChange[], label: string): void {
		if (this.readOnly) return;
		if (this.checkElsewhere !== undefined && changes.length >= LARGE_EDIT_ROWS) return this.editLarge(changes, label);
		const real = this.realChanges(changes);
		if (real.length === 0) return;
		this.record({ kind: 'cells', label, before: this.valuesBefore(real), after: real });
		this.applyCells(real);
	}

	/**
	 * Pastes a block as one undoable step: `changes` on rows of the review, and `newRows` (whole rows of
	 * values) added at the end, numbered after the last. Returns the rows added.
	 */
	paste(changes: readonly CellChange[], newRows: readonly (readonly string[])[], label: string): ReviewRow[] {
		if (this.readOnly) return [];
		const real = this.realChanges(changes);
		if (real.length === 0 && newRows.length === 0) return [];
		// The new rows go in empty and take their values as cells, so that a large paste is checked as any
		// large edit is (off the page's thread); the rules' verdict on an empty row is the same for each.
		const emptyIssues = this.emptyRowIssues();
		let rowNumber = this.nextRowNumber();
		const added = newRows.map((_, i) => ({
			index: this.rows.length + i,
			row: this.emptyRow(rowNumber++, emptyIssues)
		}));
		const filled = added.flatMap(({ row }, i) =>
			newRows[i].flatMap((value, column) => (value === '' ? [] : [{ rowNumber: row.rowNumber, column, value }]))
		);
		const after = [...real, ...filled];
		const entry: HistoryEntry = { kind: 'paste', label, added, before: this.valuesBefore(real), after };
		this.record(entry);
		if (added.length > 0) this.attach(added);
		this.applyCells(after, (rows, error) => {
			this.forget(entry);
			if (added.length > 0) this.detach(added.map((a) => a.row));
			this.tellCheckFailed(`“${label}”`, rows, error);
		});
		return added.map((a) => a.row);
	}

	removeRows(rowNumbers: readonly number[], label = 'Delete rows'): void {
		if (this.readOnly) return;
		const wanted = new Set(rowNumbers);
		const rows = this.rows.flatMap((row, index) => (wanted.has(row.rowNumber) ? [{ index, row }] : []));
		if (rows.length === 0) return;
		this.record({ kind: 'remove', label, rows });
		this.detach(rows.map((r) => r.row));
	}

	/** Adds an empty row at the end, numbered after the last; returns it. */
	addRow(): ReviewRow {
		const row = this.emptyRow(this.nextRowNumber(), this.emptyRowIssues());
		this.record({ kind: 'add', label: 'Add row', row, index: this.rows.length });
		this.attach([{ index: this.rows.length, row }]);
		return row;
	}

	/** The number a row added at the end gets: after the last (2 in an empty review, the header being 1). */
	private nextRowNumber(): number {
		return this.rows.reduce((max, row) => Math.max(max, row.rowNumber), 1) + 1;
	}

	/** The rules' verdict on an empty row (its required cells), shown once a value after it has it judged. */
	private emptyRowIssues(): RowIssue[] {
		return checkRow(
			this.columns.map(() => ''),
			this.workspace
		);
	}

	private emptyRow(rowNumber: number, ownIssues: RowIssue[]): ReviewRow {
		return new ReviewRow(
			rowNumber,
			this.columns.map(() => ''),
			ownIssues
		);
	}

	/**
	 * A large edit is recorded at once (Undo names it from the click on) and worked out in its turn, a slice per
	 * task: which changes change something, and the values they replace, are read once any large edit queued
	 * before it is in, so that its undo restores what it really replaced.
	 */
	private editLarge(changes: readonly CellChange[], label: string) {
		const entry: HistoryEntry = { kind: 'cells', label, before: [], after: [] };
		this.record(entry);
		this.enqueue(async () => {
			for (let start = 0; start < changes.length; start += LARGE_EDIT_SLICE) {
				if (start > 0) await nextTask();
				const real = this.realChanges(changes.slice(start, start + LARGE_EDIT_SLICE));
				entry.after.push(...real);
				entry.before.push(...this.valuesBefore(real));
			}
			if (entry.after.length === 0) return this.forget(entry);
			await this.applyLarge(entry.after, (rows, error) => {
				this.forget(entry);
				this.tellCheckFailed(`“${label}”`, rows, error);
			});
		}, changes.length);
	}

	/** Drops an edit that turned out to change nothing from the history, wherever it is by now. */
	private forget(entry: HistoryEntry) {
		this.undoStack = this.undoStack.filter((e) => e !== entry);
		this.redoStack = this.redoStack.filter((e) => e !== entry);
		this.syncHistory();
	}

	/** The changes that change something. */
	private realChanges(changes: readonly CellChange[]): CellChange[] {
		return changes.filter((c) => this.byNumber[c.rowNumber]?.value(c.column) !== c.value);
	}

	private valuesBefore(changes: readonly CellChange[]): CellChange[] {
		return changes.map((c) => ({ ...c, value: this.byNumber[c.rowNumber]!.value(c.column) }));
	}

	undo(): void {
		if (this.readOnly) return;
		const entry = this.undoStack.pop();
		if (!entry) return;
		this.redoStack.push(entry);
		this.checkFailure = null;
		const failed: CheckFailed = (rows, error) => {
			this.putBack(entry, 'undo');
			if (entry.kind === 'paste') this.attach(entry.added);
			this.tellCheckFailed(`The undo of “${entry.label}”`, rows, error);
		};
		if (entry.kind === 'cells') this.applyCells(() => entry.before, failed);
		else if (entry.kind === 'remove') this.attach(entry.rows);
		else if (entry.kind === 'add') this.detach([entry.row]);
		else {
			this.applyCells(entry.before, failed);
			this.detach(entry.added.map((a) => a.row));
		}
		this.syncHistory();
	}

	redo(): void {
		if (this.readOnly) return;
		const entry = this.redoStack.pop();
		if (!entry) return;
		this.undoStack.push(entry);
		this.checkFailure = null;
		const failed: CheckFailed = (rows, error) => {
			this.putBack(entry, 'redo');
			if (entry.kind === 'paste') this.detach(entry.added.map((a) => a.row));
			this.tellCheckFailed(`The redo of “${entry.label}”`, rows, error);
		};
		if (entry.kind === 'cells') this.applyCells(() => entry.after, failed);
		else if (entry.kind === 'remove') this.detach(entry.rows.map((r) => r.row));
		else if (entry.kind === 'add') this.attach([{ index: entry.index, row: entry.row }]);
		else {
			this.attach(entry.added);
			this.applyCells(entry.after, failed);
		}
		this.syncHistory();
	}

	/**
	 * An undo or redo whose large check failed changed no cell: its step goes back to the stack it came from, to
	 * be tried again (unless a new edit has dropped it meanwhile).
	 */
	private putBack(entry: HistoryEntry, to: 'undo' | 'redo') {
		const from = to === 'undo' ? this.redoStack : this.undoStack;
		const at = from.lastIndexOf(entry);
		if (at < 0) return;
		from.splice(at, 1);
		(to === 'undo' ? this.undoStack : this.redoStack).push(entry);
		this.syncHistory();
	}

	private tellCheckFailed(step: string, rows: number, error: unknown) {
		const reason = messageOf(error).replace(/\.$/, '');
		this.checkFailure = `${step} (${plural(rows, 'row')}) could not be checked, so nothing was changed: ${reason}. Try again.`;
	}

	/**
	 * Re-checks rows against a newer workspace (at commit time, or after a group the file names was created);
	 * `only` limits it to the rows the change can affect. Returns the rows whose marks changed.
	 */
	recheckAgainst(workspace: WorkspaceSnapshot, only?: (row: ReviewRow) => boolean): ReviewRow[] {
		this.snapshot = this.checkedAgainst(workspace);
		this.workspace = indexWorkspace(this.snapshot);
		this.changeGeneration++;
		const updated: ReviewRow[] = [];
		for (const row of this.rows) {
			if (only && !only(row)) continue;
			// The file's remarks on a row (ragged, broken quotes, a name left unsplit) stay until it is edited.
			const fromFile = row.ownIssues.filter(isFileRemark);
			row.ownIssues = [...fromFile, ...checkRow(row.values, this.workspace)];
			if (this.refreshIssues(row)) updated.push(row);
		}
		this.changed({ updated, added: [], removed: [] });
		// The rows not checked again here are compared with the clients again too: what they change may have moved.
		if (this.existing) void this.compareSoon();
		return updated;
	}

	/** The existing clients, read once the file is in: each row naming one shows what it would change. */
	attachExisting(clients: readonly ClientRecord[] | ReadonlyMap<string, ClientRecord>): Promise<void> {
		this.existing = 'get' in clients ? clients : new Map(clients.map((client) => [client.id, client]));
		return this.refreshChanges();
	}

	/** Marks that rows must be compared again, and compares them in slices; the commit waits for it. */
	private refreshChanges(): Promise<void> {
		this.changeGeneration++;
		return this.compareSoon();
	}

	private compareSoon(): Promise<void> {
		const comparing = this.comparing.then(() => this.compareRows());
		this.comparing = comparing;
		return comparing;
	}

	/** How an update treats the file: the columns it carries, and what an empty cell means. */
	get policy(): UpdatePolicy {
		return this.updatePolicy;
	}

	/** The existing client a row's update would change, as it was read. */
	existingClient(id: string): ClientRecord | undefined {
		return this.existing?.get(id);
	}

	/** Changes what the import does with rows naming existing clients; every such row shows it again. */
	setUpdateChoices(choices: Partial<UpdateChoices>): Promise<void> {
		if (this.readOnly) return Promise.resolve();
		const next = { ...this.updateChoices, ...choices };
		this.updateChoices = next;
		this.source.updates = next;
		this.skippedRows = new Set(next.skipped);
		this.updatePolicy = { ...this.updatePolicy, emptyCells: next.emptyCells };
		return this.refreshChanges();
	}

	/** Skips the updates of these rows, or takes them back in. */
	skipUpdates(rowNumbers: readonly number[], skip: boolean): Promise<void> {
		const skipped = new Set(this.updateChoices.skipped);
		for (const n of rowNumbers) {
			if (skip) skipped.add(n);
			else skipped.delete(n);
		}
		return this.setUpdateChoices({ skipped: [...skipped].sort((a, b) => a - b) });
	}

	/**
	 * Works out again what every row does to an existing client, a slice per task; tells the page which changed.
	 * The rows are taken as they are now (a delete meanwhile moves no one past its turn); a row out of the review
	 * is compared again when it comes back, its generation being old.
	 */
	private async compareRows() {
		const rows = [...this.rows];
		for (let next = 0; next < rows.length; ) {
			if (next > 0) await nextTask();
			const updated: ReviewRow[] = [];
			// A slice is as many rows as fit in a few milliseconds: a row naming a client is worked out in 10–60 µs,
			// one naming none in far less, and the rows of one file are of both kinds.
			const until = performance.now() + COMPARE_SLICE_MS;
			for (let taken = 0; next < rows.length && (taken % 64 !== 0 || performance.now() < until); taken++) {
				const row = rows[next++];
				if (!row.inReview || row.changeGeneration === this.changeGeneration) continue;
				// Most rows of a file of new clients name none: passed over without a diff or a refresh.
				if (!row.change && !existingClientOf((column) => row.value(column), this.workspace)) {
					row.changeFor = row.stored;
					row.changeGeneration = this.changeGeneration;
					continue;
				}
				if (this.refreshIssues(row)) updated.push(row);
			}
			if (updated.length > 0) this.changed({ updated, added: [], removed: [] });
		}
	}

	/** What a row does to the existing client it names (worked out again only when its values changed). */
	private changeOf(row: ReviewRow): RowChange | undefined {
		if (!this.existing) return undefined;
		if (row.changeFor === row.stored && row.changeGeneration === this.changeGeneration) return row.change;
		row.changeFor = row.stored;
		row.changeGeneration = this.changeGeneration;
		const id = existingClientOf((column) => row.value(column), this.workspace)?.id;
		const client = id === undefined ? undefined : this.existing.get(id);
		if (!client) return undefined;
		const values = row.values;
		const { changes, merged } = compareWithClient(values, client, this.updatePolicy, this.workspace);
		const skipped = this.updateChoices.mode === 'add-only' || this.skippedRows.has(row.rowNumber);
		const kind = skipped ? 'skipped' : changes.length === 0 ? 'unchanged' : 'update';
		// Judged as the update leaves the client: an empty cell whose value is kept is no missing value. A row left
		// out (add new only, or skipped) is not written, so nothing of it can block the import.
		// A row merged into the client the same as the file wrote it (most rows of a list that comes back) is judged
		// as the worker judged it, with this same client as its own: its issues are the row's own.
		const asFiled = merged.every((value, column) => value === (values[column] ?? ''));
		const issues =
			kind === 'skipped'
				? []
				: asFiled
					? row.ownIssues.filter((issue) => !isFileRemark(issue))
					: checkRow([...merged, ...values.slice(merged.length)], this.workspace, { selfClientId: client.id });
		return { kind, clientId: client.id, clientName: client.name, changes, issues };
	}

	get workspaceIndex(): WorkspaceIndex {
		return this.workspace;
	}

	/** The workspace the rows are checked against, as it was read (technicians, groups, clients). */
	get workspaceSnapshot(): WorkspaceSnapshot {
		return this.snapshot;
	}

	private record(entry: HistoryEntry) {
		this.undoStack.push(entry);
		this.redoStack = [];
		this.checkFailure = null;
		this.syncHistory();
	}

	private syncHistory() {
		this.canUndo = this.undoStack.length > 0;
		this.canRedo = this.redoStack.length > 0;
		this.undoLabel = this.undoStack.at(-1)?.label ?? '';
		this.redoLabel = this.redoStack.at(-1)?.label ?? '';
	}

	/** Resolves once every edit asked for so far is in (a large one takes a while). */
	settled(): Promise<void> {
		return this.queue ?? Promise.resolve();
	}

	/**
	 * Applies cell values, re-checking only the rows they touch and those sharing their old or new unique values.
	 * A large edit is checked in workers and taken in slices; edits asked for meanwhile wait their turn, and
	 * read their values (`changes` as a function: an undo's) when it comes.
	 */
	private applyCells(changes: readonly CellChange[] | (() => readonly CellChange[]), failed?: CheckFailed) {
		const now = typeof changes !== 'function' ? changes : this.queue ? undefined : changes();
		// Whether it is large is worked out once per list of changes: a Set of up to a million row numbers.
		const nowLarge = now !== undefined && this.isLarge(now);
		if (now && !this.queue && !nowLarge) {
			this.applyNow(now);
			return;
		}
		this.enqueue(
			() => {
				const inTurn = now ?? (changes as () => readonly CellChange[])();
				const large = now ? nowLarge : this.isLarge(inTurn);
				return large ? this.applyLarge(inTurn, failed) : this.applyNow(inTurn);
			},
			nowLarge ? now!.length : undefined
		);
	}

	private isLarge(changes: readonly CellChange[]): boolean {
		return this.checkElsewhere !== undefined && new Set(changes.map((c) => c.rowNumber)).size >= LARGE_EDIT_ROWS;
	}

	/**
	 * Runs a task after those queued before it. `largeRows`: the task is a large edit, and the page says so at
	 * once, before its rows are even checked.
	 */
	private enqueue(task: () => void | Promise<void>, largeRows?: number) {
		if (largeRows !== undefined && !this.applying) this.applying = { done: 0, total: largeRows };
		// A task that fails (a bug) is reported, and the ones queued after it still run: they are in the history.
		const queued = (this.queue ?? Promise.resolve())
			.then(task)
			.catch((error: unknown) => globalThis.reportError?.(error));
		this.queue = queued;
		void queued.finally(() => {
			if (this.queue !== queued) return;
			this.queue = null;
			this.applying = null;
		});
	}

	/** `failed`: what to do when the check fails, none of the cells being in yet (without it, the failure is thrown). */
	private async applyLarge(changes: readonly CellChange[], failed?: CheckFailed) {
		const edited = new Map<ReviewRow, string[]>();
		for (let i = 0; i < changes.length; i++) {
			if (i > 0 && i % LARGE_EDIT_SLICE === 0) await nextTask();
			const { rowNumber, column, value } = changes[i];
			const row = this.byNumber[rowNumber];
			if (!row) continue;
			const values = edited.get(row) ?? row.values.slice();
			values[column] = value;
			edited.set(row, values);
		}
		// Each row's values are stored once (in slices: a hundred thousand rows take a while), and sent to be
		// checked as they are stored.
		const entries: [ReviewRow, StoredValues][] = [];
		for (const [row, values] of edited) {
			if (entries.length > 0 && entries.length % LARGE_EDIT_SLICE === 0) await nextTask();
			entries.push([row, storeValues(values)]);
		}
		this.applying = { done: 0, total: entries.length };
		let issues: RowIssue[][];
		try {
			issues = await this.checkElsewhere!(
				entries.map(([, stored]) => stored),
				this.snapshot
			);
		} catch (error) {
			if (!failed) throw error;
			return failed(entries.length, error);
		}
		for (let start = 0; start < entries.length; start += LARGE_EDIT_SLICE) {
			if (start > 0) await nextTask();
			const touched = new Set<ReviewRow>();
			const affected = new Set<number>();
			entries.slice(start, start + LARGE_EDIT_SLICE).forEach(([row, stored], i) => {
				// A row deleted while its edit was being checked stays out of the review.
				if (this.byNumber[row.rowNumber] !== row) return;
				// Most large edits (a country or zone fix-all) leave names and emails alone, and so the index.
				const uniqueChanged = this.uniqueness.columns.some((c) => row.value(c) !== valueAt(stored, c));
				row.ownIssues = withKeptRemarks(row, stored, issues[start + i]);
				row.stored = stored;
				touched.add(row);
				if (uniqueChanged) this.uniqueness.setInto(row.rowNumber, stored, affected);
			});
			this.refreshTouched(touched, affected);
			this.applying = { done: Math.min(entries.length, start + LARGE_EDIT_SLICE), total: entries.length };
		}
	}

	private applyNow(changes: readonly CellChange[]) {
		const edited = new Map<ReviewRow, string[]>();
		for (const change of changes) {
			const row = this.byNumber[change.rowNumber];
			if (!row) continue;
			const values = edited.get(row) ?? row.values.slice();
			values[change.column] = change.value;
			edited.set(row, values);
		}
		const affected = new Set<number>();
		for (const [row, values] of edited) {
			row.ownIssues = withKeptRemarks(row, values, checkRow(values, this.workspace));
			row.values = values;
			for (const n of this.uniqueness.set(row.rowNumber, row.stored)) affected.add(n);
		}
		this.refreshTouched(new Set(edited.keys()), affected);
	}

	/** Marks edited rows and those whose duplicate groups they joined or left, and tells the page. */
	private refreshTouched(touched: Set<ReviewRow>, affected: Set<number>) {
		const updated = new Set<ReviewRow>(touched);
		for (const row of this.settleLastFilled(touched, touched)) updated.add(row);
		for (const n of affected) {
			const row = this.byNumber[n];
			if (row) updated.add(row);
		}
		for (const row of updated) this.refreshIssues(row);
		this.changed({ updated: [...updated], added: [], removed: [] });
	}

	private attach(entries: readonly { index: number; row: ReviewRow }[]) {
		const affected = new Set<number>();
		for (const { index, row } of [...entries].sort((a, b) => a.index - b.index)) {
			this.rows.splice(Math.min(index, this.rows.length), 0, row);
			this.byNumber[row.rowNumber] = row;
			this.uniqueness.setInto(row.rowNumber, row.stored, affected);
		}
		const added = entries.map((e) => e.row);
		const flipped = this.settleLastFilled(added, new Set(added));
		for (const row of added) this.refreshIssues(row);
		const updated = [...flipped, ...this.refreshNumbers(affected, new Set([...added, ...flipped]))];
		this.changed({ updated, added, removed: [] });
	}

	private detach(rows: readonly ReviewRow[]) {
		const affected = new Set<number>();
		const gone = new Set(rows);
		for (const row of rows) {
			for (const n of this.uniqueness.remove(row.rowNumber)) affected.add(n);
			this.byNumber[row.rowNumber] = undefined;
			this.tally(row, -1);
		}
		for (let i = this.rows.length - 1; i >= 0; i--) if (gone.has(this.rows[i])) this.rows.splice(i, 1);
		const flipped = this.settleLastFilled([], gone);
		const updated = [...flipped, ...this.refreshNumbers(affected, new Set([...gone, ...flipped]))];
		this.changed({ updated, added: [], removed: [...rows] });
	}

	private refreshNumbers(numbers: Set<number>, skip: Set<ReviewRow>): ReviewRow[] {
		const updated: ReviewRow[] = [];
		for (const n of numbers) {
			const row = this.byNumber[n];
			if (row && !skip.has(row) && this.refreshIssues(row)) updated.push(row);
		}
		return updated;
	}

	/**
	 * Whether a row is left out of the review: a row whose every cell is empty, when it is at the end (no
	 * row after it has a value: the rows a by-hand table starts with, Add row's, a sheet's trailing empty
	 * rows) or anywhere in a table filled in by hand. Among a file's clients an empty row stays marked: there
	 * it is more likely a client whose values were lost than a placeholder.
	 */
	private isLeftOut(row: ReviewRow): boolean {
		return (this.source.byHand === true || row.rowNumber > this.lastFilled) && row.isEmpty;
	}

	/**
	 * Moves `lastFilled` after rows gained values (`changed`) or lost them or left; returns the empty rows
	 * (other than `skip`) now on the other side of it, their marks refreshed. Rows are in row-number order, so
	 * finding the new last one walks back over the empty rows at the end only.
	 */
	private settleLastFilled(changed: Iterable<ReviewRow>, skip: Set<ReviewRow>): ReviewRow[] {
		if (this.source.byHand) return [];
		const before = this.lastFilled;
		const last = this.byNumber[before];
		if (before > 0 && (!last || last.isEmpty)) {
			let i = this.rows.length - 1;
			while (i >= 0 && this.rows[i].isEmpty) i--;
			this.lastFilled = i >= 0 ? this.rows[i].rowNumber : 0;
		}
		for (const row of changed) {
			if (row.rowNumber > this.lastFilled && this.byNumber[row.rowNumber] === row && !row.isEmpty)
				this.lastFilled = row.rowNumber;
		}
		const flipped: ReviewRow[] = [];
		const [from, to] = before < this.lastFilled ? [before, this.lastFilled] : [this.lastFilled, before];
		for (let n = from + 1; n <= to; n++) {
			const row = this.byNumber[n];
			if (row && !skip.has(row) && row.inReview && row.isEmpty && this.refreshIssues(row)) flipped.push(row);
		}
		return flipped;
	}

	/** Recomputes a row's issues and the counts; returns whether its marks or its being left out changed. */
	private refreshIssues(row: ReviewRow): boolean {
		const leftOut = this.isLeftOut(row);
		const duplicates = leftOut ? NO_ISSUES : this.uniqueness.issuesFor(row.rowNumber, row.stored);
		const change = this.changeOf(row);
		// A row naming an existing client is judged as the update leaves it (its file remarks kept).
		const own = change ? [...row.ownIssues.filter(isFileRemark), ...change.issues] : row.ownIssues;
		const next =
			leftOut || (duplicates.length === 0 && own.length === 0) ? NO_ISSUES : sortIssues([...own, ...duplicates]);
		const same =
			leftOut === row.leftOut &&
			change === row.change &&
			next.length === row.issues.length &&
			next.every((issue, i) => issue.code === row.issues[i].code && issue.message === row.issues[i].message);
		if (same && row.inReview) return false;
		this.tally(row, -1);
		row.issues = next;
		row.leftOut = leftOut;
		row.change = change;
		this.tally(row, +1);
		return !same;
	}

	private tally(row: ReviewRow, sign: 1 | -1) {
		if (row.inReview === (sign === 1)) return;
		row.inReview = sign === 1;
		if (!row.leftOut) this.tallies.rows += sign;
		if (!row.leftOut && row.change) this.changeTallies[row.change.kind] += sign;
		let errors = 0;
		for (const issue of row.issues) {
			if (issue.severity !== 'error') continue;
			errors++;
			if (issue.column >= 0) this.columnTallies[issue.column] += sign;
		}
		this.tallies.errors += sign * errors;
		this.tallies.warnings += sign * (row.issues.length - errors);
		if (errors > 0) this.tallies.rowsWithErrors += sign;
	}

	private countsTimer: ReturnType<typeof setTimeout> | undefined;

	/** Tells the listeners what changed; the counts reach the page at once, or soon (a file's batch as it is read). */
	private changed(change: RowsChanged, { countsSoon = false } = {}) {
		if (!countsSoon) this.publishCounts();
		else this.countsTimer ??= setTimeout(() => this.publishCounts(), READ_COUNTS_EVERY_MS);
		for (const listener of this.listeners) listener(change);
	}

	/** Shows the counts as they are now (once a file's last batch is in, without waiting for the next showing). */
	publishCounts(): void {
		clearTimeout(this.countsTimer);
		this.countsTimer = undefined;
		this.counts = { ...this.tallies };
		this.changeCounts = { ...this.changeTallies };
		this.errorsByColumn = [...this.columnTallies];
	}
}
