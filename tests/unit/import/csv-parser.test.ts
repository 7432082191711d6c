import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvStreamParser } from '$lib/import/csv-parser';
import { parseCsv } from '../../helpers/parse-csv';
import { detectLayout, type Delimiter } from '$lib/import/delimiter';

const spectrum = new URL('../../../node_modules/csv-spectrum/', import.meta.url);
const spectrumCases = readdirSync(new URL('csvs/', spectrum))
	.filter((name) => name.endsWith('.csv'))
	.map((name) => name.slice(0, -'.csv'.length))
	.sort();

/**
 * Mistakes of the corpus itself, corrected here: location_coordinates.json holds a phone number that is not
 * the one in its CSV (and is one object rather than an array of them).
 */
const CORPUS_ERRATA: Record<string, (expected: Record<string, string>[]) => Record<string, string>[]> = {
	location_coordinates: (expected) => expected.map((row) => ({ ...row, 'Contact Phone Number': '2095257564' }))
};

function readSpectrum(name: string) {
	const csv = readFileSync(new URL(`csvs/${name}.csv`, spectrum), 'utf8');
	const json: unknown = JSON.parse(readFileSync(new URL(`json/${name}.json`, spectrum), 'utf8'));
	const published = [json].flat() as Record<string, string>[];
	return { csv, published, expected: CORPUS_ERRATA[name]?.(published) ?? published };
}

