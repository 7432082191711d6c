import { describe, expect, it } from 'vitest';
import { openWorkbook, sharedStrings, streamSheet, type SheetRow } from '$lib/import/workbook/workbook';
import { readZipDirectory } from '$lib/import/workbook/zip';
import { asZip64, buildXlsx, workbookParts, zipParts } from '../../../helpers/workbook-builder.js';

const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** The rows of a workbook's first sheet, as the reader streams them. */
async function rowsOf(bytes: Uint8Array): Promise<SheetRow[]> {
	const workbook = await openWorkbook(blob(bytes));
	const strings = await sharedStrings(workbook);
	const rows: SheetRow[] = [];
	await streamSheet(workbook, workbook.sheets[0], strings, (row) => {
		rows.push(row);
	});
	return rows;
}

type Parts = Parameters<typeof workbookParts>[0];
const read = (xml: Parts, options?: { stored?: boolean }) => rowsOf(zipParts(workbookParts(xml), options));

/** Styles whose cell formats (s="0", s="1", …) use these number formats: built-in ids or codes. */
function styles(...formats: (number | string)[]): string {
	const custom = formats.filter((f): f is string => typeof f === 'string');
	const numFmts = custom.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${code}"/>`).join('');
	const xfs = formats
		.map((f) => `<xf numFmtId="${typeof f === 'number' ? f : 164 + custom.indexOf(f)}" applyNumberFormat="1"/>`)
		.join('');
	return `<numFmts count="${custom.length}">${numFmts}</numFmts><cellXfs count="${formats.length}">${xfs}</cellXfs>`;
}

describe('reading a workbook as its writer wrote it', () => {
	it('reads SpreadsheetML under a namespace prefix (x:), as some writers produce it', async () => {
		const rows = await read({
			prefix: 'x',
			sheetData:
				'<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>42</x:v></x:c></x:row><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Inline</x:t></x:is></x:c></x:row>',
			sharedStrings: '<x:si><x:t>Acme</x:t></x:si>'
		});
		expect(rows).toEqual([
			{ rowNumber: 1, cells: ['Acme', '42'] },
			{ rowNumber: 2, cells: ['', 'Inline'] }
		]);
	});

	it('joins rich-text runs and leaves phonetic runs out, in shared and inline strings', async () => {
		const rows = await read({
			sheetData:
				'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>Inline </t></r><r><rPr><i/></rPr><t>rich</t></r></is></c></row>',
			sharedStrings:
				'<si><r><t>Acme </t></r><r><rPr><b/></rPr><t>Corp</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
		});
		expect(rows[0].cells).toEqual(['Acme Corp', '東京', 'Inline rich']);
	});

	it('places cells without an r attribute after the one before, and rows without one after the last', async () => {
		const rows = await read({
			sheetData:
				'<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>'
		});
		expect(rows).toEqual([
			{ rowNumber: 1, cells: ['a', '2'] },
			{ rowNumber: 4, cells: ['', '', '3', '4'] },
			{ rowNumber: 5, cells: ['5'] }
		]);
	});

	it('reads a formula\'s last computed value: a number, a string (t="str"), a boolean or an error', async () => {
		const rows = await read({
			sheetData:
				'<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>UPPER("acme")</f><v>ACME &amp; CO</v></c><c r="C1" t="b"><f>1&gt;0</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f>NOW()</f></c><c r="F1" t="e"><v>#N/A</v></c></row>'
		});
		expect(rows[0].cells).toEqual(['2', 'ACME & CO', 'true', '#DIV/0!', '', '#N/A']);
	});

	it('reads shared strings, inline strings, booleans and an empty shared-string index', async () => {
		const rows = await read({
			sheetData:
				'<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v/></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="s"><v>0</v></c></row>',
			sharedStrings: '<si><t>first</t></si><si><t>Q&amp;A</t></si>'
		});
		// An empty <v/> names no string: it is not the first one.
		expect(rows[0].cells).toEqual(['Q&A', '', ' padded ', 'false', 'true', 'first']);
	});

	it('shows dates and times of the 1900 date system by their formats, in ISO form', async () => {
		const rows = await read({
			styles: styles(0, 14, 'dd/mm/yyyy hh:mm', 'h:mm:ss', '[h]:mm', '0.00%'),
			sheetData:
				'<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000.5</v></c><c r="C1" s="3"><v>0.75</v></c><c r="D1" s="4"><v>1.5</v></c><c r="E1" s="5"><v>0.125</v></c><c r="F1" s="0"><v>45000</v></c><c r="G1" t="d"><v>2023-03-15T00:00:00Z</v></c></row>'
		});
		expect(rows[0].cells).toEqual([
			'2023-03-15',
			'2023-03-15 12:00',
			'18:00:00',
			'36:00',
			'12.50%',
			'45000',
			'2023-03-15'
		]);
	});

	it('counts dates from 1904 when the workbook says so', async () => {
		const sheetData = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43538</v></c></row>';
		const in1904 = await read({ styles: styles(0, 14), workbookPr: '<workbookPr date1904="1"/>', sheetData });
		expect(in1904[0].cells).toEqual(['1904-01-01', '2023-03-15']);
		const inTrueForm = await read({ styles: styles(0, 14), workbookPr: '<workbookPr date1904="true"/>', sheetData });
		expect(inTrueForm[0].cells).toEqual(['1904-01-01', '2023-03-15']);
		const in1900 = await read({ styles: styles(0, 14), sheetData });
		expect(in1900[0].cells[1]).toBe('2019-03-14');
	});
});

