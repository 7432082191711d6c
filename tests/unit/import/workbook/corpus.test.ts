// The workbook reader against SheetJS, cell for cell, on real workbooks that Excel, LibreOffice, Google Sheets,
// Numbers and other programs wrote (tests/fixtures/workbooks/README.md says where each comes from). The
// reader yields the text a cell shows, so it is compared with SheetJS's formatted text (`w`, what
// sheet_to_json gives with raw: false), through the normalisations that docs/workbook-reader.md lists.
// Anything else that differs must be named, with its reason, in EXPECTED_DIFFERENCES.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openWorkbook, sharedStrings, streamSheet } from '$lib/import/workbook/workbook';

const FOLDER = 'tests/fixtures/workbooks';
const FILES = readdirSync(FOLDER).filter((name) => name.endsWith('.xlsx'));

/** The same reason for several cells of a sheet. */
function cells(sheet: string, addresses: string[], reason: string): Record<string, string> {
	return Object.fromEntries(addresses.map((address) => [`${sheet}!${address}`, reason]));
}

/** The number-format sheet that LibreOffice wrote, and Excel saved again: the same cells differ in both. */
const NUMBER_FORMAT_SHEET = {
	...cells('Sheet1', ['B31'], 'format #.## on a whole number: Excel shows "1.", the reader leaves the lone point off'),
	...cells(
		'Sheet1',
		['B34', 'D34', 'F34', 'H34', 'J34', 'B36', 'D36', 'F36', 'H36', 'J36'],
		'a format of an AM/PM marker alone (A/P, a/p) shows no number: the reader keeps the number'
	)
};

/** Cells where the reader and SheetJS differ on purpose, by file, then `Sheet!A1`, with why. */
const EXPECTED_DIFFERENCES: Record<string, Record<string, string>> = {
	'excel-number-formats.xlsx': NUMBER_FORMAT_SHEET,
	'libreoffice-number-formats.xlsx': NUMBER_FORMAT_SHEET,
	'excel-mac-formula-stress.xlsx': cells(
		'Finance',
		['H36'],
		'date serial 0 is Excel\'s "January 0, 1900", a day that never was: the reader shows 1899-12-31'
	),
	'excel-rich-text-after-plain.xlsx': {
		'Sheet1!A2':
			'a string item of plain text followed by runs (<t>tval</t><r>…</r>): SheetJS keeps the first text only; the reader joins them all, as the schema allows and calamine reads it'
	},
	'minimal-package-inline-strings.xlsx': {
		'Sheet1!A1': 'an inline string of plain text followed by a run: as above'
	}
};

/** Every non-empty cell the reader yields, by sheet name, then by address. */
async function readerCells(bytes: Uint8Array): Promise<Map<string, Map<string, string>>> {
	const workbook = await openWorkbook(new Blob([bytes as Uint8Array<ArrayBuffer>]));
	const strings = await sharedStrings(workbook);
	const sheets = new Map<string, Map<string, string>>();
	for (const sheet of workbook.sheets) {
		const cells = new Map<string, string>();
		await streamSheet(workbook, sheet, strings, (row) => {
			row.cells.forEach((text, c) => {
				if (text !== '') cells.set(XLSX.utils.encode_cell({ r: row.rowNumber - 1, c }), text);
			});
		});
		sheets.set(sheet.name, cells);
	}
	return sheets;
}