function asObjects(records: string[][]): Record<string, string>[] {
	const [header, ...rows] = records;
	return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

/** Feeds the text in chunks of `size` characters, as the worker feeds decoded slices. */
function parseInChunks(text: string, size: number, delimiter: Delimiter = ',') {
	const parser = new CsvStreamParser(delimiter, detectLayout(text).newline);
	const records: string[][] = [];
	for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
	records.push(...parser.finish());
	return { records, problems: parser.problems };
}

describe('parseCsv conformance with csv-spectrum', () => {
	it('finds the whole corpus, the empty cases included', () => {
		expect(spectrumCases).toEqual(
			expect.arrayContaining(['comma_in_quotes', 'empty', 'empty_crlf', 'newlines_crlf', 'quotes_and_newlines'])
		);
		expect(spectrumCases.length).toBeGreaterThanOrEqual(12);
	});

	it('still needs its corrections to the corpus', () => {
		const { published } = readSpectrum('location_coordinates');
		expect(published[0]['Contact Phone Number']).toBe('1234567890');
	});

	it.each(spectrumCases)('parses %s.csv exactly as the corpus expects', (name) => {
		const { csv, expected } = readSpectrum(name);
		const records = parseCsv(csv, ',');
		expect(asObjects(records)).toEqual(expected);
	});

	it.each(spectrumCases)('gives every record of %s.csv as many fields as its header', (name) => {
		const [header, ...rows] = parseCsv(readSpectrum(name).csv, ',');
		for (const row of rows) expect(row).toHaveLength(header.length);
	});

	it.each(spectrumCases)('parses %s.csv the same when it arrives in small chunks', (name) => {
		const { csv } = readSpectrum(name);
		const whole = parseCsv(csv, ',');
		for (let size = 1; size <= 20; size++) expect(parseInChunks(csv, size).records, `chunks of ${size}`).toEqual(whole);
	});
});

describe('parseCsv', () => {
	it('keeps quoted commas, doubled quotes and line breaks inside their cell', () => {
		expect(parseCsv('a,b,c\n"x, y","say ""hi""","line 1\nline 2"\n', ',')).toEqual([
			['a', 'b', 'c'],
			['x, y', 'say "hi"', 'line 1\nline 2']
		]);
	});

	it('reads CRLF line ends without leaving carriage returns in the cells', () => {
		expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n', ',')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
	});

	it('reads old Mac CR line ends', () => {
		expect(parseCsv('a,b\r1,2\r', ',')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('reads a CRLF file whose first row holds a quoted LF, and an LF file whose first row holds a quoted CRLF', () => {
		expect(parseCsv('"Client\nName",City\r\nAcme,Paris\r\n', ',')).toEqual([
			['Client\nName', 'City'],
			['Acme', 'Paris']
		]);
		expect(parseCsv('"Client\r\nName",City\nAcme,Paris\n', ',')).toEqual([
			['Client\r\nName', 'City'],
			['Acme', 'Paris']
		]);
	});

	it.each([';', '\t', '|'] as const)('splits on %j when told to, and not on commas', (delimiter) => {
		expect(parseCsv(`a${delimiter}b\n1,5${delimiter}"x${delimiter}y"\n`, delimiter)).toEqual([
			['a', 'b'],
			['1,5', `x${delimiter}y`]
		]);
	});

	it('keeps a blank line in the middle as an empty record', () => {
		expect(parseCsv('a,b\n1,2\n\n3,4\n', ',')).toEqual([['a', 'b'], ['1', '2'], [''], ['3', '4']]);
	});

	it('gives nothing for an empty text', () => {
		expect(parseCsv('', ',')).toEqual([]);
	});

	it('reads the last record without a line break after it', () => {
		expect(parseCsv('a,b\n1,2', ',')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});
});

describe('CsvStreamParser', () => {
	const tricky = [
		'ClientName,AddressLine,EmailDomains,Note\r\n',
		'"Acme, Inc","Suite 1\r\nBuilding 2","acme.com, acme.net","say ""hi"""\r\n',
		'Globex,"",globex.com,"""quoted"" start"\r\n',
		'"Initech","a ""b"", c\nd",,"end, ""with"" quote"\r\n',
		'Umbrella,Main St,umbrella.com,plain\r\n'
	].join('');
	const trickyRecords = [
		['ClientName', 'AddressLine', 'EmailDomains', 'Note'],
		['Acme, Inc', 'Suite 1\r\nBuilding 2', 'acme.com, acme.net', 'say "hi"'],
		['Globex', '', 'globex.com', '"quoted" start'],
		['Initech', 'a "b", c\nd', '', 'end, "with" quote'],
		['Umbrella', 'Main St', 'umbrella.com', 'plain']
	];

	it('parses quoted commas, quotes and line breaks with CRLF in one push', () => {
		expect(parseCsv(tricky, ',')).toEqual(trickyRecords);
	});

	it.each(Array.from({ length: 20 }, (_, i) => i + 1))(
		'gives the same records when fed in chunks of %i characters',
		(size) => {
			expect(parseInChunks(tricky, size).records).toEqual(trickyRecords);
		}
	);

	// A record held back for the next push is judged only once it is complete.
	it('reports no problem when a chunk ends between a closing quote and the CR LF after it', () => {
		const parser = new CsvStreamParser(',', '\r\n');
		const records = [...parser.push('a,"b"\r'), ...parser.push('\n1,2\r\n'), ...parser.finish()];
		expect(records).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(parser.problems).toEqual([]);
	});

	it('reports no problem for well-formed CRLF text, however it is chunked', () => {
		for (let size = 1; size <= 20; size++)
			expect(parseInChunks(tricky, size).problems, `chunks of ${size}`).toEqual([]);
	});

	it('gives the same records in chunks when the text does not end with a line break', () => {
		const text = 'a;b\n"1;\n2";"x ""y"""\n3;4';
		const whole = parseCsv(text, ';');
		expect(whole).toEqual([
			['a', 'b'],
			['1;\n2', 'x "y"'],
			['3', '4']
		]);
		for (let size = 1; size <= 20; size++) expect(parseInChunks(text, size, ';').records).toEqual(whole);
	});

	it('returns only complete records from a push, the rest at finish', () => {
		const parser = new CsvStreamParser(',', '\n');
		expect(parser.push('a,b\n1,"two')).toEqual([['a', 'b']]);
		expect(parser.push(' lines\n",3\n4,')).toEqual([['1', 'two lines\n', '3']]);
		expect(parser.finish()).toEqual([['4', '']]);
	});

	it('reports a quote left open at the end of the file, at its record', () => {
		const parser = new CsvStreamParser(',', '\n');
		const records = [...parser.push('a,b\n1,2\n3,"never closed\n4,5\n'), ...parser.finish()];
		expect(records).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', 'never closed\n4,5\n']
		]);
		expect(parser.problems).toEqual([{ record: 2, message: expect.stringMatching(/quoted cell is never closed/) }]);
	});

	it('reports an unclosed quote once, at the same record, however the text is chunked', () => {
		const text = 'a,b\n1,2\n3,"never closed\n4,5\n';
		for (let size = 1; size <= 20; size++) {
			expect(parseInChunks(text, size).problems, `chunks of ${size}`).toEqual([
				{ record: 2, message: expect.stringMatching(/never closed/) }
			]);
		}
	});

	it('reports no problem for well-formed text', () => {
		const parser = new CsvStreamParser(',', '\n');
		parser.push('a,b\n"1",2\n');
		parser.finish();
		expect(parser.problems).toEqual([]);
	});
});
