// The near matches of a value the rules refuse in a column whose values come from a set (technicians, groups,
// countries, states, zones), best first, each with why it is offered, and every value a picker may offer; the
// finders per column live in `match-people` and `match-places`. Pure: it runs on the page and in a worker.
import { countryOptions } from './country-lookup';
import { groupMatches, technicianLabel, technicianMatches } from './match-people';
import { codeLabel, countryMatches, stateMatches, stateOptions, zoneMatches, zoneOptions } from './match-places';
import type { AddMatch } from './match-scoring';
import type { WorkspaceSnapshot } from './workspace';

export type MatchColumn = 'AccountManager' | 'TechnicianGroups' | 'Country' | 'State' | 'Timezone';

export interface MatchCandidate {
	/** What the cell (or, for groups, the list item) becomes: an email, a group's name, a code, a zone. */
	value: string;
	/** How a picker shows it: `Alice Johnson · alice@msp.example`, `DE · Germany`, `BC · British Columbia`. */
	label: string;
	/** Why it is offered, in plain words: `initial and last name`, `word prefixes`, `2 letters differ`. */
	reason: string;
	/** Higher ranks first. */
	score: number;
	/** The one right answer: the single candidate of the strongest rule that matched (the admin still confirms). */
	certain?: boolean;
}

export interface MatchContext {
	workspace: WorkspaceSnapshot;
	/** The row's country code (normalised) and state (`BC`, `CA-BC`, or by name), for State and Timezone. */
	country?: string;
	state?: string;
}

/** A candidate and the rule that found it: certainty is decided per rule. */
type Found = MatchCandidate & { rule: string };

/** What a refused value may have meant in its column, best first, at most `limit`: none for an empty one. */
export function nearMatches(column: MatchColumn, written: string, context: MatchContext, limit = 5): MatchCandidate[] {
	const found: Found[] = [];
	const add: AddMatch = (rule, score, value, label, reason) => found.push({ rule, score, value, label, reason });
	const text = written.trim();
	if (text === '') return [];
	if (column === 'AccountManager') technicianMatches(text, context.workspace, add);
	else if (column === 'TechnicianGroups') groupMatches(text, context.workspace, add);
	else if (column === 'Country') countryMatches(text, add);
	else if (column === 'State') stateMatches(text, upper(context.country), add);
	else zoneMatches(text, upper(context.country), context.state, add);
	return ranked(found, limit);
}

/** Best first, each value once (at its best score); the top one certain when no rival shares its rule or score. */
function ranked(found: Found[], limit: number): MatchCandidate[] {
	const sorted = found.map((f, i) => ({ f, i })).sort((a, b) => b.f.score - a.f.score || a.i - b.i);
	if (sorted.length === 0) return [];
	const top = sorted[0].f;
	const seen = new Set<string>();
	const result: MatchCandidate[] = [];
	for (const { f } of sorted) {
		if (seen.has(f.value)) continue;
		seen.add(f.value);
		if (result.length < limit) result.push({ value: f.value, label: f.label, reason: f.reason, score: f.score });
	}
	const rivalled = found.some((f) => f.value !== top.value && (f.rule === top.rule || f.score >= top.score));
	if (!rivalled && result.length > 0) result[0].certain = true;
	return result;
}

function upper(code: string | undefined): string | undefined {
	return code?.trim().toUpperCase() || undefined;
}

// ---- Pickers and keys ----

/** Every allowed value, for a picker: technicians by name, groups, countries, the country's states, its zones or all zones. */
export function allowedValues(column: MatchColumn, context: MatchContext): { value: string; label: string }[] {
	const country = upper(context.country);
	switch (column) {
		case 'AccountManager':
			return [...context.workspace.technicians]
				.sort((a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`))
				.map((t) => ({ value: t.email, label: technicianLabel(t) }));
		case 'TechnicianGroups':
			return [...context.workspace.groups]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((g) => ({ value: g.name, label: g.name }));
		case 'Country':
			return countryOptions().map((o) => ({ value: o.value, label: codeLabel(o) }));
		case 'State':
			return country ? stateOptions(country).map((o) => ({ value: o.value, label: codeLabel(o) })) : [];
		case 'Timezone': {
			const zones = country ? zoneOptions(country) : [];
			return (zones.length > 0 ? zones : zoneOptions(undefined)).map((o) => ({ value: o.value, label: o.value }));
		}
	}
}

/** Case, accents and runs of spaces aside: `São  Paulo` and `sao paulo` are remembered as one. */
function keyText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The key a match is remembered under: the column and the written value folded; for State the row's country,
 * for Timezone its country and state (whole code: `BC` and `CA-BC` are one).
 */
export function matchKey(
	column: MatchColumn,
	written: string,
	context: Pick<MatchContext, 'country' | 'state'>
): string {
	const parts: string[] = [column, keyText(written)];
	const country = upper(context.country) ?? '';
	if (column === 'State' || column === 'Timezone') parts.push(country);
	if (column === 'Timezone') {
		const state = upper(context.state) ?? '';
		parts.push(state === '' || state.startsWith(`${country}-`) ? state : `${country}-${state}`);
	}
	return JSON.stringify(parts);
}
