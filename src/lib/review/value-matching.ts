// Value matching over a review's rows: every distinct value the rules refuse in the columns whose values come
// from a set (account manager, groups, country, state, zone), with its rows and near matches, and the cell
// changes that put the values the admin accepts in place. Candidates are worked out once per distinct value.
import { countryFromText } from '$lib/domain/country-lookup';
import { normaliseCountry, normaliseSubdivision } from '$lib/domain/countries';
import { splitGroupNames } from '$lib/domain/fixers';
import { subdivisionFromText } from '$lib/domain/subdivision-lookup';
import { COL } from '$lib/domain/template';
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

/** The review's rows that may hold a refused value: those with one of its problems, not left out. */
export function rowsToMatch(
	rows: readonly { rowNumber: number; values: readonly string[]; issues: readonly RowIssue[]; leftOut: boolean }[]
): MatchRow[] {
	return rows
		.filter((row) => !row.leftOut && row.issues.some((issue) => MATCH_CODES.has(issue.code)))
		.map((row) => {
			const fixed = row.issues.filter((issue) => issue.fix && MATCH_CODES.has(issue.code)).map((issue) => issue.column);
			return { rowNumber: row.rowNumber, values: row.values, ...(fixed.length > 0 && { fixed }) };
		});
}

/** Every distinct value the rules refuse in the five columns, with its rows and near matches: most rows first. */
export function gatherRefusedValues(
	rows: Iterable<MatchRow>,
	workspace: WorkspaceSnapshot,
	/** Without near matches: for what needs only the values and their keys (remembered matches). */
	{ withCandidates = true }: { withCandidates?: boolean } = {}
): RefusedValue[] {
	const reader = new RefusalReader(indexWorkspace(workspace));
	const byKey = new Map<string, RefusedValue>();
	for (const { rowNumber, values, fixed } of rows) {
		for (const refusal of reader.read(values)) {
			if (fixed?.includes(COL[refusal.column])) continue;
			const key = keyOf(refusal);
			const known = byKey.get(key);
			if (known) {
				// A list may name one refused group twice: the row counts once.
				if (known.rowNumbers.at(-1) !== rowNumber) known.rowNumbers.push(rowNumber);
				continue;
			}
			const { column, written, country, state } = refusal;
			byKey.set(key, {
				key,
				column,
				columnIndex: COL[column],
				written,
				...(country !== undefined && { country }),
				...(state !== undefined && { state }),
				rowNumbers: [rowNumber],
				candidates: withCandidates ? nearMatches(column, written, { workspace, country, state }) : []
			});
		}
	}
	return [...byKey.values()].sort(
		(a, b) =>
			b.rowNumbers.length - a.rowNumbers.length || a.columnIndex - b.columnIndex || a.written.localeCompare(b.written)
	);
}

/**
 * The changes that put the matches remembered from earlier reviews (by key) on a review's rows: how many values
 * they match, and in how many rows.
 */
export function rememberedChanges(
	rows: Parameters<typeof rowsToMatch>[0],
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
