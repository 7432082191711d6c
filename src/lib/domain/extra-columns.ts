// The optional columns after the template's and the custom fields': what the export writes so that a client
// comes back whole (business hours, holidays, its own properties) and its id, which keys an update (a name
// changed in the spreadsheet renames the client). A file carries any of them, in any order; a row keeps their
// values after the custom fields', in the order the header names them.
import { emptyExtras, type ClientExtras, type ClientProperty } from './client-extras';
import { formatHolidays, formatHours, parseHolidays, parseHours, propertyColumn, propertyName } from './extras-text';
import type { RowIssue } from './issues';

export const HOURS_COLUMN = 'Hours';
export const HOLIDAYS_COLUMN = 'Holidays';
/** The app's own id of the client: the export writes it last. */
export const CLIENT_ID_COLUMN = 'ClientId';

/** Case, spaces and punctuation aside, as the header check compares names. */
function key(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Other ways a header names the fixed extra columns, compared by `key`. */
const FIXED_NAMES = new Map<string, string>([
	...['Hours', 'Business hours', 'Opening hours', 'Working hours'].map((n): [string, string] => [key(n), HOURS_COLUMN]),
	...['Holidays', 'Holiday', 'Public holidays'].map((n): [string, string] => [key(n), HOLIDAYS_COLUMN]),
	...['ClientId', 'Client ID'].map((n): [string, string] => [key(n), CLIENT_ID_COLUMN])
]);

/** The extra column a header cell names (`business hours` is Hours), by the name the export writes; or undefined. */
export function extraColumnOf(cell: string): string | undefined {
	const fixed = FIXED_NAMES.get(key(cell));
	if (fixed !== undefined) return fixed;
	const name = propertyName(cell);
	return name === undefined ? undefined : propertyColumn(name);
}

/**
 * The extra columns a header carries, by the names the export writes (`Hours`, `Property: Contract type`…), in
 * header order, each once (property names compared without case, as the form's rules do). A header cell that
 * names one of `known` (a template column or a custom field) is that column, not an extra one.
 */
export function extraColumnsIn(header: readonly string[], known: readonly string[]): string[] {
	const taken = new Set(known.map(key));
	const extra: string[] = [];
	for (const cell of header) {
		const name = taken.has(key(cell)) ? undefined : extraColumnOf(cell);
		if (name !== undefined && !extra.some((other) => other.toLowerCase() === name.toLowerCase())) extra.push(name);
	}
	return extra;
}

/** Checks one trimmed value of an extra column; `column` is where it sits in the row. */
export function checkExtraValue(name: string, value: string, column: number): RowIssue | undefined {
	if (value === '') return undefined;
	const read = name === HOURS_COLUMN ? parseHours(value) : name === HOLIDAYS_COLUMN ? parseHolidays(value) : undefined;
	if (read === undefined || !('problem' in read)) return undefined;
	return {
		column,
		severity: 'error',
		code: name === HOURS_COLUMN ? 'hours_invalid' : 'holidays_invalid',
		message: read.problem
	};
}

/**
 * The extras a row gives a new client: hours and holidays from their columns (the form's defaults where the
 * file has none or the cell is empty), and a property for each property column with a value. The logo is
 * never in a file.
 */
export function extrasOfRow(value: (column: number) => string, columns: readonly string[], first: number): ClientExtras {
	const extras = emptyExtras();
	for (let column = first; column < columns.length; column++) {
		const name = columns[column];
		const cell = value(column);
		if (cell === '') continue;
		if (name === HOURS_COLUMN) {
			const read = parseHours(cell);
			if ('hours' in read) extras.businessHours = read.hours;
		} else if (name === HOLIDAYS_COLUMN) {
			const read = parseHolidays(cell);
			if ('holidays' in read) extras.holidays = read.holidays;
		} else {
			const property = propertyName(name);
			if (property !== undefined) extras.properties.push({ name: property, value: cell });
		}
	}
	return extras;
}

/** A client's property by name, case aside, as the form's rules compare property names. */
export function findProperty(properties: readonly ClientProperty[], name: string): ClientProperty | undefined {
	const wanted = name.toLowerCase();
	return properties.find((property) => property.name.trim().toLowerCase() === wanted);
}

/** A client's value in an extra column, as the export writes it. */
export function extraValue(
	client: { id: string; businessHours: ClientExtras['businessHours']; holidays: ClientExtras['holidays']; properties: readonly ClientProperty[] },
	name: string
): string {
	if (name === HOURS_COLUMN) return formatHours(client.businessHours);
	if (name === HOLIDAYS_COLUMN) return formatHolidays(client.holidays);
	if (name === CLIENT_ID_COLUMN) return client.id;
	const property = propertyName(name);
	return property === undefined ? '' : (findProperty(client.properties, property)?.value ?? '');
}

/**
 * The extra columns an export of these clients writes: Hours and Holidays, one `Property: <name>` per property
 * name any of them has (the first spelling met, case aside), and ClientId last.
 */
export class ExportColumns {
	private readonly properties = new Map<string, string>();

	/** Notes the property names of these clients. */
	add(clients: Iterable<{ properties: readonly ClientProperty[] }>): void {
		for (const client of clients) {
			for (const { name } of client.properties) {
				const trimmed = name.trim();
				const lower = trimmed.toLowerCase();
				if (trimmed !== '' && !this.properties.has(lower)) this.properties.set(lower, trimmed);
			}
		}
	}

	get columns(): string[] {
		return [HOURS_COLUMN, HOLIDAYS_COLUMN, ...[...this.properties.values()].map(propertyColumn), CLIENT_ID_COLUMN];
	}
}
