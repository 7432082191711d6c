// How a file's columns become the template's: a file column fills one template column, a full name is split
// into a contact's first and last name, several file columns are joined into one template column, and a
// column the file lacks gets one value for every row. Pure: the mapping screen previews it on the file's first
// rows, and the worker builds every row with it.
import { STANDARD_SHAPE, type TemplateShape } from '$lib/domain/custom-fields';
import type { RowIssue } from '$lib/domain/issues';
import { splitFullName } from '$lib/domain/name-split';
import { COL, COLUMN_LABELS, TEMPLATE_COLUMNS, type TemplateColumn } from '$lib/domain/template';

export type Contact = 'primary' | 'secondary';

/** A file column holding a contact's full name, split into the template's first and last name. */
export interface NameSplitTarget {
	split: Contact;
}

/** What a file column fills: a template column (by index), a contact's name split in two, or nothing. */
export type ColumnTarget = number | NameSplitTarget | null;

/** Per file column, what it fills. */
export type ColumnMapping = ColumnTarget[];

/** The order and separator of the file columns that fill one template column together. */
export interface JoinSpec {
	/** File column indexes, first part first; a column mapped later and not listed goes after them. */
	order: number[];
	separator: string;
}

/**
 * What the mapping says beyond one file column per template column, keyed by template column name (names
 * stay put when custom fields change, and the whole plan is remembered by name).
 */
export interface ColumnShaping {
	joins: Record<string, JoinSpec>;
	/** One value for every row, for a template column no file column fills. */
	fixed: Record<string, string>;
}

export const NO_SHAPING: ColumnShaping = Object.freeze({ joins: {}, fixed: {} }) as ColumnShaping;

/** The template columns a contact's split name fills: first name, then last name. */
export const SPLIT_PARTS: { readonly [C in Contact]: readonly [number, number] } = {
	primary: [COL.PrimaryContactFirstName, COL.PrimaryContactLastName],
	secondary: [COL.SecondaryContactFirstName, COL.SecondaryContactLastName]
};

export const SPLIT_LABELS: { readonly [C in Contact]: string } = {
	primary: 'Primary contact full name (split into first and last name)',
	secondary: 'Secondary contact full name (split into first and last name)'
};

/** The template columns a target fills. */
export function filledBy(target: ColumnTarget): readonly number[] {
	if (target === null) return [];
	return typeof target === 'number' ? [target] : SPLIT_PARTS[target.split];
}

export function sameTarget(a: ColumnTarget, b: ColumnTarget): boolean {
	if (a === null || b === null || typeof a === 'number' || typeof b === 'number') return a === b;
	return a.split === b.split;
}

/** Names and one-line values read better joined by a space; addresses and lists by a comma. */
const SPACE_JOINED: ReadonlySet<string> = new Set<TemplateColumn>([
	'ClientName',
	'PrimaryContactFirstName',
	'PrimaryContactLastName',
	'SecondaryContactFirstName',
	'SecondaryContactLastName',
	'SiteName',
	'City',
	'PostalCode',
	'PhoneNumber'
]);

export function defaultSeparator(column: string): string {
	return SPACE_JOINED.has(column) ? ' ' : ', ';
}

/** Per template column, the file columns that fill it, in file order (a split fills two). */
function sourcesByColumn(mapping: ColumnMapping): Map<number, number[]> {
	const sources = new Map<number, number[]>();
	mapping.forEach((target, file) => {
		for (const column of filledBy(target)) {
			const list = sources.get(column);
			if (list) list.push(file);
			else sources.set(column, [file]);
		}
	});
	return sources;
}

/** The template columns several plain file columns fill (a join), with their parts in the chosen order. */
export function joinedColumns(
	mapping: ColumnMapping,
	shaping: ColumnShaping,
	columns: readonly string[] = TEMPLATE_COLUMNS
): { column: number; name: string; parts: number[]; separator: string }[] {
	const joined: { column: number; name: string; parts: number[]; separator: string }[] = [];
	for (const [column, files] of sourcesByColumn(mapping)) {
		if (files.length < 2 || files.some((file) => typeof mapping[file] !== 'number')) continue;
		const name = columns[column];
		const spec = shaping.joins[name];
		const chosen = (spec?.order ?? []).filter((file) => files.includes(file));
		const parts = [...chosen, ...files.filter((file) => !chosen.includes(file))];
		joined.push({ column, name, parts, separator: spec?.separator ?? defaultSeparator(name) });
	}
	return joined.sort((a, b) => a.column - b.column);
}

