// Fixes in bulk: every certain fix the rules found, gathered by kind with counts and examples; the tidy-ups
// that are not errors (stray spaces, lower-case codes); the groups and technicians the file names that the
// workspace lacks; and find-and-replace within a column. Each returns the cell changes for the review to apply
// as one undoable step.
import { nextTask } from '$lib/components/idle';
import { isEmail } from '$lib/domain/field-rules';
import { alsoText, FIX_LABELS, splitGroupNames } from '$lib/domain/fixers';
import type { FixKind, IssueFix, RowIssue } from '$lib/domain/issues';
import { valueAt, valueRange, type StoredValues } from '$lib/domain/stored-values';
import { COL } from '$lib/domain/template';
import { emailKey, groupKey, type WorkspaceIndex } from '$lib/domain/workspace';
import type { CellChange } from './review-session.svelte';

export interface FixableRow {
	rowNumber: number;
	values: readonly string[];
	issues: readonly RowIssue[];
	/** The values as the review keeps them: a row with nothing to fix is passed over without unpacking them. */
	stored?: StoredValues;
}

export type TidyKind = 'country_case' | 'whitespace';

export type SuggestionId = FixKind | TidyKind;

/** What the panel shows of a fix: how many problems it clears, and a few examples of what it does. */
export interface FixSummary {
	id: SuggestionId;
	label: string;
	/** How many problems (or untidy cells) it clears. */
	count: number;
	/** A few distinct "before → after" pairs, for the admin to see what it does. */
	examples: FixExample[];
}

export interface FixSuggestion extends FixSummary {
	/** Every cell it writes, a second column's cells included (a phone's Code). */
	changes: CellChange[];
}

export interface FixExample {
	before: string;
	after: string;
}

const TIDY_LABELS: { readonly [K in TidyKind]: string } = {
	country_case: 'Upper-case country codes',
	whitespace: 'Trim stray spaces around and inside values'
};

/** The order the panel lists them in: the fixes of errors first, in the template's own column order. */
export const SUGGESTION_ORDER: readonly SuggestionId[] = [
	'email',
	'phone',
	'country_name',
	'state_name',
	'timezone_old_name',
	'timezone_windows',
	'timezone_offset',
	'timezone_from_country',
	'domains',
	'account_manager',
	'groups',
	'custom_value',
	'country_case',
	'whitespace'
];

export const MAX_EXAMPLES = 3;

/** One number per cell, for a map of the cells every fix writes: far cheaper than a string per cell at 100,000 rows. */
const cellKey = (rowNumber: number, column: number) => rowNumber * 4096 + column;

/** Whether a change of `rowNumber` already writes `column`: a row's changes are the last ones, as rows come in turn. */
function writtenInRow(changes: readonly CellChange[], rowNumber: number, column: number): boolean {
	for (let i = changes.length - 1; i >= 0 && changes[i].rowNumber === rowNumber; i--) {
		if (changes[i].column === column) return true;
	}
	return false;
}

export function suggestionLabel(id: SuggestionId): string {
	return id in FIX_LABELS ? FIX_LABELS[id as FixKind] : TIDY_LABELS[id as TidyKind];
}

/** Where the scan of a row puts what it finds: a builder of suggestions, or the fix panel's running tally. */
export interface FindingSink {
	/** A problem the fix `id` clears in the row, and the cells that fix writes. */
	add(id: SuggestionId, rowNumber: number, cells: readonly CellChange[]): void;
	/** Whether an example with this value before is still wanted: most rows make none. */
	wantsExample(id: SuggestionId, before: string): boolean;
	addExample(id: SuggestionId, rowNumber: number, example: FixExample): void;
}

class SuggestionBuilder implements FindingSink {
	private readonly byId = new Map<SuggestionId, FixSuggestion>();

