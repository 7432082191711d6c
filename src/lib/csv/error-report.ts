// The error report (`Row,Column,Value,Error,Severity`, sorted by row then template column order) and the
// skipped rows in the template's own format with an `Errors` column last. Both through the safe CSV writer.
import { WHOLE_ROW, type RowIssue } from '$lib/domain/issues';
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { writeCsv } from './csv-writer';

export interface RowWithIssues {
	rowNumber: number;
	values: readonly string[];
	issues: readonly RowIssue[];
}

export const REPORT_HEADER = ['Row', 'Column', 'Value', 'Error', 'Severity'];

export function errorReport(rows: readonly RowWithIssues[], columns: readonly string[] = TEMPLATE_COLUMNS): string {
	const lines: string[][] = [REPORT_HEADER];
	const sorted = [...rows].sort((a, b) => a.rowNumber - b.rowNumber);
	for (const row of sorted) {
		for (const issue of [...row.issues].sort((a, b) => a.column - b.column)) {
			const whole = issue.column === WHOLE_ROW;
			lines.push([
				String(row.rowNumber),
				whole ? '(whole row)' : columns[issue.column],
				whole ? '' : (row.values[issue.column] ?? ''),
				issue.message,
				issue.severity
			]);
		}
	}
	return writeCsv(lines);
}

/** Rows left out of an import, ready to fix and import again. */
export function skippedRowsCsv(rows: readonly RowWithIssues[], columns: readonly string[] = TEMPLATE_COLUMNS): string {
	return writeCsv([
		[...columns, 'Errors'],
		...rows.map((row) => [
			...row.values,
			row.issues
				.filter((i) => i.severity === 'error')
				.map((i) => (i.column === WHOLE_ROW ? i.message : `${columns[i.column]}: ${i.message}`))
				.join(' | ')
		])
	]);
}