/**
 * Template columns that a split name and another file column both fill: no join makes sense there (half a
 * name beside a whole one), so the admin chooses.
 */
export function conflictingColumns(mapping: ColumnMapping, columns: readonly string[] = TEMPLATE_COLUMNS): string[] {
	const conflicts: string[] = [];
	for (const [column, files] of sourcesByColumn(mapping)) {
		if (files.length > 1 && files.some((file) => typeof mapping[file] === 'object')) conflicts.push(columns[column]);
	}
	return conflicts;
}

/** Template columns no file column fills and no fixed value gives: required ones first. */
export function missingColumns(
	mapping: ColumnMapping,
	shape: TemplateShape = STANDARD_SHAPE,
	shaping: ColumnShaping = NO_SHAPING
): { required: string[]; optional: string[] } {
	const fed = new Set(mapping.flatMap(filledBy));
	const missing = shape.columns.filter((name, index) => !fed.has(index) && !hasFixedValue(shaping, name));
	return {
		required: missing.filter((c) => shape.required.includes(c)),
		optional: missing.filter((c) => !shape.required.includes(c))
	};
}

/** The template columns no file column fills (a fixed value may stand in for them). */
export function unfedColumns(mapping: ColumnMapping, columns: readonly string[]): number[] {
	const fed = new Set(mapping.flatMap(filledBy));
	return columns.flatMap((_, index) => (fed.has(index) ? [] : [index]));
}

function hasFixedValue(shaping: ColumnShaping, name: string): boolean {
	return (shaping.fixed[name] ?? '').trim() !== '';
}

/** The row columns a file carries: those its columns fill, and those given a value for every row. */
export function carriedColumns(mapping: ColumnMapping, shaping: ColumnShaping, columns: readonly string[]): Set<number> {
	const carried = new Set(mapping.flatMap(filledBy));
	columns.forEach((name, index) => {
		if (hasFixedValue(shaping, name)) carried.add(index);
	});
	return carried;
}

/** Whether the file can be read with this mapping: only a split name filling a column another fills blocks it. */
export function mappingReady(mapping: ColumnMapping, columns: readonly string[] = TEMPLATE_COLUMNS): boolean {
	return conflictingColumns(mapping, columns).length === 0;
}

/** Whether the mapping fills every required column, from the file or with a fixed value. */
export function mappingFillsRequired(
	mapping: ColumnMapping,
	shape: TemplateShape = STANDARD_SHAPE,
	shaping: ColumnShaping = NO_SHAPING
): boolean {
	return mappingReady(mapping, shape.columns) && missingColumns(mapping, shape, shaping).required.length === 0;
}

/** A file record in template order, one file column per template column (the plain mapping's fast path). */
export function toTemplateRow(
	record: readonly string[],
	mapping: ColumnMapping,
	width: number = TEMPLATE_COLUMNS.length
): string[] {
	// Plain loops: this runs once per row of a million-row file.
	const row = new Array<string>(width).fill('');
	const fields = Math.min(mapping.length, record.length);
	for (let i = 0; i < fields; i++) {
		const target = mapping[i];
		if (typeof target === 'number') row[target] = record[i];
	}
	return row;
}

/** Builds a row in template order from a file record; a name it could not split adds a remark to `remarks`. */
export type RowBuilder = (record: readonly string[], remarks: RowIssue[]) => string[];

/**
 * The row builder for a mapping and its shaping. `clean` is applied to each file cell first (a CSV's formula
 * guard taken off), so that a join or a split sees the values the admin wrote.
 */
