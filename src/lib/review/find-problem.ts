// Where "Next problem" (F8) and "Previous problem" (Shift+F8) go: the next cell with a problem in the grid's
// order, as pure logic over the rows the grid shows (its view, grid-view.ts), so that it is tested without a grid.

/** The rows the grid shows, in its order (filtered and sorted as the admin sees them). */
export interface ShownRows {
	count: number;
	at(index: number): { rowNumber: number; issues: readonly { column: number }[] } | undefined;
}

/** A place in the grid: a shown row's index and a column (WHOLE_ROW, -1, for the row number). */
export interface GridPosition {
	row: number;
	column: number;
}

/**
 * The first cell with a problem after `from` (before it, when `direction` is -1), in row then column order;
 * undefined when there is none. `from` may lie outside the rows (-1, or `count`) to search from an end.
 */
export function findProblem(
	rows: ShownRows,
	from: GridPosition,
	direction: 1 | -1
): { rowNumber: number; column: number } | undefined {
	for (let index = from.row; index >= -1 && index <= rows.count; index += direction) {
		const row = rows.at(index);
		// Most rows have no problem: passed without building anything, so a search over a million stays short.
		if (!row || row.issues.length === 0) continue;
		const columns = [...new Set(row.issues.map((issue) => issue.column))].sort((a, b) => (a - b) * direction);
		const past = (column: number) => (direction === 1 ? column > from.column : column < from.column);
		const column = columns.find((c) => index !== from.row || past(c));
		if (column !== undefined) return { rowNumber: row.rowNumber, column };
	}
	return undefined;
}
