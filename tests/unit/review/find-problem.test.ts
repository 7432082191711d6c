import { describe, expect, it } from 'vitest';
import { findProblem, type ShownRows } from '$lib/review/find-problem';

/** Shown rows from [rowNumber, problem columns] pairs, in the grid's order. */
function shown(...rows: [number, number[]][]): ShownRows {
	return {
		count: rows.length,
		at: (index) => {
			const row = rows[index];
			return row && { rowNumber: row[0], issues: row[1].map((column) => ({ column })) };
		}
	};
}

const rows = shown([2, []], [3, [4, 1]], [4, []], [5, [-1, 13, 13]], [6, [0]]);

describe('findProblem', () => {
	it('finds the first problem from before the first row, in column order within a row', () => {
		expect(findProblem(rows, { row: -1, column: -2 }, 1)).toEqual({ rowNumber: 3, column: 1 });
	});

	it('moves to the next column of the same row, then to the next row with a problem', () => {
		expect(findProblem(rows, { row: 1, column: 1 }, 1)).toEqual({ rowNumber: 3, column: 4 });
		expect(findProblem(rows, { row: 1, column: 4 }, 1)).toEqual({ rowNumber: 5, column: -1 });
		expect(findProblem(rows, { row: 3, column: -1 }, 1)).toEqual({ rowNumber: 5, column: 13 });
	});

	it('goes back in reverse order: the previous column, then the previous row’s last problem', () => {
		expect(findProblem(rows, { row: 3, column: 13 }, -1)).toEqual({ rowNumber: 5, column: -1 });
		expect(findProblem(rows, { row: 3, column: -1 }, -1)).toEqual({ rowNumber: 3, column: 4 });
		expect(findProblem(rows, { row: rows.count, column: Infinity }, -1)).toEqual({ rowNumber: 6, column: 0 });
	});

	it('says there is none past the last problem, and before the first', () => {
		expect(findProblem(rows, { row: 4, column: 0 }, 1)).toBeUndefined();
		expect(findProblem(rows, { row: 1, column: 1 }, -1)).toBeUndefined();
	});

	it('counts a row the grid no longer shows from where it would stand (column ±Infinity)', () => {
		expect(findProblem(rows, { row: 2, column: Infinity }, 1)).toEqual({ rowNumber: 5, column: -1 });
		expect(findProblem(rows, { row: 2, column: -Infinity }, -1)).toEqual({ rowNumber: 3, column: 4 });
	});

	it('finds nothing in a grid without rows', () => {
		expect(findProblem(shown(), { row: -1, column: -2 }, 1)).toBeUndefined();
	});
});
