import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColDef } from 'ag-grid-community';
import { setUpInSteps } from '$lib/review/grid-setup';

/** A grid whose width shows `fits` columns, pinned ones included; it records the options it is given. */
function fakeGrid(fits: number) {
	const given: { columnDefs?: ColDef[]; rowBuffer?: number }[] = [];
	let columns: ColDef[] = [];
	const shown = () => columns.filter((column) => !column.hide);
	return {
		given,
		setGridOption(key: 'columnDefs' | 'rowBuffer', value: ColDef[] | number) {
			if (key === 'columnDefs') columns = value as ColDef[];
			given.push({ [key]: value });
		},
		getAllDisplayedColumns: () => shown(),
		getAllDisplayedVirtualColumns: () => shown().slice(0, fits)
	};
}

const COLUMNS: ColDef[] = [
	{ colId: 'row', pinned: 'left' },
	{ colId: 'change', pinned: 'left', hide: true },
	...Array.from({ length: 12 }, (_, i) => ({ colId: `c${i}` }))
];

const FRAME_MS = 16;

describe('setUpInSteps', () => {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		vi.stubGlobal('requestAnimationFrame', (draw: () => void) => setTimeout(draw, FRAME_MS));
		vi.stubGlobal('cancelAnimationFrame', (frame: ReturnType<typeof setTimeout>) => clearTimeout(frame));
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('gives the grid every column, a few at a time until its width is full, then its rows beyond those shown', () => {
		const grid = fakeGrid(5);
		const columnsSet = vi.fn();
		setUpInSteps(grid, COLUMNS, { rowBuffer: 10, columnsSet });
		expect(grid.given).toEqual([]);

		vi.runAllTimers();
		const columnSteps = grid.given.flatMap((step) => (step.columnDefs ? [step.columnDefs.length] : []));
		// The pinned columns, two at a time until some do not show, then the rest at once.
		expect(columnSteps).toEqual([2, 4, 6, 8, 14]);
		expect(grid.given.at(-1)).toEqual({ rowBuffer: 10 });
		expect(grid.given.filter((step) => step.rowBuffer !== undefined).length).toBeGreaterThan(1);
		expect(columnsSet).toHaveBeenCalledOnce();
		expect(grid.given.at(columnSteps.length - 1)?.columnDefs).toEqual(COLUMNS);
	});

	it('takes one step a frame', () => {
		const grid = fakeGrid(5);
		setUpInSteps(grid, COLUMNS, { rowBuffer: 10, columnsSet: () => {} });
		vi.advanceTimersByTime(FRAME_MS + 1);
		expect(grid.given).toHaveLength(1);
		vi.advanceTimersByTime(FRAME_MS + 1);
		expect(grid.given).toHaveLength(2);
	});

	it('takes no step once stopped (the grid is gone)', () => {
		const grid = fakeGrid(5);
		const columnsSet = vi.fn();
		const stop = setUpInSteps(grid, COLUMNS, { rowBuffer: 10, columnsSet });
		vi.advanceTimersByTime(FRAME_MS + 1);
		stop();
		vi.runAllTimers();
		expect(grid.given).toHaveLength(1);
		expect(columnsSet).not.toHaveBeenCalled();
	});

	it('gives a review read whole every column in the next task, waiting for no frame', () => {
		const grid = fakeGrid(5);
		const columnsSet = vi.fn();
		setUpInSteps(grid, COLUMNS, { rowBuffer: 10, columnsSet, atOnce: true });
		expect(grid.given).toEqual([]);
		vi.advanceTimersByTime(0);
		expect(grid.given).toEqual([{ columnDefs: COLUMNS }]);
		expect(columnsSet).toHaveBeenCalledOnce();
		vi.runAllTimers();
		expect(grid.given).toHaveLength(1);
	});
});
