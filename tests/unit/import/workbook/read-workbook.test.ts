import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '$lib/import/column-plan';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { FileSettings, ParsedRow } from '$lib/import/protocol';
import { inspectFile, readFile } from '$lib/import/read-file';
import { detectHeaderRow } from '$lib/import/workbook/read-workbook';
import { checkUnpackedSize, MAX_UNPACKED_BYTES } from '$lib/import/workbook/zip';
import { buildXlsx, compoundFile, declareUnpackedSize } from '../../../helpers/workbook-builder.js';
import { WORKSPACE } from '../../domain/valid-row';

const xlsx = (bytes: Uint8Array, name = 'clients.xlsx') => new File([bytes as Uint8Array<ArrayBuffer>], name);

const HEADER = ['Company', 'First Name', 'Last Name', 'Email', 'Site', 'Time Zone', 'Country Code', 'Phone', 'Zip'];
const client = (n: number) => [
	`Client ${n}`,
	'Ann',
	'Lee',
	`ann@client${n}.example`,
	'HQ',
	'America/New_York',
	1,
	4155550100 + n,
	{ value: 2134, format: '00000' }
];

/** A workbook with a notes sheet, then a client sheet with two title rows and a blank row above its header. */
function twoSheets(rows = 3) {
	return buildXlsx([
		{ name: 'Notes', rows: [['Exported from the old PSA'], ['Ask Dana before importing']] },
		{
			name: 'Clients',
			rows: [['Client list'], ['March 2026'], null, HEADER, ...Array.from({ length: rows }, (_, i) => client(i + 1))]
		}
	]);
}

async function readAll(file: File, settings: FileSettings, mapping: ColumnMapping) {
	const rows: ParsedRow[] = [];
	await readFile(file, { settings, mapping, workspace: WORKSPACE, onRows: (batch) => rows.push(...batch) });
	return rows;
}

describe('opening a workbook', () => {
	it('lists the sheets, takes the first with rows, and finds the header under the title rows', async () => {
		const inspection = await inspectFile(xlsx(twoSheets()));
		expect(inspection.sheets).toEqual(['Notes', 'Clients']);
		// The notes sheet has rows: it is the first with data, but its "header" names no column.
		expect(inspection.settings.sheet).toBe(0);
		const clients = await inspectFile(xlsx(twoSheets()), { sheet: 1 });
		expect(clients.settings.headerRow).toBe(4);
		expect(clients.detected.headerRow).toBe(4);
		expect(clients.header).toEqual(HEADER);
		expect(clients.headerCheck.mapping).toEqual(
			[
				'ClientName',
				'PrimaryContactFirstName',
				'PrimaryContactLastName',
				'PrimaryContactEmail',
				'SiteName',
				'Timezone',
				'Code',
				'PhoneNumber',
				'PostalCode'
			].map((name) => COL[name as keyof typeof COL])
		);
		expect(clients.samples[7]).toEqual(['4155550101', '4155550102', '4155550103']);
		expect(clients.samples[8]).toEqual(['02134']);
		expect(clients.hasRows).toBe(true);
	});

	it('reads every row after the header with the sheet’s own row numbers and the cells’ shown text', async () => {
		const file = xlsx(twoSheets(2500));
		const inspection = await inspectFile(file, { sheet: 1 });
		const rows = await readAll(file, inspection.settings, inspection.headerCheck.mapping);
		expect(rows).toHaveLength(2500);
		expect(rows[0].rowNumber).toBe(5);
		expect(rows[2499].rowNumber).toBe(2504);
		expect(rows[0].values[COL.ClientName]).toBe('Client 1');
		expect(rows[0].values[COL.PhoneNumber]).toBe('4155550101');
		expect(rows[0].values[COL.PostalCode]).toBe('02134');
		expect(rows[0].issues.filter((issue) => issue.severity === 'error')).toEqual([]);
	});

	it('takes the header row the admin sets', async () => {
		const inspection = await inspectFile(xlsx(twoSheets()), { sheet: 1, headerRow: 5 });
		expect(inspection.header[0]).toBe('Client 1');
		expect(inspection.detected.headerRow).toBe(4);
		await expect(inspectFile(xlsx(twoSheets()), { sheet: 1, headerRow: 3 })).rejects.toThrow(
			/Row 3 of the sheet "Clients" is empty/
		);
	});

	it('reads inline strings, booleans, dates and a row at the sheet’s last row number', async () => {
		const file = xlsx(
			buildXlsx([
				{
					name: 'S',
					rows: [[...TEMPLATE_COLUMNS], [{ inline: 'A & B' }, true, { date: 46112, format: 'm/d/yyyy' }]],
					rowNumbers: [1, 1048576]
				}
			])
		);
		const inspection = await inspectFile(file);
		expect(inspection.headerCheck.exact).toBe(true);
		const rows = await readAll(file, inspection.settings, inspection.headerCheck.mapping);
		expect(rows.map((row) => [row.rowNumber, ...row.values.slice(0, 3)])).toEqual([
			[1048576, 'A & B', 'true', '2026-03-31']
		]);
	});

	it('passes over a sheet of one line for the first with rows under a header', async () => {
		const file = xlsx(
			buildXlsx([
				{ name: 'Note', rows: [['Exported 2026-03-31']] },
				{ name: 'Clients', rows: [HEADER, client(1)] }
			])
		);
		expect((await inspectFile(file)).settings.sheet).toBe(1);
		const oneLiners = xlsx(
			buildXlsx([
				{ name: 'A', rows: [] },
				{ name: 'B', rows: [HEADER] }
			])
		);
		const inspection = await inspectFile(oneLiners);
		expect(inspection.settings.sheet).toBe(1);
		expect(inspection.hasRows).toBe(false);
	});

	it('prefers a visible sheet to a hidden one', async () => {
		const file = xlsx(
			buildXlsx([
				{ name: 'Lookup', hidden: true, rows: [['x']] },
				{ name: 'Clients', rows: [HEADER, client(1)] }
			])
		);
		const inspection = await inspectFile(file);
		expect(inspection.sheets).toEqual(['Lookup (hidden)', 'Clients']);
		expect(inspection.settings.sheet).toBe(1);
	});

	it('goes by content, not by name: a CSV named .xlsx is read as a CSV', async () => {
		const inspection = await inspectFile(new File([TEMPLATE_COLUMNS.join(',') + '\n'], 'clients.xlsx'));
		expect(inspection.headerCheck.exact).toBe(true);
		expect(inspection.sheets).toBeUndefined();
	});
});

