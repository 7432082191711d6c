// "Export CSV": every client, or those matching the list's search, in the import template's format, with every
// field the app stores but the logo (the backup carries that).
import { eachMatchingChunk } from '$lib/db/clients';
import { listCustomFields } from '$lib/db/custom-fields';
import { listGroups } from '$lib/db/groups';
import { listTechnicians } from '$lib/db/technicians';
import { clientsCsv, exportLookups } from '$lib/csv/export-csv';
import { ExportColumns } from '$lib/domain/extra-columns';

export const EXPORT_FILE_NAME = 'clients-export.csv';

export async function exportClientsCsv(search: string): Promise<{ csv: string; count: number }> {
	const [technicians, groups, customFields] = await Promise.all([listTechnicians(), listGroups(), listCustomFields()]);
	// A property is a column of its own: the header names every property any exported client has, so the
	// clients are read twice, a chunk at a time, rather than held all at once.
	const extra = new ExportColumns();
	await eachMatchingChunk(search, (chunk) => extra.add(chunk));
	const lookups = exportLookups(technicians, groups, customFields, extra.columns);
	// Written a chunk at a time: 100,000 full records never sit in memory together.
	const parts = [clientsCsv([], lookups)];
	let count = 0;
	await eachMatchingChunk(search, (chunk) => {
		parts.push(clientsCsv(chunk, lookups, { header: false }));
		count += chunk.length;
	});
	return { csv: parts.join(''), count };
}
