// ag-grid for the review: only the modules the grid uses are registered, and only on the import page,
// since this module is imported by the review grid alone; and the grid's set-up, in short steps.
import {
	CellStyleModule,
	ColumnApiModule,
	CustomEditorModule,
	EventApiModule,
	InfiniteRowModelModule,
	LargeTextEditorModule,
	ModuleRegistry,
	RenderApiModule,
	RowApiModule,
	RowSelectionModule,
	ScrollApiModule,
	TextEditorModule,
	TooltipModule,
	ValidationModule,
	themeQuartz,
	type ColDef
} from 'ag-grid-community';
import { afterNextFrame } from '$lib/components/idle';

ModuleRegistry.registerModules([
	// The rows stay in the review: the grid asks for the blocks it draws (grid-view.ts), never holding a million.
	InfiniteRowModelModule,
	TextEditorModule,
	CustomEditorModule, // the searchable select editor (option-cell-editor.ts)
	LargeTextEditorModule,
	CellStyleModule,
	TooltipModule,
	RowSelectionModule,
	ScrollApiModule,
	RenderApiModule,
	RowApiModule,
	EventApiModule, // a focus waits for its row's block (modelUpdated)
	ColumnApiModule, // the Change column shows once the file names an existing client
	...(import.meta.env.DEV ? [ValidationModule] : [])
]);

export const reviewTheme = themeQuartz.withParams({
	fontFamily: 'inherit',
	fontSize: 14,
	headerFontWeight: 600,
	accentColor: '#1f5f8b',
	rowHeight: 36,
	headerHeight: 40
});

/** Columns a step of the set-up adds: each draws a cell in every row shown. */
const COLUMNS_PER_STEP = 2;
/** Rows a step of the set-up adds beyond those shown. */
const ROWS_PER_STEP = 4;

/** What the set-up asks of the grid (its GridApi). */
interface SetUpApi<T> {
	setGridOption(key: 'columnDefs', value: ColDef<T>[]): void;
	setGridOption(key: 'rowBuffer', value: number): void;
	getAllDisplayedColumns(): unknown[];
	/** The columns drawn: those in the grid's width. */
	getAllDisplayedVirtualColumns(): unknown[];
}

/**
 * Gives a grid created with no columns and no rows drawn beyond those shown (`rowBuffer: 0`) its columns and
 * then its rows beyond those shown, in steps, each a short task after the page has drawn a frame: all at once,
 * drawing a cell of every column in every row, is one task of 80 ms or more at first. The pinned columns come
 * first, then a few columns a step until the grid's width is full; those left are drawn only when scrolled to,
 * and come together. Calls `columnsSet` once every column is in; returns the function that stops the set-up.
 * `atOnce`: every column in the next task, and no rows after them (the grid was created with its row buffer).
 */
export function setUpInSteps<T>(
	grid: SetUpApi<T>,
	columnDefs: readonly ColDef<T>[],
	{ rowBuffer, columnsSet, atOnce = false }: { rowBuffer: number; columnsSet: () => void; atOnce?: boolean }
): () => void {
	if (atOnce) {
		// A grid created with its rows buffered already, for a review read whole: nothing else is coming in.
		const timer = setTimeout(() => {
			grid.setGridOption('columnDefs', [...columnDefs]);
			columnsSet();
		});
		return () => clearTimeout(timer);
	}
	const pinned = columnDefs.findIndex((column) => !column.pinned);
	let columns = 0;
	let rows = 0;
	const nextColumns = () => {
		if (columns === 0 && pinned > 0) return pinned;
		// Some columns are not drawn: the grid's width is full.
		const widthFull = grid.getAllDisplayedVirtualColumns().length < grid.getAllDisplayedColumns().length;
		return widthFull ? columnDefs.length : Math.min(columnDefs.length, columns + COLUMNS_PER_STEP);
	};
	const step = () => {
		if (columns < columnDefs.length) {
			columns = nextColumns();
			grid.setGridOption('columnDefs', columnDefs.slice(0, columns));
			if (columns === columnDefs.length) columnsSet();
		} else {
			rows = Math.min(rowBuffer, rows + ROWS_PER_STEP);
			grid.setGridOption('rowBuffer', rows);
			if (rows === rowBuffer) return;
		}
		cancel = afterNextFrame(step);
	};
	let cancel = afterNextFrame(step);
	return () => cancel();
}
