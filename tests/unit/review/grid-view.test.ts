import { describe, expect, it, vi } from 'vitest';
import { COL } from '$lib/domain/template';
import { findProblem } from '$lib/review/find-problem';
import { GridView, rowFilter, type ViewRow } from '$lib/review/grid-view';

type Issue = ViewRow['issues'][number];
const error = (column: number): Issue => ({ column, severity: 'error' });
const warning = (column: number): Issue => ({ column, severity: 'warning' });

/** Review rows numbered from 2, with the issues given by row number. */
function reviewRows(count: number, issues: Record<number, Issue[]> = {}): ViewRow[] {
	return Array.from({ length: count }, (_, i) => ({ rowNumber: i + 2, issues: issues[i + 2] ?? [] }));
}

const numbers = (view: GridView<ViewRow>) => view.slice(0, view.count).map((row) => row.rowNumber);
const immediately = () => Promise.resolve();

describe('GridView', () => {
	it('shows every review row in row order, by index and in blocks, without a filter', () => {
		const view = new GridView(reviewRows(5));
		expect(view.count).toBe(5);
		expect(numbers(view)).toEqual([2, 3, 4, 5, 6]);
		expect(view.at(1)?.rowNumber).toBe(3);
		expect(view.at(5)).toBeUndefined();
		expect(view.slice(3, 100).map((r) => r.rowNumber)).toEqual([5, 6]);
		expect(view.indexOf(4)).toBe(2);
		expect(view.indexOf(9)).toBe(-1);
	});

	it('reads the review’s rows live: a row the review adds is shown at once', () => {
		const rows = reviewRows(2);
		const view = new GridView(rows);
		rows.push({ rowNumber: 4, issues: [] });
		expect(numbers(view)).toEqual([2, 3, 4]);
	});

	it('sorts by row number down, indexes and blocks following', () => {
		const view = new GridView(reviewRows(5));
		expect(view.sort(true)).toBe(true);
		expect(numbers(view)).toEqual([6, 5, 4, 3, 2]);
		expect(view.slice(1, 3).map((r) => r.rowNumber)).toEqual([5, 4]);
		expect(view.indexOf(6)).toBe(0);
		expect(view.indexOf(2)).toBe(4);
		expect(view.sort(true)).toBe(false);
		view.sort(false);
		expect(numbers(view)).toEqual([2, 3, 4, 5, 6]);
	});

	it('shows only the rows with a problem, or with an error in one column', async () => {
		const rows = reviewRows(6, { 3: [warning(COL.Country)], 5: [error(COL.Country)], 6: [error(COL.Timezone)] });
		const view = new GridView(rows);
		expect(await view.applyFilter(rowFilter(true, null), immediately)).toBe(true);
		expect(numbers(view)).toEqual([3, 5, 6]);
		await view.applyFilter(rowFilter(false, COL.Country), immediately);
		expect(numbers(view)).toEqual([5]);
		// A column's filter wins over "only problems", as the error count pressed last does.
		await view.applyFilter(rowFilter(true, COL.Timezone), immediately);
		expect(numbers(view)).toEqual([6]);
		await view.applyFilter(rowFilter(false, null), immediately);
		expect(view.count).toBe(6);
	});

	it('keeps a fixed row in view until the filter is applied again', async () => {
		const rows = reviewRows(4, { 3: [error(COL.Country)] });
		const view = new GridView(rows);
		await view.applyFilter(rowFilter(true, null), immediately);
		rows[1].issues = [];
		expect(numbers(view)).toEqual([3]);
		await view.applyFilter(rowFilter(true, null), immediately);
		expect(numbers(view)).toEqual([]);
	});

	it('takes in rows added that pass the filter, and drops rows removed', async () => {
		const rows = reviewRows(5, { 3: [error(0)], 5: [error(0)] });
		const view = new GridView(rows);
		await view.applyFilter(rowFilter(true, null), immediately);
		const [, three, , five] = rows;
		const added = [
			{ rowNumber: 7, issues: [error(1)] },
			{ rowNumber: 8, issues: [] }
		];
		rows.push(...added);
		view.rowsChanged(added, [five]);
		expect(numbers(view)).toEqual([3, 7]);
		// An undo of the delete brings the row back in its place.
		view.rowsChanged([five], [three]);
		expect(numbers(view)).toEqual([5, 7]);
	});

	it('takes in many rows at once in order', async () => {
		const rows = reviewRows(400, { 10: [error(0)], 300: [error(0)] });
		const view = new GridView(rows);
		await view.applyFilter(rowFilter(true, null), immediately);
		const back = rows.filter((row) => row.rowNumber % 3 === 0).map((row) => ({ ...row, issues: [error(2)] }));
		view.rowsChanged(back, []);
		expect(view.count).toBe(2 + back.length);
		const shown = numbers(view);
		expect(shown).toEqual([...shown].sort((a, b) => a - b));
		view.rowsChanged([], back);
		expect(numbers(view)).toEqual([10, 300]);
	});

	it('filters a million rows in slices, and keeps the rows shown before until it is in', async () => {
		const rows = reviewRows(1_048_575, { 2: [error(0)], 1_000_000: [error(0)] });
		const view = new GridView(rows);
		let pauses = 0;
		const counting = () => {
			pauses++;
			// Before the filter is in, the view still shows every row.
			expect(view.count).toBe(rows.length);
			return Promise.resolve();
		};
		// A clock that moves on 5 ms a look: a slice ends after a few looks.
		let clock = 0;
		const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
		try {
			expect(await view.applyFilter(rowFilter(true, null), counting)).toBe(true);
		} finally {
			now.mockRestore();
		}
		expect(pauses).toBeGreaterThan(10);
		expect(numbers(view)).toEqual([2, 1_000_000]);
	});

	it('drops a filter replaced before it is in, and takes in the rows changed meanwhile', async () => {
		const rows = reviewRows(10_000, { 5: [error(0)], 9_000: [error(COL.Country)] });
		const view = new GridView(rows);
		const waiting: (() => void)[] = [];
		const pause = () => new Promise<void>((resume) => waiting.push(resume));
		let clock = 0;
		const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
		try {
			const first = view.applyFilter(rowFilter(true, null), pause);
			const second = view.applyFilter(rowFilter(false, COL.Country), pause);
			const added = { rowNumber: 10_002, issues: [error(COL.Country)] };
			rows.push(added);
			view.rowsChanged([added], [rows.splice(8_998, 1)[0]]);
			let settled = false;
			const both = Promise.all([first, second]).then((answers) => ((settled = true), answers));
			while (!settled) {
				waiting.shift()?.();
				await new Promise((resume) => setTimeout(resume, 0));
			}
			expect(await both).toEqual([false, true]);
		} finally {
			now.mockRestore();
		}
		expect(numbers(view)).toEqual([10_002]);
	});

	it('says where a row that is not shown would stand, in either order', async () => {
		const rows = reviewRows(8, { 3: [error(0)], 6: [error(0)], 8: [error(0)] });
		const view = new GridView(rows);
		await view.applyFilter(rowFilter(true, null), immediately);
		expect(view.placeOf(5)).toBe(1);
		expect(view.placeOf(2)).toBe(0);
		expect(view.placeOf(9)).toBe(3);
		view.sort(true);
		expect(numbers(view)).toEqual([8, 6, 3]);
		expect(view.placeOf(5)).toBe(2);
		expect(view.placeOf(9)).toBe(0);
	});

	it('is what "Next problem" searches, in the grid’s order', () => {
		const view = new GridView(reviewRows(5, { 3: [error(4)], 5: [error(1)] }));
		view.sort(true);
		expect(findProblem(view, { row: -1, column: -2 }, 1)).toEqual({ rowNumber: 5, column: 1 });
		expect(findProblem(view, { row: 1, column: 1 }, 1)).toEqual({ rowNumber: 3, column: 4 });
	});
});
