import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { DELIMITERS, detectLayout, type Layout } from '$lib/import/delimiter';

const lines = (...rows: string[]) => rows.join('\n') + '\n';
const repeat = (count: number, row: string) => Array.from({ length: count }, () => row);
/** Text as the app has it: decoded by TextDecoder, which leaves a UTF-8 byte order mark out. */
const decodedWithBom = (text: string) =>
	new TextDecoder('utf-8').decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));

/** papaparse's guess with its defaults: detectLayout without the `skipEmptyLines` it sets. */
function papaparseDefaultGuess(text: string): Layout {
	const { meta } = Papa.parse<string[]>(text, {
		delimiter: '',
		delimitersToGuess: DELIMITERS.map((d) => d.value),
		preview: 1
	});
	return { delimiter: meta.delimiter, newline: meta.linebreak } as Layout;
}

interface Case extends Layout {
	name: string;
	text: string;
}

/**
 * Files an admin brings, with the delimiter and line break they are written with. Each was also run through
 * the guesses this app had of its own (a count of delimiters per line, the first line break outside quotes):
 * papaparse agrees with them on all of them but the ones named in the tests further down.
 */
const CASES: Case[] = [
	{
		name: 'comma, LF',
		text: lines('ClientName,City,Country', 'Acme,Paris,FR', 'Globex,Berlin,DE'),
		delimiter: ',',
		newline: '\n'
	},
	{
		name: 'comma, CRLF',
		text: 'ClientName,City,Country\r\nAcme,Paris,FR\r\nGlobex,Berlin,DE\r\n',
		delimiter: ',',
		newline: '\r\n'
	},
	{
		name: 'semicolon with decimal commas (European Excel)',
		text: 'ClientName;Amount;Rate\r\nAcme;1,5;2,25\r\nGlobex;3,5;0,5\r\n',
		delimiter: ';',
		newline: '\r\n'
	},
	{
		name: 'the template header separated by semicolons',
		text: lines(TEMPLATE_COLUMNS.join(';'), TEMPLATE_COLUMNS.map(() => 'x').join(';')),
		delimiter: ';',
		newline: '\n'
	},
	{
		name: 'semicolon, two columns, twelve rows',
		text: lines('ClientName;City', ...repeat(12, 'Acme;Paris')),
		delimiter: ';',
		newline: '\n'
	},
	{
		name: 'tab, CRLF (Excel "Unicode text")',
		text: 'ClientName\tCity\tCountry\r\nAcme\tParis\tFR\r\nGlobex\tBerlin\tDE\r\n',
		delimiter: '\t',
		newline: '\r\n'
	},
	{
		name: 'pipe',
		text: lines('ClientName|City|Country', 'Acme|Paris|FR', 'Globex|Berlin|DE'),
		delimiter: '|',
		newline: '\n'
	},
	{
		name: 'comma, quoted cells holding semicolons, tabs and pipes',
		text: lines(
			'ClientName,SiteName,City',
			'"Acme; Inc","HQ | Annex","Paris\tNorth"',
			'"Globex; Ltd","A;B;C;D","Berlin"'
		),
		delimiter: ',',
		newline: '\n'
	},
	{
		name: 'semicolon, quoted cells holding commas',
		text: lines(
			'ClientName;EmailDomains;City',
			'Acme;"acme.com, acme.net, acme.org";Paris',
			'Globex;globex.com;Berlin'
		),
		delimiter: ';',
		newline: '\n'
	},
	{
		name: 'semicolon, unquoted cells holding commas in varying numbers',
		text: lines(
			'ClientName;EmailDomains;AddressLine',
			'Acme, Inc;acme.com, acme.net;1 Rue de Rivoli, Paris',
			'Globex;globex.com;Unter den Linden 5, Berlin',
			'Initech, LLC;initech.com, initech.net, initech.org;Main St'
		),
		delimiter: ';',
		newline: '\n'
	},
	{
		name: 'comma, rows short of fields (mixed counts)',
		text: lines('ClientName,City,Country,Phone', 'Acme,Paris', 'Globex,Berlin,DE', 'Initech,Austin,US,555'),
		delimiter: ',',
		newline: '\n'
	},
	{
		name: 'a quoted LF inside a data row of a CRLF file',
		text: 'ClientName,AddressLine,City\r\nAcme,"Suite 1\nBuilding, 2",Paris\r\nGlobex,Main St,Berlin\r\n',
		delimiter: ',',
		newline: '\r\n'
	},
	{
		name: 'a quoted LF in the first row, before its CRLF',
		text: '"Client\nName";City;Country\r\nAcme;Paris;FR\r\nGlobex;Berlin;DE\r\n',
		delimiter: ';',
		newline: '\r\n'
	},
	{
		name: 'a quoted CR in the first row, before its LF',
		text: '"Client\rName",City,Country\nAcme,Paris,FR\n',
		delimiter: ',',
		newline: '\n'
	},
	{
		name: 'a quoted CRLF in the first row, before its CR (old Mac)',
		text: '"Client\r\nName";City;Country\rAcme;Paris;FR\r',
		delimiter: ';',
		newline: '\r'
	},
	{
		name: 'a quoted CRLF in a data row of an LF file',
		text: 'ClientName,AddressLine,City\n"Acme","1 Main St\r\nSuite 2",Paris\nGlobex,x,Berlin\n',
		delimiter: ',',
		newline: '\n'
	},
	{
		name: 'an inch mark in an unquoted cell, then a quoted line break',
		text: 'Name,Size,Note\r\nTV,5" screen,x\r\nAcme,"line 1\nline 2",y\r\n',
		delimiter: ',',
		newline: '\r\n'
	},
	{
		name: 'a quote never closed',
		text: '"never closed\r\n1,2',
		delimiter: ',',
		newline: '\r\n'
	},
	{
		name: 'CR line ends (old Mac)',
		text: 'ClientName;City;Country\rAcme;Paris;FR\rGlobex;Berlin;DE\r',
		delimiter: ';',
		newline: '\r'
	},
	{
		name: 'a header only',
		text: 'ClientName;City;Country\r\n',
		delimiter: ';',
		newline: '\r\n'
	},
	{
		name: 'a header only, without a line break',
		text: 'ClientName;City;Country',
		delimiter: ';',
		newline: '\n'
	},
	{
		name: 'one column: a comma, as no delimiter splits it',
		text: lines('ClientName', 'Acme', 'Globex'),
		delimiter: ',',
		newline: '\n'
	},
	{
		name: 'blank lines written by Excel as delimiters only',
		text: 'ClientName;City;Country\r\nAcme;Paris;FR\r\n;;\r\n;;\r\n',
		delimiter: ';',
		newline: '\r\n'
	},
	{
		name: 'a UTF-8 byte order mark',
		text: decodedWithBom('ClientName;City;Country\r\nAcme;Paris;FR\r\n'),
		delimiter: ';',
		newline: '\r\n'
	},
	{
		name: 'a byte order mark left in the text before a quoted header',
		text: '\uFEFF"ClientName";"City";"Country"\r\n"Acme";"Paris";"FR"\r\n',
		delimiter: ';',
		newline: '\r\n'
	},
	{
		name: 'a sample that cuts its last line short',
		text: 'a;b;c\n1;2;3\n4;5;6\n7;8',
		delimiter: ';',
		newline: '\n'
	},
	{
		name: 'a sample that cuts a quoted cell short',
		text: 'ClientName;AddressLine;City\r\nAcme;Main St;Paris\r\nGlobex;"Suite 1\r\nBuil',
		delimiter: ';',
		newline: '\r\n'
	}
];

