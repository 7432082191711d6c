// Value matching over a review's rows: every distinct value the rules refuse in the columns whose values come
// from a set (account manager, groups, country, state, zone), with its rows and near matches, and the cell
// changes that put the values the admin accepts in place. Candidates are worked out once per distinct value.
import { countryFromText } from '$lib/domain/country-lookup';
import { normaliseCountry, normaliseSubdivision } from '$lib/domain/countries';
import { splitGroupNames } from '$lib/domain/fixers';
import { subdivisionFromText } from '$lib/domain/subdivision-lookup';
import { COL } from '$lib/domain/template';
import { nextTask } from '$lib/components/idle';
import type { IssueCode, RowIssue } from '$lib/domain/issues';
import { judgeZone } from '$lib/domain/timezones';
import { matchKey, nearMatches, type MatchCandidate, type MatchColumn } from '$lib/domain/value-match';
import { emailKey, groupKey, indexWorkspace, type WorkspaceIndex, type WorkspaceSnapshot } from '$lib/domain/workspace';
import type { CellChange } from './review-session.svelte';

/** The problems of a refused value in these columns: a row with none of them has nothing to match. */
export const MATCH_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
	'technician_unknown',
	'group_unknown',
	'country_invalid',
	'state_invalid',
	'timezone_link',
	'timezone_case',
	'timezone_unknown'
]);

export interface RefusedValue {
	/** `matchKey` of the value in its column and context. */
	key: string;
	column: MatchColumn;
	columnIndex: number;
	/** As first seen, trimmed; for TechnicianGroups, one item of the list. */
	written: string;
	/** The row's country (State, Timezone) and state (Timezone), as codes: `CA`, `CA-BC`. */
	country?: string;
	state?: string;
	/** Every row carrying it, in the order met. */
	rowNumbers: number[];
	candidates: MatchCandidate[];
}

interface MatchRow {
	rowNumber: number;
	values: readonly string[];
	/**
	 * Columns whose problem the rules fix with certainty (a country written as a name, an account manager by full
	 * name): the fix panel's "Apply every fix" takes those, so they are not listed for matching again.
	 */
	fixed?: readonly number[];
}

/** One refused value of a row, with the context its key needs. */
interface Refusal {
	column: MatchColumn;
	written: string;
	country?: string;
	state?: string;
}

interface StateRead {
	written?: string;
	code?: string;
	valid?: boolean;
}

/** A row without a state, or whose country is not known (its state is not judged then). */
const NO_STATE: StateRead = {};

/**
 * Reads which values of a row the rules refuse. Files repeat a few countries, states and zones on many rows:
 * each distinct one is judged once.
 */
class RefusalReader {
	private readonly countries = new Map<string, { code?: string; valid: boolean }>();
	private readonly states = new Map<string, { code?: string; valid: boolean }>();
	private readonly zones = new Map<string, boolean>();

	constructor(private readonly workspace: WorkspaceIndex) {}

	/** The refused values of a row, in the template's column order; each refused group of a list apart. */
	read(values: readonly string[]): Refusal[] {
		const refusals: Refusal[] = [];
		const country = this.country((values[COL.Country] ?? '').trim());
		const state = country.code ? this.state(country.code, (values[COL.State] ?? '').trim()) : NO_STATE;
		if (!state.valid && state.written) {
			refusals.push({ column: 'State', written: state.written, country: country.code });
		}
		if (!country.valid && country.written) refusals.push({ column: 'Country', written: country.written });
		const zone = (values[COL.Timezone] ?? '').trim();
		if (zone !== '' && !this.zoneValid(zone)) {
			refusals.push({ column: 'Timezone', written: zone, country: country.code, state: state.code });
		}
		const manager = (values[COL.AccountManager] ?? '').trim();
		if (manager !== '' && !this.workspace.technicianIdByEmail.has(emailKey(manager))) {
			refusals.push({ column: 'AccountManager', written: manager });
		}
		const groups = values[COL.TechnicianGroups] ?? '';
		if (groups.trim() !== '') {
			for (const name of splitGroupNames(groups)) {
				if (!this.workspace.groupByKey.has(groupKey(name))) {
					refusals.push({ column: 'TechnicianGroups', written: name });
				}
			}
		}
		return refusals;
	}

