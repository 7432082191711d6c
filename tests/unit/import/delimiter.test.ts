import { describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { detectDelimiter } from '$lib/import/delimiter';

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('detectDelimiter', () => {
	it.each([
		['comma', ','],
		['semicolon', ';'],
		['tab', '\t'],
		['pipe', '|']
	] as const)('detects a %s-separated file', (_, delimiter) => {
		const text = lines(
			['ClientName', 'City', 'Country'].join(delimiter),
			['Acme', 'Paris', 'FR'].join(delimiter),
			['Globex', 'Berlin', 'DE'].join(delimiter)
		);
		expect(detectDelimiter(text)).toBe(delimiter);
	});

	it('detects the template header separated by semicolons, as Excel writes it in European locales', () => {
		const text = lines(TEMPLATE_COLUMNS.join(';'), TEMPLATE_COLUMNS.map(() => 'x').join(';'));
		expect(detectDelimiter(text)).toBe(';');
	});

	it('detects commas when quoted cells contain semicolons, tabs and pipes', () => {
		const text = lines(
			'ClientName,SiteName,City',
			'"Acme; Inc","HQ | Annex","Paris\tNorth"',
			'"Globex; Ltd","A;B;C;D","Berlin"'
		);
		expect(detectDelimiter(text)).toBe(',');
	});

	it('detects semicolons when quoted cells contain commas', () => {
		const text = lines(
			'ClientName;EmailDomains;City',
			'Acme;"acme.com, acme.net, acme.org";Paris',
			'Globex;globex.com;Berlin'
		);
		expect(detectDelimiter(text)).toBe(';');
	});

	it('detects semicolons in a file whose unquoted cells contain commas', () => {
		const text = lines(
			'ClientName;EmailDomains;AddressLine',
			'Acme, Inc;acme.com, acme.net;1 Rue de Rivoli, Paris',
			'Globex;globex.com;Unter den Linden 5, Berlin',
			'Initech, LLC;initech.com, initech.net, initech.org;Main St'
		);
		expect(detectDelimiter(text)).toBe(';');
	});

	it('ignores a quoted cell that spans lines', () => {
		const text = lines('ClientName;AddressLine;City', 'Acme;"Suite 1\nBuilding, 2";Paris', 'Globex;Main St;Berlin');
		expect(detectDelimiter(text)).toBe(';');
	});

	it('reads CRLF line ends', () => {
		expect(detectDelimiter('ClientName\tCity\r\nAcme\tParis\r\nGlobex\tBerlin\r\n')).toBe('\t');
	});

	it('detects the delimiter when the sample cuts its last line short', () => {
		expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n7;8')).toBe(';');
	});

	it('falls back to a comma for a file with one column', () => {
		expect(detectDelimiter(lines('ClientName', 'Acme', 'Globex'))).toBe(',');
	});
});