export function rowBuilder(
	mapping: ColumnMapping,
	shaping: ColumnShaping,
	columns: readonly string[],
	clean: (value: string) => string = (value) => value
): RowBuilder {
	const joins = joinedColumns(mapping, shaping, columns);
	const joinedAt = new Set(joins.map((join) => join.column));
	const plain: ColumnMapping = mapping.map((target) =>
		typeof target === 'number' && !joinedAt.has(target) ? target : null
	);
	const splits = mapping.flatMap((target, file) =>
		target !== null && typeof target === 'object' ? [{ file, parts: SPLIT_PARTS[target.split] }] : []
	);
	const fixed = unfedColumns(mapping, columns).flatMap((column) => {
		const value = (shaping.fixed[columns[column]] ?? '').trim();
		return value === '' ? [] : [{ column, value }];
	});
	const cell = (record: readonly string[], file: number) => clean(record[file] ?? '');
	return (record, remarks) => {
		const values = toTemplateRow(record, plain, columns.length);
		for (let c = 0; c < values.length; c++) if (values[c] !== '') values[c] = clean(values[c]);
		for (const { column, parts, separator } of joins) {
			values[column] = parts
				.map((file) => cell(record, file).trim())
				.filter((part) => part !== '')
				.join(separator);
		}
		for (const { file, parts } of splits) {
			const [first, last] = parts;
			const written = cell(record, file);
			const split = splitFullName(written);
			if ('unsure' in split) {
				// Never guessed: the whole name stays in the first-name cell, marked, for the admin to split by hand.
				values[first] = written.trim();
				values[last] = '';
				remarks.push(unsplitRemark(first, split.unsure));
			} else {
				values[first] = split.first;
				values[last] = split.last;
			}
		}
		for (const { column, value } of fixed) values[column] = value;
		return values;
	};
}

function unsplitRemark(column: number, reason: string): RowIssue {
	const label = COLUMN_LABELS[TEMPLATE_COLUMNS[column]].replace(/ first name$/, '');
	return {
		column,
		severity: 'error',
		code: 'name_unsplit',
		message: `The ${label.toLowerCase()}'s full name was not split: ${reason} It is kept whole here until you do.`
	};
}

/** Whether the mapping needs the row builder (anything beyond one file column per template column). */
export function isShaped(mapping: ColumnMapping, shaping: ColumnShaping, columns: readonly string[]): boolean {
	return (
		mapping.some((target) => target !== null && typeof target === 'object') ||
		joinedColumns(mapping, shaping, columns).length > 0 ||
		unfedColumns(mapping, columns).some((column) => hasFixedValue(shaping, columns[column]))
	);
}

// ---- Remembered by name ----

/** A target as it is remembered: a template column's name (indexes shift with custom fields), a split, or null. */
export type RememberedTarget = string | NameSplitTarget | null;

export function mappingByName(mapping: ColumnMapping, columns: readonly string[]): RememberedTarget[] {
	return mapping.map((target) => {
		if (target === null || typeof target === 'object') return target === null ? null : { split: target.split };
		return columns[target] ?? null;
	});
}

/** A remembered mapping back to indexes; a column no longer in the template is left unmapped. */
export function mappingFromNames(names: readonly RememberedTarget[], columns: readonly string[]): ColumnMapping {
	return names.map((name) => {
		if (name !== null && typeof name === 'object') return { split: name.split };
		const index = name === null ? -1 : columns.indexOf(name);
		return index < 0 ? null : index;
	});
}

/** The shaping with only what still applies to this mapping: joins of joined columns, fixed values of unfed ones. */
export function shapingFor(mapping: ColumnMapping, shaping: ColumnShaping, columns: readonly string[]): ColumnShaping {
	const joins: Record<string, JoinSpec> = {};
	for (const join of joinedColumns(mapping, shaping, columns)) {
		joins[join.name] = { order: join.parts, separator: join.separator };
	}
	const fixed: Record<string, string> = {};
	for (const column of unfedColumns(mapping, columns)) {
		const value = (shaping.fixed[columns[column]] ?? '').trim();
		if (value !== '') fixed[columns[column]] = value;
	}
	return { joins, fixed };
}