describe('detectLayout', () => {
	it.each(CASES)('$name', ({ text, delimiter, newline }) => {
		expect(detectLayout(text)).toEqual({ delimiter, newline });
	});

	it('finds the same as papaparse with its defaults in these cases', () => {
		for (const { name, text } of CASES) expect(papaparseDefaultGuess(text), name).toEqual(detectLayout(text));
	});

	// Why detectLayout sets skipEmptyLines: papaparse counts the empty line after the final line break as a row
	// of one field, and a delimiter must average two fields a row or more.
	it.each([
		['a short two-column file ending in a line break', 'ClientName;City\r\nAcme;Paris\r\nGlobex;Berlin\r\n', ';'],
		['a short two-column file with decimal commas', lines('ClientName;Amount', 'Acme;1,5', 'Globex;3,5'), ';'],
		['a two-column header only', 'ClientName\tCity\r\n', '\t'],
		[
			'a blank line among the first rows of a two-column file',
			lines('ClientName;City', 'Acme;Paris', '', ...repeat(10, 'Globex;Berlin')),
			';'
		]
	])('%s: papaparse by default reads one column (a comma), skipping blank lines it finds %j', (_, text, delimiter) => {
		expect(papaparseDefaultGuess(text).delimiter).toBe(',');
		expect(detectLayout(text).delimiter).toBe(delimiter);
	});

	// The guess this app had of its own took the first line's count of delimiters, and read these as one column.
	it.each([
		[
			'a title line above the header',
			lines('Client export 2024-05-01', 'ClientName;City;Country', 'Acme;Paris;FR', 'Globex;Berlin;DE')
		],
		['a blank first line', lines('', 'ClientName;City;Country', 'Acme;Paris;FR')]
	])('%s: finds the delimiter of the rows after it', (_, text) => {
		expect(detectLayout(text).delimiter).toBe(';');
	});

	// The guess this app had of its own took the first line break outside quotes, CRLF, and made one record of
	// "1", "2\r3", "4\r5", "6\r"; by CR, every row is there, the first with an LF before its "1".
	it('mixed line breaks, a CRLF first line before CR ones: the line break used most, CR', () => {
		expect(detectLayout('a,b\r\n1,2\r3,4\r5,6\r').newline).toBe('\r');
	});

	// Neither guess finds it: papaparse averages 1.9 fields a row over its first ten. The admin picks it in the
	// settings bar (and the title becomes the header, which the header check reports).
	it('a title line above two columns: read as one column, a comma', () => {
		const text = lines('Client export', 'ClientName;City', ...repeat(10, 'Acme;Paris'));
		expect(detectLayout(text).delimiter).toBe(',');
	});
});
