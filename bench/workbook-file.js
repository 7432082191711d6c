// The benchmark's client workbooks: a size's CSV, its very rows, as an .xlsx (shared strings, numbers as
// numbers where Excel would store them so: the calling codes and phones of digits alone), to time a workbook
// to the grid beside the CSV. Written once per CSV, kept in bench/out/.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { buildXlsx } from '../tests/helpers/workbook-builder.js';

/** A value as a spreadsheet cell: digits alone (no leading zero, within a double's precision) as a number. */
function cell(value) {
	if (value === '') return null;
	return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : value;
}

/** The workbook of a CSV from `clientFile`, with the same counts. */
export function workbookFile(csv) {
	const path = csv.path.replace(/\.csv$/, '.xlsx');
	if (!existsSync(path) || statSync(path).mtimeMs < statSync(csv.path).mtimeMs) {
		const { data } = Papa.parse(readFileSync(csv.path, 'utf8'), { skipEmptyLines: true });
		const rows = data.map((record, i) => (i === 0 ? record : record.map(cell)));
		writeFileSync(path, buildXlsx([{ name: 'Clients', rows }]));
	}
	return { ...csv, path, bytes: statSync(path).size, format: 'xlsx' };
}
