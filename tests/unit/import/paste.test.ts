import { describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { checkHeader } from '$lib/import/header';
import { inspectFile } from '$lib/import/read-file';
import {
	formatTsv,
	looksLikeHeader,
	parseTsv,
	PASTED_SETTINGS,
	pastedFile,
	withTemplateHeader
} from '$lib/import/paste';
import { parseCsv } from '../../helpers/parse-csv';

describe('parseTsv: cells copied from a spreadsheet', () => {
	it('splits rows on line breaks and cells on tabs, with no row for the trailing line break', () => {
		expect(parseTsv('a\tb\tc\nd\te\tf\n')).toEqual([
			['a', 'b', 'c'],
			['d', 'e', 'f']
		]);
		expect(parseTsv('only')).toEqual([['only']]);
		expect(parseTsv('')).toEqual([]);
	});

	it('reads Windows line breaks (CRLF), as Excel copies them, and old Mac CRs', () => {
		expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(parseTsv('a\rb')).toEqual([['a'], ['b']]);
	});

	it('keeps the line breaks of a quoted cell inside it', () => {
		expect(parseTsv('"12 Main St\nSuite 4"\tBoston\r\nx\ty\r\n')).toEqual([
			['12 Main St\nSuite 4', 'Boston'],
			['x', 'y']
		]);
		expect(parseTsv('a\t"line 1\r\nline 2"')).toEqual([['a', 'line 1\r\nline 2']]);
	});

	it('undoubles the quotes of a quoted cell', () => {
		expect(parseTsv('"She said ""hi""\nbye"\tx')).toEqual([['She said "hi"\nbye', 'x']]);
		expect(parseTsv('""""\t""')).toEqual([['"', '']]);
	});

	it('takes a quote that does not open a quoted cell as text', () => {
		expect(parseTsv('5" screen\t"Big" Bob\tO"Neil')).toEqual([['5" screen', '"Big" Bob', 'O"Neil']]);
		expect(parseTsv('"never closed\tb\nc')).toEqual([['"never closed', 'b'], ['c']]);
	});

	it('keeps ragged rows and empty cells as they are', () => {
		expect(parseTsv('a\tb\tc\nd\n\te\t\n')).toEqual([['a', 'b', 'c'], ['d'], ['', 'e', '']]);
		expect(parseTsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
	});

	it('reads back what formatTsv writes, cell for cell', () => {
		const rows = [
			['plain', 'with\ttab', 'two\nlines', '"quoted"', 'in "the" middle', ''],
			['', 'x', 'CR\r\nLF', '5"', 'é ✓', 'last']
		];
		expect(parseTsv(formatTsv(rows))).toEqual(rows);
		expect(formatTsv([['a', 'b\nc']])).toBe('a\t"b\nc"');
	});
});

describe('pasted cells read as a file', () => {
	it('are found to be tab-separated and their header checked', async () => {
		const text = `${TEMPLATE_COLUMNS.join('\t')}\r\nAcme, Inc.\tJane\r\n`;
		const inspected = await inspectFile(pastedFile(text), PASTED_SETTINGS);
		expect(inspected.settings.delimiter).toBe('\t');
		expect(inspected.detected.delimiter).toBe('\t');
		expect(inspected.headerCheck.exact).toBe(true);
		expect(inspected.hasRows).toBe(true);
	});

	it('tell a first row of data from a header', () => {
		expect(looksLikeHeader(checkHeader(['Company', 'First Name', 'Email']))).toBe(true);
		expect(looksLikeHeader(checkHeader(['Acme Ltd', 'Jane', 'jane@acme.example', '44']))).toBe(false);
	});

	it("take the template's columns in order, each row squared to its width", async () => {
		const file = withTemplateHeader('Acme\tJane\t"Doe\nJr"\r\nBeta\tBo\n', TEMPLATE_COLUMNS);
		const records = parseCsv(await file.text(), '\t');
		expect(records[0]).toEqual([...TEMPLATE_COLUMNS]);
		expect(records.slice(1).map((r) => r.length)).toEqual([TEMPLATE_COLUMNS.length, TEMPLATE_COLUMNS.length]);
		expect(records[1].slice(0, 4)).toEqual(['Acme', 'Jane', 'Doe\nJr', '']);
		expect(records[2].slice(0, 2)).toEqual(['Beta', 'Bo']);
	});
});