	/** The row's country: valid as a code, or the code a name gives (so its State and Timezone are judged). */
	private country(written: string): { written: string; code?: string; valid: boolean } {
		let known = this.countries.get(written);
		if (!known) {
			const code = written === '' ? undefined : normaliseCountry(written);
			known = code ? { code, valid: true } : { code: written ? countryFromText(written) : undefined, valid: false };
			this.countries.set(written, known);
		}
		return { written, ...known };
	}

	/** The row's state within a known country: its whole code when valid or written by name. */
	private state(country: string, written: string): StateRead {
		if (written === '') return NO_STATE;
		const key = `${country}\u0000${written}`;
		let known = this.states.get(key);
		if (!known) {
			const valid = normaliseSubdivision(written, country) !== undefined;
			known = { code: subdivisionFromText(country, written), valid };
			this.states.set(key, known);
		}
		return { written, ...known };
	}

	private zoneValid(zone: string): boolean {
		let valid = this.zones.get(zone);
		if (valid === undefined) this.zones.set(zone, (valid = judgeZone(zone).kind === 'valid'));
		return valid;
	}
}

const keyOf = (refusal: Refusal) => matchKey(refusal.column, refusal.written, refusal);

/** A review's row, as value matching reads it. */
type ReviewRowLike = { rowNumber: number; values: readonly string[]; issues: readonly RowIssue[]; leftOut: boolean };

/**
 * The review's rows that may hold a value to match: those with one of its problems that the rules cannot fix
 * with certainty, not left out. Most rows of a large file have none, and are passed over without unpacking.
 */
export function rowsToMatch(rows: readonly ReviewRowLike[]): MatchRow[] {
	return rows
		.filter((row) => !row.leftOut && row.issues.some((issue) => !issue.fix && MATCH_CODES.has(issue.code)))
		.map((row) => {
			const fixed = row.issues.filter((issue) => issue.fix && MATCH_CODES.has(issue.code)).map((issue) => issue.column);
			return { rowNumber: row.rowNumber, values: row.values, ...(fixed.length > 0 && { fixed }) };
		});
}

/**
 * Near matches by value key, per workspace: the panel gathers again after every edit, and a value's candidates
 * (ranking every technician, group or zone) are worked out once while the workspace stays the same.
 */
const candidatesByWorkspace = new WeakMap<WorkspaceSnapshot, Map<string, MatchCandidate[]>>();

function candidatesOf(workspace: WorkspaceSnapshot, key: string, refusal: Refusal): MatchCandidate[] {
	let cache = candidatesByWorkspace.get(workspace);
	if (!cache) candidatesByWorkspace.set(workspace, (cache = new Map()));
	let candidates = cache.get(key);
	if (!candidates) {
		const { column, written, country, state } = refusal;
		cache.set(key, (candidates = nearMatches(column, written, { workspace, country, state })));
	}
	return candidates;
}

/** Gathers refused values row after row (in slices, for a large review), each value's candidates worked out once. */
class RefusedValueGatherer {
	private readonly reader: RefusalReader;
	private readonly byKey = new Map<string, RefusedValue>();

	constructor(
		private readonly workspace: WorkspaceSnapshot,
		private readonly withCandidates: boolean
	) {
		this.reader = new RefusalReader(indexWorkspace(workspace));
	}

	add({ rowNumber, values, fixed }: MatchRow) {
		for (const refusal of this.reader.read(values)) {
			if (fixed?.includes(COL[refusal.column])) continue;
			const key = keyOf(refusal);
			const known = this.byKey.get(key);
			if (known) {
				// A list may name one refused group twice: the row counts once.
				if (known.rowNumbers.at(-1) !== rowNumber) known.rowNumbers.push(rowNumber);
				continue;
			}
			const { column, written, country, state } = refusal;
			this.byKey.set(key, {
				key,
				column,
				columnIndex: COL[column],
				written,
				...(country !== undefined && { country }),
				...(state !== undefined && { state }),
				rowNumbers: [rowNumber],
				candidates: this.withCandidates ? candidatesOf(this.workspace, key, refusal) : []
			});
		}
	}