describe('the ZIP around a workbook', () => {
	const parts = workbookParts({
		sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row>',
		sharedStrings: '<si><t>stored</t></si>'
	});

	it('reads parts stored uncompressed, as some writers store them', async () => {
		const bytes = zipParts(parts, { stored: true });
		const entries = await readZipDirectory(blob(bytes));
		expect(entries.map((entry) => entry.method)).toEqual(entries.map(() => 0));
		expect(await rowsOf(bytes)).toEqual([{ rowNumber: 1, cells: ['stored', '7'] }]);
	});

	it('reads a ZIP64 archive, taking the sizes and offsets from its ZIP64 records', async () => {
		const bytes = asZip64(zipParts(parts));
		const entries = await readZipDirectory(blob(bytes));
		const sheet = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml');
		expect(sheet?.uncompressedSize).toBe(new TextEncoder().encode(parts['xl/worksheets/sheet1.xml']).length);
		expect(await rowsOf(bytes)).toEqual([{ rowNumber: 1, cells: ['stored', '7'] }]);
		const clients = buildXlsx([{ name: 'Clients', rows: [['Company'], ['Acme']] }]);
		expect(await rowsOf(asZip64(clients))).toEqual(await rowsOf(clients));
	});

	it('refuses a ZIP64 archive whose ZIP64 end record is missing, as damaged', async () => {
		const bytes = asZip64(zipParts(parts));
		// The locator, 20 bytes before the 22-byte end record, loses its signature.
		bytes[bytes.length - 42] = 0;
		await expect(openWorkbook(blob(bytes))).rejects.toThrow(
			/^This workbook is damaged \(its list of contents says it is larger than it is\)/
		);
	});

	it('finds parts whatever the case of their names, and with Windows backslashes', async () => {
		const renamed = Object.fromEntries(
			Object.entries(parts).map(([name, text]) => [
				name === 'xl/sharedStrings.xml' ? 'xl/SharedStrings.xml' : name.replace('xl/worksheets/', 'xl\\worksheets\\'),
				text
			])
		);
		expect(await rowsOf(zipParts(renamed))).toEqual([{ rowNumber: 1, cells: ['stored', '7'] }]);
	});
});
