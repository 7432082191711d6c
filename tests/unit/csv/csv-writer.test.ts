import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../helpers/parse-csv';
import { protectFormula, unprotectFormula, writeCsv } from '$lib/csv/csv-writer';

describe('protectFormula', () => {
	it.each([
		'=SUM(A1:A2)',
		'+44 20 7123 4567',
		'-5',
		'@SUM(A1)',
		'\tTab',
		'\rReturn',
		'=HYPERLINK("http://x")',
		'  =2+2',
		' =1',
		'\n=HYPERLINK("http://evil.example")',
		'\r\n+1',
		' \t @cmd',
		'\u00a0-1'
	])('prefixes %j with a quote so a spreadsheet does not execute it', (value) => {
		expect(protectFormula(value)).toBe(`'${value}`);
	});

	it.each(["'quoted", "'+44 7700", "''-twice", "'"])(
		'prefixes %j, which already begins with a quote, so the importer gives it back whole',
		(value) => {
			expect(protectFormula(value)).toBe(`'${value}`);
		}
	);

	it.each(['Acme Corp', '', 'a=b', '1+1', 'name@example.com', '\nline', '  padded', "O'Brien", 'x\n=1'])(
		'leaves %j as it is',
		(value) => {
			expect(protectFormula(value)).toBe(value);
		}
	);
});

describe('unprotectFormula, on a value the admin wrote', () => {
	it.each([
		["'=1+2", '=1+2'],
		["'+44 7700", '+44 7700'],
		["''-twice", "'-twice"],
		["'  =2+2", '  =2+2']
	])('takes the guard off %j: it is what the guard writes for %j', (written, value) => {
		expect(unprotectFormula(written)).toBe(value);
	});

	it.each(["'s-Hertogenbosch", "'plain", "'", "O'Brien", '=1', ''])(
		'leaves %j as it is: no guard writes a quote before a value that needs none',
		(value) => {
			expect(unprotectFormula(value)).toBe(value);
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
	it.each(['=x', "'=x", "''+1", '-5', "'plain", 'plain', "'", "''", '  =2+2', "' =1", '\n@x'])(
		'gives %j back as it was',
		(value) => {
			expect(unprotectFormula(protectFormula(value))).toBe(value);
		}
	);

	/** A small seeded generator (mulberry32), so a failure names a value that can be tried again. */
	function random(seed: number) {
		return () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}
	const ALPHABET = [..."=+-@'\t\r\n ", '\u00a0', 'a', 'b', 'Z', '1', ',', '"'];
	function values(count: number, seed: number): string[] {
		const next = random(seed);
		return Array.from({ length: count }, () =>
			Array.from({ length: Math.floor(next() * 9) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('')
		);
	}

	it('are exact inverses on 20,000 generated values, and no guarded value can start a formula', () => {
		for (const value of values(20_000, 12)) {
			const written = protectFormula(value);
			expect(unprotectFormula(written), JSON.stringify(value)).toBe(value);
			// What is written either begins with the guard or holds nothing a spreadsheet would execute.
			expect(written.startsWith("'") || !/^(\s*[=+\-@]|[\t\r])/.test(written), JSON.stringify(value)).toBe(true);
		}
	});

	it("round-trip every generated value through a written CSV and the importer's parser, byte for byte", () => {
		const cells = values(6_000, 99);
		const rows: string[][] = [];
		for (let i = 0; i < cells.length; i += 3) rows.push(['row', ...cells.slice(i, i + 3)]);
		const read = parseCsv(writeCsv(rows), ',')
			.filter((record) => record.join('') !== '') // the end of the last line, as the importer skips it
			.map((record) => record.map(unprotectFormula));
		expect(read).toEqual(rows);
	});
});
