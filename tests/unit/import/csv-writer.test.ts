import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { protectFormula, writeCsv } from '$lib/import/csv-writer';

describe('protectFormula', () => {
	it.each(['=SUM(A1:A2)', '+44 20 7123 4567', '-5', '@SUM(A1)', '\tTab', '\rReturn', '=HYPERLINK("http://x")'])(
		'prefixes %j with a quote so a spreadsheet does not execute it',
		(value) => {
			expect(protectFormula(value)).toBe(`'${value}`);
		}
	);

	it.each(['Acme Corp', '', ' =1', 'a=b', '1+1', "'quoted", 'name@example.com', '\nline'])(
		'leaves %j as it is',
		(value) => {
			expect(protectFormula(value)).toBe(value);
		}
	);
});

describe('writeCsv', () => {
	it('ends every line with CRLF, the last one too', () => {
		expect(
			writeCsv([
				['Row', 'Column'],
				['2', 'ClientName']
			])
		).toBe('Row,Column\r\n2,ClientName\r\n');
	});

	it('writes plain cells without quotes', () => {
		expect(writeCsv([['Acme Corp', 'acme.com', '', 'x']])).toBe('Acme Corp,acme.com,,x\r\n');
	});

	it.each([
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['line\nbreak', '"line\nbreak"'],
		['line\r\nbreak', '"line\r\nbreak"'],
		[' padded ', '" padded "'],
		['trailing\t', '"trailing\t"']
	])('quotes %j as %s', (value, written) => {
		expect(writeCsv([[value]])).toBe(`${written}\r\n`);
	});

	it.each([
		['=1+2', "'=1+2"],
		['+1', "'+1"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['\tcmd', "'\tcmd"],
		['\rcmd', `"'\rcmd"`],
		['=A1,B1', `"'=A1,B1"`],
		['=CONCAT("a")', `"'=CONCAT(""a"")"`]
	])('protects the formula-like cell %j and quotes it as needed (%j)', (value, written) => {
		expect(writeCsv([[value]])).toBe(`${written}\r\n`);
	});

	it('writes cells that a CSV parser reads back, protected ones with their quote', () => {
		const rows = [
			['Row', 'Column', 'Value', 'Error'],
			['2', 'ClientName', 'Acme, "the" Corp', 'Client name is also in rows 7, 19.'],
			['3', 'PhoneNumber', '=cmd|/C calc', 'Phone number "x" may only contain digits.'],
			['4', 'SiteName', 'HQ\nAnnex', 'Site name must be on one line.']
		];
		const { data } = Papa.parse<string[]>(writeCsv(rows), { skipEmptyLines: true });
		expect(data).toEqual([rows[0], rows[1], ['3', 'PhoneNumber', "'=cmd|/C calc", rows[2][3]], rows[3]]);
	});
});

describe('the formula guard and its undoing on import', () => {
	it.each(['=x', "'=x", "''+1", '-5', "'plain", 'plain'])('gives %s back as it was', async (value) => {
		const { protectFormula, unprotectFormula } = await import('$lib/import/csv-writer');
		expect(unprotectFormula(protectFormula(value))).toBe(value);
	});
});