describe('the header row', () => {
	const row = (rowNumber: number, cells: string[]) => ({ rowNumber, cells });
	it('is the row that names the most template columns, by names or synonyms', () => {
		expect(
			detectHeaderRow([row(1, ['Clients 2026']), row(2, ['Company', 'Email', 'Notes']), row(3, ['Acme', 'a@b.c'])])
		).toBe(2);
		expect(detectHeaderRow([row(2, ['Name']), row(3, ['ClientName', 'Email', 'SiteName'])])).toBe(3);
	});
	it('is the first row when no row names a column', () => {
		expect(detectHeaderRow([row(3, ['a', 'b']), row(4, ['c'])])).toBe(3);
	});
});

describe('a workbook that cannot be read', () => {
	it('says a password-protected workbook must have its password removed', async () => {
		await expect(inspectFile(xlsx(compoundFile('EncryptedPackage')))).rejects.toThrow(
			'This workbook is protected with a password: open it in Excel, remove the password (File › Info › Protect Workbook), save and choose it again.'
		);
	});

	it('asks for an Excel 97–2003 workbook to be saved as .xlsx or CSV', async () => {
		await expect(inspectFile(xlsx(compoundFile('Workbook'), 'clients.xls'))).rejects.toThrow(
			/Excel 97–2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\) or as CSV/
		);
	});

	it('refuses a workbook that declares more than the limit before unpacking anything', async () => {
		const bomb = declareUnpackedSize(twoSheets(), 0x7fffffff);
		await expect(inspectFile(xlsx(bomb))).rejects.toThrow(
			/unpacks to .* MB, more than the 1,024 MB the importer reads/
		);
		expect(() => checkUnpackedSize([{ uncompressedSize: MAX_UNPACKED_BYTES + 1 } as never])).toThrow(/1,024 MB/);
	});

	it('stops a part that unpacks to more than it declared', async () => {
		const lying = declareUnpackedSize(twoSheets(), 10);
		await expect(inspectFile(xlsx(lying))).rejects.toThrow(/unpacks to more than it declares/);
	});

	it('says a workbook with no rows has none', async () => {
		await expect(inspectFile(xlsx(buildXlsx([{ name: 'Sheet1', rows: [] }])))).rejects.toThrow(
			'This workbook has no rows: its sheet is empty.'
		);
		await expect(
			inspectFile(
				xlsx(
					buildXlsx([
						{ name: 'A', rows: [] },
						{ name: 'B', rows: [null, [null, '']] }
					])
				)
			)
		).rejects.toThrow('This workbook has no rows: its 2 sheets are all empty.');
		await expect(inspectFile(xlsx(twoSheets()), { sheet: 5 })).rejects.toThrow(/is empty: choose another sheet/);
	});

	it('names an OpenDocument spreadsheet, a damaged file and another ZIP', async () => {
		const { strToU8, zipSync } = await import('fflate');
		const ods = zipSync({
			mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
			'content.xml': strToU8('<x/>')
		});
		await expect(inspectFile(xlsx(ods, 'clients.ods'))).rejects.toThrow(/OpenDocument spreadsheet \(\.ods\)/);
		await expect(inspectFile(xlsx(zipSync({ 'a.txt': strToU8('hi') }), 'a.zip'))).rejects.toThrow(
			'This file is a ZIP archive, not an Excel workbook (.xlsx) or a CSV.'
		);
		await expect(inspectFile(xlsx(twoSheets().slice(0, 2000)))).rejects.toThrow(/This workbook is damaged/);
	});
});
