import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../helpers/check-file';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { EMPTY_WORKSPACE } from '$lib/domain/workspace';

const fixtures = new URL('../../fixtures/', import.meta.url);

function readRows(name: string) {
	const { data } = Papa.parse<string[]>(readFileSync(new URL(name, fixtures), 'utf8'), { skipEmptyLines: true });
	const [header, ...rows] = data;
	return { header, rows: rows.map((values, index) => ({ rowNumber: index + 2, values })) };
}

function errorPairs(name: string): string[] {
	const { rows } = readRows(name);
	const pairs: string[] = [];
	for (const [rowNumber, issues] of checkFile(rows, EMPTY_WORKSPACE)) {
		for (const issue of issues)
			if (issue.severity === 'error') pairs.push(`${rowNumber},${TEMPLATE_COLUMNS[issue.column]}`);
	}
	return pairs;
}

describe('the fixtures', () => {
	it('accepts every row of clients-valid.csv', () => {
		expect(readRows('clients-valid.csv').header).toEqual([...TEMPLATE_COLUMNS]);
		expect(errorPairs('clients-valid.csv')).toEqual([]);
	});

	it('reports exactly the expected errors of clients-with-errors.csv', () => {
		const expected = readFileSync(new URL('clients-with-errors.expected.csv', fixtures), 'utf8')
			.trim()
			.split(/\r?\n/)
			.slice(1);
		expect(errorPairs('clients-with-errors.csv')).toEqual(expected);
	});
});