	/** Most rows first. */
	result(): RefusedValue[] {
		return [...this.byKey.values()].sort(
			(a, b) =>
				b.rowNumbers.length - a.rowNumbers.length || a.columnIndex - b.columnIndex || a.written.localeCompare(b.written)
		);
	}
}

/** Every distinct value the rules refuse in the five columns, with its rows and near matches: most rows first. */
export function gatherRefusedValues(
	rows: Iterable<MatchRow>,
	workspace: WorkspaceSnapshot,
	/** Without near matches: for what needs only the values and their keys (remembered matches). */
	{ withCandidates = true }: { withCandidates?: boolean } = {}
): RefusedValue[] {
	const gatherer = new RefusedValueGatherer(workspace, withCandidates);
	for (const row of rows) gatherer.add(row);
	return gatherer.result();
}

/**
 * gatherRefusedValues over a review's rows, a slice per task so the page stays free on a large file; undefined
 * once `isCancelled` says a newer gathering replaces it.
 */
export async function gatherRefusedValuesInSlices(
	rows: readonly ReviewRowLike[],
	workspace: WorkspaceSnapshot,
	isCancelled: () => boolean,
	sliceSize = 5_000
): Promise<RefusedValue[] | undefined> {
	const gatherer = new RefusedValueGatherer(workspace, true);
	for (let start = 0; start < rows.length; start += sliceSize) {
		if (start > 0) await nextTask();
		if (isCancelled()) return undefined;
		for (const row of rowsToMatch(rows.slice(start, start + sliceSize))) gatherer.add(row);
	}
	return gatherer.result();
}

/**
 * The changes that put the matches remembered from earlier reviews (by key) on a review's rows: how many values
 * they match, and in how many rows.
 */
export function rememberedChanges(
	rows: readonly ReviewRowLike[],
	remembered: ReadonlyMap<string, { value: string }>,
	workspace: WorkspaceSnapshot
): { changes: CellChange[]; values: number; rows: number } {
	const candidates = rowsToMatch(rows);
	const accepted = new Map<string, string>();
	for (const { key } of gatherRefusedValues(candidates, workspace, { withCandidates: false })) {
		const match = remembered.get(key);
		if (match) accepted.set(key, match.value);
	}
	const changes = matchChanges(candidates, accepted, workspace);
	return { changes, values: accepted.size, rows: new Set(changes.map((change) => change.rowNumber)).size };
}

/**
 * The cell changes that put each accepted value (by key) in place of what was written, on every row carrying
 * it. In a group list only the refused item is replaced: the others are kept as written, the list is joined
 * with ", ", and a group named twice is kept once. An accepted empty value clears the cell (drops the item).
 */
export function matchChanges(
	rows: Iterable<MatchRow>,
	accepted: ReadonlyMap<string, string>,
	workspace: WorkspaceSnapshot
): CellChange[] {
	if (accepted.size === 0) return [];
	const reader = new RefusalReader(indexWorkspace(workspace));
	const changes: CellChange[] = [];
	for (const { rowNumber, values } of rows) {
		const refusals = reader.read(values);
		if (refusals.length === 0) continue;
		const groups = new Map<string, string>();
		for (const refusal of refusals) {
			const value = accepted.get(keyOf(refusal));
			if (value === undefined) continue;
			if (refusal.column === 'TechnicianGroups') groups.set(groupKey(refusal.written), value);
			else if (value !== values[COL[refusal.column]]) changes.push({ rowNumber, column: COL[refusal.column], value });
		}
		if (groups.size > 0) {
			const list = replaceGroups(values[COL.TechnicianGroups] ?? '', groups);
			if (list !== values[COL.TechnicianGroups]) changes.push({ rowNumber, column: COL.TechnicianGroups, value: list });
		}
	}
	return changes;
}

/** A group list with its refused items replaced, each group once (case aside), joined with ", ". */
function replaceGroups(cell: string, replacements: ReadonlyMap<string, string>): string {
	const seen = new Set<string>();
	const names: string[] = [];
	for (const written of splitGroupNames(cell)) {
		const name = replacements.get(groupKey(written)) ?? written;
		const key = groupKey(name);
		if (name === '' || seen.has(key)) continue;
		seen.add(key);
		names.push(name);
	}
	return names.join(', ');
}
