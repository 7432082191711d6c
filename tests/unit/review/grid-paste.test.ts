import { describe, expect, it } from 'vitest';
import { WHOLE_ROW } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { ReviewSession } from '$lib/review/review-session.svelte';
import { copyText, pasteText, planPaste } from '$lib/review/grid-paste';
import { SNAPSHOT, validRow, WORKSPACE } from '../domain/valid-row';

function review(...rowNumbers: number[]): ReviewSession {
	const session = new ReviewSession(
		{
			fileName: 'clients.csv',
			settings: { encoding: 'utf-8', delimiter: ',' },
			header: [...TEMPLATE_COLUMNS],
			mapping: TEMPLATE_COLUMNS.map((_, i) => i)
		},
		SNAPSHOT
	);
	session.addParsed(
		rowNumbers.map((rowNumber) => {
			const values = validRow({ ClientName: `Client ${rowNumber}`, PrimaryContactEmail: `c${rowNumber}@x.example` });
			return { rowNumber, values, issues: checkRow(values, WORKSPACE) };
		})
	);
	return session;
}

const last = TEMPLATE_COLUMNS.length - 1;

describe('planPaste', () => {
	it('fills right and down from the cell, and plans new rows past the last', () => {
		const plan = planPaste(review(2, 3), { rowNumber: 3, column: COL.City }, [
			['a', 'b'],
			['c', 'd']
		])!;
		expect(plan.changes).toEqual([
			{ rowNumber: 3, column: COL.City, value: 'a' },
			{ rowNumber: 3, column: COL.City + 1, value: 'b' }
		]);
		expect(plan.newRows).toHaveLength(1);
		expect(plan.newRows[0][COL.City]).toBe('c');
		expect(plan.newRows[0][COL.City + 1]).toBe('d');
		expect(plan.newRows[0].filter((v) => v !== '')).toEqual(['c', 'd']);
		expect(plan.label).toBe('Paste 2 × 2 cells at row 3');
	});

	it('drops the columns past the last and squares ragged rows', () => {
		const plan = planPaste(review(2), { rowNumber: 2, column: last - 1 }, [['x', 'y', 'z', 'w'], ['short']])!;
		expect(plan.droppedColumns).toBe(2);
		expect(plan.changes).toEqual([
			{ rowNumber: 2, column: last - 1, value: 'x' },
			{ rowNumber: 2, column: last, value: 'y' }
		]);
		expect(plan.newRows[0].slice(last - 1)).toEqual(['short', '']);
	});

	it('pastes from the first column at the row number', () => {
		const plan = planPaste(review(2), { rowNumber: 2, column: WHOLE_ROW }, [['New Name']])!;
		expect(plan.changes).toEqual([{ rowNumber: 2, column: 0, value: 'New Name' }]);
		expect(plan.label).toBe('Paste a cell at row 2');
	});
});

describe('pasteText and copyText', () => {
	it('pastes copied cells as one step of undo and says what it did', () => {
		const session = review(2, 3);
		const note = pasteText(session, { rowNumber: 3, column: last }, 'a\tb\r\n"two\nlines"\tc\r\n');
		expect(note).toBe(
			`1 row was added for the paste. 1 pasted column runs past the last column (${TEMPLATE_COLUMNS[last]}) and was left out.`
		);
		expect(session.row(3)!.values[last]).toBe('a');
		expect(session.row(4)!.values[last]).toBe('two\nlines');
		session.undo();
		expect(session.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
		expect(session.row(3)!.values[last]).not.toBe('a');
	});

	it('copies a cell so that pasting it back gives the same value', () => {
		const session = review(2, 3);
		session.edit([{ rowNumber: 2, column: COL.AddressLine, value: '1 Main St\nFloor 2' }], 'Edit');
		const copied = copyText(session, { rowNumber: 2, column: COL.AddressLine });
		pasteText(session, { rowNumber: 3, column: COL.AddressLine }, copied);
		expect(session.row(3)!.values[COL.AddressLine]).toBe('1 Main St\nFloor 2');
		expect(copyText(session, { rowNumber: 3, column: WHOLE_ROW })).toBe('3');
	});
});
