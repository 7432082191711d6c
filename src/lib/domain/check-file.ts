// A whole file at once: each row's own rules plus uniqueness across rows. The worker streams through the
// same pieces; this is the simple form for tests, the form and small files.
import type { RowIssue } from './issues';
import { checkRow } from './rules';
import { UniquenessIndex } from './uniqueness';
import type { WorkspaceIndex } from './workspace';

export interface NumberedRow {
	/** Spreadsheet row number: the header is row 1, the first data row is row 2. */
	rowNumber: number;
	values: readonly string[];
}

export function sortIssues(issues: RowIssue[]): RowIssue[] {
	return issues.sort((a, b) => a.column - b.column);
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
