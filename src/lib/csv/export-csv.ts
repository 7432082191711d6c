// Stored clients as CSV in the import template's format (its columns, then one per custom field, headed
// with the field's name, then the extra columns that carry the rest of a client: hours, holidays, properties
// and its id), so that an export imports back as the same clients. Cells that a spreadsheet
// would execute are guarded by `writeCsv`; the importer takes the guard off again.
import { toTemplateValues, type ClientRecord, type RecordLookups } from '$lib/domain/client';
import { templateShape, type CustomField } from '$lib/domain/custom-fields';
import { writeCsv } from './csv-writer';

/** What the export needs to write names for ids (technicians' emails, groups' names), and its columns after the template's. */
export function exportLookups(
	technicians: readonly { id: string; email: string }[],
	groups: readonly { id: string; name: string }[],
	customFields: readonly CustomField[],
	extraColumns: readonly string[] = []
): RecordLookups {
	return {
		technicianEmailById: new Map(technicians.map((t) => [t.id, t.email])),
		groupNameById: new Map(groups.map((g) => [g.id, g.name])),
		customFields,
		extraColumns
	};
}

/**
 * The CSV text of these clients, one row each, after the header. `header: false` writes the rows alone, so a
 * large export can be written a chunk at a time and joined.
 */
export function clientsCsv(
	clients: Iterable<ClientRecord>,
	lookups: RecordLookups,
	{ header = true }: { header?: boolean } = {}
): string {
	const rows: string[][] = header ? [[...templateShape(lookups.customFields, lookups.extraColumns).columns]] : [];
	for (const client of clients) rows.push(toTemplateValues(client, lookups));
	return rows.length > 0 ? writeCsv(rows) : '';
}