	/** What row `rowNumber`'s fix writes; every fix of a row is added before those of the next row. */
	add(id: SuggestionId, rowNumber: number, cells: readonly CellChange[]) {
		const suggestion = this.suggestion(id);
		suggestion.count++;
		// A phone's two problems (its digits, its missing Code) write the same two cells: once each.
		for (const cell of cells) {
			if (!writtenInRow(suggestion.changes, rowNumber, cell.column)) suggestion.changes.push(cell);
		}
	}

	/**
	 * Whether a suggestion still lacks an example with that value before: most rows of a large file show none,
	 * and make none.
	 */
	wantsExample(id: SuggestionId, before: string): boolean {
		const { examples } = this.suggestion(id);
		return examples.length < MAX_EXAMPLES && !examples.some((e) => e.before === before);
	}

	addExample(id: SuggestionId, _rowNumber: number, example: FixExample) {
		this.suggestion(id).examples.push(example);
	}

	private suggestion(id: SuggestionId): FixSuggestion {
		let suggestion = this.byId.get(id);
		if (!suggestion) {
			suggestion = { id, label: suggestionLabel(id), changes: [], count: 0, examples: [] };
			this.byId.set(id, suggestion);
		}
		return suggestion;
	}

	build(): FixSuggestion[] {
		return [...this.byId.values()].sort(
			(a, b) => SUGGESTION_ORDER.indexOf(a.id) - SUGGESTION_ORDER.indexOf(b.id)
		);
	}
}

/** The cells a fix writes: its own, and the one beside it that it fills. */
export function changesOfFix(rowNumber: number, column: number, fix: IssueFix): CellChange[] {
	const cells = [{ rowNumber, column, value: fix.value }];
	if (fix.also) cells.push({ rowNumber, ...fix.also });
	return cells;
}

// The scan runs over every row of a file, and over each row an edit touches: its patterns are made once here, as a regex literal in
// a loop is a new object each time it is reached (one per cell of 100,000 rows, a scan's main garbage).
const INNER_SPACES = /[ \t]{2}/;
const TWO_LETTERS = /^[a-z]{2}$/i;
const LOWER_CASE = /[a-z]/;

/** A cheap test first: most cells of a large file have no stray space, and this runs on every cell. */
function hasStraySpace(value: string): boolean {
	if (value === '') return false;
	return value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32 || INNER_SPACES.test(value);
}

/**
 * hasStraySpace over a row kept as one string (values joined by U+001F): a value starting or ending with a
 * control character or a space (the separator aside), or with two spaces or tabs inside.
 */
// eslint-disable-next-line no-control-regex -- the separator and the control characters are what it looks for
const STRAY_SPACE_IN_ROW = /(?:^|\u001f)[\u0000-\u001e ]|[\u0000-\u001e ](?:\u001f|$)|[ \t]{2}/;

/** A country code of two letters, not all upper-case. */
const isLowerCaseCode = (code: string) => TWO_LETTERS.test(code) && LOWER_CASE.test(code);

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Whether a stored row's Country may hold two letters, one of them lower-case, once trimmed. */
function mayBeLowerCaseCode(stored: string): boolean {
	const [start, end] = valueRange(stored, COL.Country);
	let letters = 0;
	let lower = false;
	for (let i = start; i < end; i++) {
		const code = stored.charCodeAt(i);
		if (code <= 32) continue;
		// Beyond ASCII may be a space that trimming takes (a no-break space): the full check decides.
		if (code > 127) return true;
		if (!isLetter(code) || ++letters > 2) return false;
		if (code >= 97) lower = true;
	}
	return letters === 2 && lower;
}

/** One value of a row, read from its stored string when it has one (without unpacking the others). */
const valueOf = (row: FixableRow, column: number) =>
	row.stored === undefined ? (row.values[column] ?? '') : valueAt(row.stored, column);

/** Adds the fixes and tidy-ups of rows `from` up to `to` (excluded) to `builder`. */
function gather(rows: readonly FixableRow[], builder: SuggestionBuilder, from = 0, to = rows.length) {
	for (let r = from; r < to; r++) gatherRow(rows[r], builder);
}

