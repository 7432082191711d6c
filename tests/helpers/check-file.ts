// Tests' reference check of a whole file at once: each row's own rules plus uniqueness across rows. The app
// checks files streamed, in the worker (read-file.ts, check-pool.ts), from the same pieces; tests compare
// what it finds with this plain form.
import { sortIssues, type RowIssue } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import { UniquenessIndex } from '$lib/domain/uniqueness';
import type { WorkspaceIndex } from '$lib/domain/workspace';

export interface NumberedRow {
	/** Spreadsheet row number: the header is row 1, the first data row is row 2. */
	rowNumber: number;
	values: readonly string[];
}

/** Issues per row number, each row's sorted by template column order; rows without issues are absent. */
export function checkFile(rows: readonly NumberedRow[], workspace: WorkspaceIndex): Map<number, RowIssue[]> {
	const uniqueness = new UniquenessIndex();
	for (const row of rows) uniqueness.set(row.rowNumber, row.values);
	const result = new Map<number, RowIssue[]>();
	for (const row of rows) {
		const issues = [...checkRow(row.values, workspace), ...uniqueness.issuesFor(row.rowNumber, row.values)];
		if (issues.length > 0) result.set(row.rowNumber, sortIssues(issues));
	}
	return result;
}