/** Formats the reader leaves as the plain number, by design (docs/workbook-reader.md). */
const PLAIN_NUMBER_FORMATS: [string, RegExp][] = [
	// SheetJS, like Excel's cell, rounds General to 11 characters (1.23457E+22); the reader keeps every digit.
	['General', /^general$/i],
	['scientific', /E[+-]/i],
	['fraction', /[#?0] *\/ *[#?0-9]/],
	['conditional', /\[[<>=]/],
	['a section left empty to hide the number', /;;|;$/]
];

function isPlainNumber(text: string, value: number): boolean {
	const number = Number(text);
	return text.trim() !== '' && Math.abs(number - value) <= Math.abs(value) * 1e-14;
}

const ISO = /^(?:(\d{4})-(\d{2})-(\d{2}))? ?(?:(\d+):(\d{2})(?::(\d{2}))?)?$/;

/** A date or time the reader shows in ISO form agrees, in every part it shows, with SheetJS's date code. */
function isSameDate(text: string, value: number, format: string, date1904: boolean): boolean {
	const match = ISO.exec(text);
	if (!match || text === '') return false;
	const [, year, month, day, hours, minutes, seconds] = match;
	const code = XLSX.SSF.parse_date_code(value, { date1904 });
	if (year && (Number(year) !== code.y || Number(month) !== code.m || Number(day) !== code.d)) return false;
	if (!hours) return true;
	// SheetJS cuts a time to the second below; the reader rounds it to the nearest.
	const elapsedDays = /\[h/i.test(format) ? code.D : 0;
	const theirs = (elapsedDays * 24 + code.H) * 3600 + code.M * 60 + code.S + code.u;
	const ours = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds ?? 0);
	const gap = theirs - ours;
	return seconds === undefined ? gap > -1 && gap < 60 : Math.abs(gap) <= 1;
}

/** Whether the reader's text is what SheetJS's cell shows, through the documented normalisations. */
function matches(text: string, cell: XLSX.CellObject, date1904: boolean): boolean {
	switch (cell.t) {
		case 's':
			// A row's trailing cells of spaces alone are left off, as empty ones are.
			return text === String(cell.v) || (text === '' && String(cell.v).trim() === '');
		case 'b':
			// SheetJS shows TRUE/FALSE as Excel does; the reader gives true/false.
			return text === String(cell.v);
		case 'e':
			return text === cell.w;
		case 'n': {
			const value = cell.v as number;
			const format = String(cell.z ?? 'General');
			if (text === cell.w) return true;
			if (XLSX.SSF.is_date(format)) {
				// Excel shows a negative date as ####: the reader keeps the number.
				return value < 0 ? isPlainNumber(text, value) : isSameDate(text, value, format, date1904);
			}
			return PLAIN_NUMBER_FORMATS.some(([, kind]) => kind.test(format)) && isPlainNumber(text, value);
		}
		default:
			return text === String(cell.w ?? cell.v ?? '');
	}
}

/** The cells where the two disagree, as `Sheet!A1: SheetJS "…", reader "…"`, keyed by `Sheet!A1`. */
function differences(reader: Map<string, Map<string, string>>, sheetjs: XLSX.WorkBook): Map<string, string> {
	const found = new Map<string, string>();
	const date1904 = !!sheetjs.Workbook?.WBProps?.date1904;
	for (const name of sheetjs.SheetNames) {
		const sheet = sheetjs.Sheets[name];
		const ours = reader.get(name);
		const addresses = Object.keys(sheet).filter((key) => key[0] !== '!');
		// A chart sheet holds no rows (SheetJS gives it its chart's cached series): the reader lists it not.
		if (sheet['!type'] === 'chart') {
			if (ours) found.set(name, 'a chart sheet the reader lists');
			continue;
		}
		if (!ours) {
			if (addresses.length > 0) found.set(name, `a sheet of ${addresses.length} cells the reader does not list`);
			continue;
		}
		for (const address of addresses) {
			const cell = sheet[address] as XLSX.CellObject;
			const text = ours.get(address) ?? '';
			if (!matches(text, cell, date1904)) {
				found.set(`${name}!${address}`, `SheetJS ${JSON.stringify(cell.w ?? cell.v)}, reader ${JSON.stringify(text)}`);
			}
		}
		for (const [address, text] of ours) {
			if (!(address in sheet)) found.set(`${name}!${address}`, `SheetJS no cell, reader ${JSON.stringify(text)}`);
		}
	}
	for (const name of reader.keys()) {
		if (!sheetjs.SheetNames.includes(name)) found.set(name, 'a sheet SheetJS does not list');
	}
	return found;
}

describe('the workbook reader against SheetJS on real workbooks', () => {
	it('has a corpus of at least 20 workbooks, each with its origin recorded', () => {
		const readme = readFileSync(`${FOLDER}/README.md`, 'utf8');
		expect(FILES.length).toBeGreaterThanOrEqual(20);
		expect(FILES.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
	});

	it.each(FILES)('%s reads as SheetJS reads it, cell for cell', async (name) => {
		const bytes = new Uint8Array(readFileSync(`${FOLDER}/${name}`));
		const sheetjs = XLSX.read(bytes, { type: 'buffer', cellNF: true });
		const found = differences(await readerCells(bytes), sheetjs);
		const expected = EXPECTED_DIFFERENCES[name] ?? {};
		// No other difference may happen, and each listed one must still happen.
		expect(Object.fromEntries([...found].filter(([cell]) => !(cell in expected)))).toEqual({});
		expect(Object.keys(expected).filter((cell) => !found.has(cell))).toEqual([]);
		// A corpus file the comparison found nothing in would prove nothing.
		expect(sheetjs.SheetNames.some((sheet) => Object.keys(sheetjs.Sheets[sheet]).length > 1)).toBe(true);
	});
});