/** Puts the fixes and tidy-ups of one row into `sink`. */
export function gatherRow(row: FixableRow, sink: FindingSink): void {
	const { rowNumber, issues, stored } = row;
	const packed = typeof stored === 'string';
	for (let i = 0; i < issues.length; i++) {
		const issue = issues[i];
		const fix = issue.fix;
		if (!fix) continue;
		const before = valueOf(row, issue.column);
		sink.add(fix.kind, rowNumber, changesOfFix(rowNumber, issue.column, fix));
		// An empty cell that a fix fills beside another (a phone's Code) makes a poor example: its partner shows it.
		if (!(before === '' && fix.also) && sink.wantsExample(fix.kind, before)) {
			sink.addExample(fix.kind, rowNumber, {
				before,
				after: fix.also ? `${fix.value} (${alsoText(fix.also)})` : fix.value
			});
		}
	}
	if (!packed || mayBeLowerCaseCode(stored)) {
		const country = valueOf(row, COL.Country);
		const code = country.trim();
		// Two letters not all upper-case, tested without making the upper-case copy of every row's code.
		if (isLowerCaseCode(code)) {
			const upper = code.toUpperCase();
			sink.add('country_case', rowNumber, [{ rowNumber, column: COL.Country, value: upper }]);
			if (sink.wantsExample('country_case', country)) {
				sink.addExample('country_case', rowNumber, { before: country, after: upper });
			}
		}
	}
	// Its values are unpacked only when one of them may have a stray space.
	if (packed && !STRAY_SPACE_IN_ROW.test(stored)) return;
	const values = row.values;
	for (let column = 0; column < values.length; column++) {
		const value = values[column];
		if (!hasStraySpace(value)) continue;
		const tidy = value.trim().replace(/[ \t]{2,}/g, ' ');
		if (tidy !== value) {
			sink.add('whitespace', rowNumber, [{ rowNumber, column, value: tidy }]);
			if (sink.wantsExample('whitespace', value)) {
				sink.addExample('whitespace', rowNumber, { before: value, after: tidy });
			}
		}
	}
}

/**
 * Every suggestion's changes as one edit: where two write one cell (a tidy-up of spaces and a fix of the same
 * value), the fix of the error wins, since it was worked out from the trimmed value.
 */
export function allChanges(suggestions: readonly FixSuggestion[]): CellChange[] {
	const byCell = new Map<number, CellChange>();
	const tidiesFirst = [...suggestions].sort((a, b) => Number(b.id in TIDY_LABELS) - Number(a.id in TIDY_LABELS));
	for (const suggestion of tidiesFirst) {
		for (const change of suggestion.changes) byCell.set(cellKey(change.rowNumber, change.column), change);
	}
	return [...byCell.values()];
}

export function fixSuggestions(rows: readonly FixableRow[]): FixSuggestion[] {
	const builder = new SuggestionBuilder();
	gather(rows, builder);
	return builder.build();
}

/**
 * The same suggestions, computed a slice of rows at a time with a pause between slices, so a scan of a
 * large review never holds the main thread. Resolves undefined when cancelled.
 */
export async function fixSuggestionsInSlices(
	rows: readonly FixableRow[],
	isCancelled: () => boolean,
	sliceSize = 10_000
): Promise<FixSuggestion[] | undefined> {
	// One builder for every slice, and the rows read in place: no copy of the rows or of what was found per slice.
	const builder = new SuggestionBuilder();
	for (let start = 0; start < rows.length; start += sliceSize) {
		if (start > 0) await nextTask();
		if (isCancelled()) return undefined;
		gather(rows, builder, start, Math.min(rows.length, start + sliceSize));
	}
	return builder.build();
}

/** A record the file names that the workspace lacks, and how many rows name it. */
export interface MissingRecord {
	/** As the file first writes it: a group's name, a technician's email. */
	name: string;
	rows: number;
}

export interface MissingRecords {
	groups: MissingRecord[];
	technicians: MissingRecord[];
}

