// Paste and copy in the review grid, as in a spreadsheet: a block pasted at a cell fills the cells to its
// right and below, adding rows at the end when it runs past the last; one cell copies as text.
// (ag-grid's own clipboard is an Enterprise feature: the grid's page handles the clipboard events itself.)
import { WHOLE_ROW } from '$lib/domain/issues';
import { formatTsv, parseTsv } from '$lib/import/paste';
import type { CellChange, ReviewSession } from '$lib/review/review-session.svelte';

export interface PasteTarget {
	rowNumber: number;
	/** Template column index; the row number column (WHOLE_ROW) pastes from the first column. */
	column: number;
}

export interface PastePlan {
	changes: CellChange[];
	/** Whole rows of values to add at the end. */
	newRows: string[][];
	/** Columns of the block beyond the review's last, left out. */
	droppedColumns: number;
	label: string;
}

/**
 * Where a block's cells go: the rows from the target down in the review's order (the order of row numbers,
 * whatever the grid shows), then new rows. The block is squared: a short row clears the rest of its width,
 * as pasting a rectangle from a sheet would.
 */
export function planPaste(
	review: Pick<ReviewSession, 'rows' | 'columns'>,
	target: PasteTarget,
	block: readonly (readonly string[])[]
): PastePlan | null {
	const start = review.rows.findIndex((row) => row.rowNumber === target.rowNumber);
	const width = block.reduce((widest, row) => Math.max(widest, row.length), 0);
	if (start < 0 || width === 0) return null;
	const firstColumn = target.column === WHOLE_ROW ? 0 : target.column;
	const fitting = Math.min(width, review.columns.length - firstColumn);
	const changes: CellChange[] = [];
	const newRows: string[][] = [];
	block.forEach((cells, i) => {
		const row = review.rows[start + i];
		const values = row ? undefined : review.columns.map(() => '');
		for (let j = 0; j < fitting; j++) {
			const value = cells[j] ?? '';
			if (row) changes.push({ rowNumber: row.rowNumber, column: firstColumn + j, value });
			else values![firstColumn + j] = value;
		}
		if (values) newRows.push(values);
	});
	const cells = block.length === 1 && fitting === 1 ? 'a cell' : `${block.length} × ${fitting} cells`;
	return { changes, newRows, droppedColumns: width - fitting, label: `Paste ${cells} at row ${target.rowNumber}` };
}

/** Pastes clipboard text at a cell as one step of undo; returns what the admin should be told, or ''. */
export function pasteText(review: ReviewSession, target: PasteTarget, text: string): string {
	const plan = planPaste(review, target, parseTsv(text));
	if (!plan) return '';
	review.paste(plan.changes, plan.newRows, plan.label);
	const notes: string[] = [];
	if (plan.newRows.length > 0) {
		notes.push(`${plan.newRows.length} ${plan.newRows.length === 1 ? 'row was' : 'rows were'} added for the paste.`);
	}
	if (plan.droppedColumns > 0) {
		const n = plan.droppedColumns;
		notes.push(
			`${n} pasted ${n === 1 ? 'column runs' : 'columns run'} past the last column (${review.columns.at(-1)}) and ${n === 1 ? 'was' : 'were'} left out.`
		);
	}
	return notes.join(' ');
}

/** A cell's text for the clipboard, as a spreadsheet would take it. */
export function copyText(review: ReviewSession, target: PasteTarget): string {
	const row = review.row(target.rowNumber);
	if (!row) return '';
	return formatTsv([[target.column === WHOLE_ROW ? String(row.rowNumber) : row.value(target.column)]]);
}
