// Fixes in bulk: one-click suggestions where the fix is certain, and find-and-replace within a column.
// Each returns the cell changes for the review to apply as one undoable step.
import { COL } from '$lib/domain/template';
import type { CellChange } from './review.svelte';

interface FixableRow {
	rowNumber: number;
	values: readonly string[];
	issues: readonly { column: number; fix?: string; code: string }[];
}

export interface FixSuggestion {
	id: string;
	label: string;
	changes: CellChange[];
}

function fromIssueFixes(rows: readonly FixableRow[], codes: readonly string[]): CellChange[] {
	const changes: CellChange[] = [];
	for (const row of rows) {
		for (const issue of row.issues) {
			if (issue.fix !== undefined && codes.includes(issue.code)) {
				changes.push({ rowNumber: row.rowNumber, column: issue.column, value: issue.fix });
			}
		}
	}
	return changes;
}

/** A cheap test first: most cells of a large file have no stray space, and this runs on every cell. */
function hasStraySpace(value: string): boolean {
	if (value === '') return false;
	return value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32 || /[ \t]{2}/.test(value);
}

export function fixSuggestions(rows: readonly FixableRow[]): FixSuggestion[] {
	const zones = fromIssueFixes(rows, ['timezone_link', 'timezone_case']);
	const phones = fromIssueFixes(rows, ['phone_format']);
	const countries: CellChange[] = [];
	const whitespace: CellChange[] = [];
	for (const row of rows) {
		const country = row.values[COL.Country] ?? '';
		if (/^[a-z]{2}$/i.test(country.trim()) && country.trim() !== country.trim().toUpperCase()) {
			countries.push({ rowNumber: row.rowNumber, column: COL.Country, value: country.trim().toUpperCase() });
		}
		row.values.forEach((value, column) => {
			if (!hasStraySpace(value)) return;
			const tidy = value.trim().replace(/[ \t]{2,}/g, ' ');
			if (tidy !== value) whitespace.push({ rowNumber: row.rowNumber, column, value: tidy });
		});
	}
	const suggestions: FixSuggestion[] = [
		{ id: 'timezones', label: 'Replace old time-zone names with their current zone', changes: zones },
		{ id: 'countries', label: 'Upper-case country codes', changes: countries },
		{ id: 'phones', label: 'Remove spaces, dashes, dots and brackets from phone numbers', changes: phones },
		{ id: 'whitespace', label: 'Trim stray spaces around and inside values', changes: whitespace }
	];
	return suggestions.filter((s) => s.changes.length > 0);
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
	if (find === '') return [];
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

/**
 * The same suggestions, computed a slice of rows at a time with a pause between slices, so a scan of a
 * large review never holds the main thread. Resolves undefined when cancelled.
 */
export async function fixSuggestionsInSlices(
	rows: readonly FixableRow[],
	isCancelled: () => boolean,
	sliceSize = 10_000
): Promise<FixSuggestion[] | undefined> {
	const merged = new Map<string, FixSuggestion>();
	for (let start = 0; start < rows.length; start += sliceSize) {
		if (start > 0) await new Promise((resume) => setTimeout(resume, 0));
		if (isCancelled()) return undefined;
		for (const suggestion of fixSuggestions(rows.slice(start, start + sliceSize))) {
			const known = merged.get(suggestion.id);
			if (known) known.changes.push(...suggestion.changes);
			else merged.set(suggestion.id, suggestion);
		}
	}
	const order = ['timezones', 'countries', 'phones', 'whitespace'];
	return [...merged.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}