/**
 * The groups and account managers' emails the rows name that the workspace has no record of. `hasNearMatch` says
 * which of them are near a record the workspace has ("Svc Desk", Service Desk): those are left to Match values,
 * where creating one is a choice beside its matches, never the only offer.
 */
export function missingRecords(
	rows: readonly FixableRow[],
	workspace: WorkspaceIndex,
	hasNearMatch: (column: 'TechnicianGroups' | 'AccountManager', name: string) => boolean = () => false
): MissingRecords {
	const groups = new Map<string, MissingRecord>();
	const technicians = new Map<string, MissingRecord>();
	const count = (into: Map<string, MissingRecord>, key: string, name: string) => {
		const known = into.get(key);
		if (!known) into.set(key, { name, rows: 1 });
		else {
			known.rows++;
			// A group spelt with capitals says how the file means it better than an all lower-case spelling.
			if (into === groups && known.name === known.name.toLowerCase() && name !== name.toLowerCase()) {
				known.name = name;
			}
		}
	};
	for (const row of rows) {
		for (const issue of row.issues) {
			if (issue.code === 'group_unknown') {
				const names = splitGroupNames(row.values[COL.TechnicianGroups] ?? '');
				const seen = new Set<string>();
				for (const name of names) {
					const key = groupKey(name);
					if (workspace.groupByKey.has(key) || seen.has(key)) continue;
					seen.add(key);
					count(groups, key, name);
				}
			} else if (issue.code === 'technician_unknown' && !issue.fix && !issue.choices) {
				const email = (row.values[COL.AccountManager] ?? '').trim();
				if (isEmail(email)) count(technicians, emailKey(email), email);
			}
		}
	}
	const byRows = (a: MissingRecord, b: MissingRecord) => b.rows - a.rows || a.name.localeCompare(b.name);
	const named = [...groups.values()]
		.filter((group) => !hasNearMatch('TechnicianGroups', group.name))
		.map((group) => ({ ...group, name: titleIfLowerCase(group.name) }));
	const people = [...technicians.values()].filter((technician) => !hasNearMatch('AccountManager', technician.name));
	return { groups: named.sort(byRows), technicians: people.sort(byRows) };
}

/** "managed print" → "Managed Print": a file that writes a name only in lower case rarely means it so. */
function titleIfLowerCase(name: string): string {
	if (name !== name.toLowerCase()) return name;
	return name.replace(/(^|[\s&/-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The empty (or blank) cells of a column, given a value. */
function fillEmpty(rows: readonly FixableRow[], column: number, value: string): CellChange[] {
	return rows.flatMap((row) =>
		(row.values[column] ?? '').trim() === '' ? [{ rowNumber: row.rowNumber, column, value }] : []
	);
}

/** A first guess at a technician's name from their email (alice.johnson@… → Alice, Johnson), for the admin to check. */
export function nameFromEmail(email: string): { firstName: string; lastName: string } {
	const words = email
		.slice(0, email.indexOf('@'))
		.split(/[._-]+/)
		.filter((w) => /^[a-z]+$/i.test(w))
		.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
	return { firstName: words[0] ?? '', lastName: words.length > 1 ? words.at(-1)! : '' };
}

export interface ReplaceOptions {
	column: number;
	find: string;
	replace: string;
	matchCase: boolean;
	wholeCell: boolean;
}

export function findAndReplace(rows: readonly FixableRow[], options: ReplaceOptions): CellChange[] {
	const { column, find, replace, matchCase, wholeCell } = options;
	// Nothing to find fills what is empty: a site name the file lacks, typed once for every row.
	if (find === '') return replace.trim() === '' ? [] : fillEmpty(rows, column, replace);
	const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(wholeCell ? `^${escaped}$` : escaped, matchCase ? 'g' : 'gi');
	const changes: CellChange[] = [];
	for (const row of rows) {
		const value = row.values[column] ?? '';
		const next = value.replace(pattern, () => replace);
		if (next !== value) changes.push({ rowNumber: row.rowNumber, column, value: next });
	}
	return changes;
}
