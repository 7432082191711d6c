import type { StoredValues } from '$lib/domain/stored-values';
import { describe, expect, it, vi } from 'vitest';
import { WHOLE_ROW, type RowIssue } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import { COL, REQUIRED_COLUMNS, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { ParsedRow } from '$lib/import/protocol';
import { checkRows } from '$lib/import/check-pool';
import { toClientRecord } from '$lib/domain/client';
import { LARGE_EDIT_ROWS, ReviewSession, type ReviewSource, type RowsChanged } from '$lib/review/review-session.svelte';
import { SNAPSHOT, validRow, WORKSPACE, type RowOverrides } from '../domain/valid-row';

const SOURCE: ReviewSource = {
	fileName: 'clients.csv',
	settings: { encoding: 'utf-8', delimiter: ',' },
	header: [...TEMPLATE_COLUMNS],
	mapping: TEMPLATE_COLUMNS.map((_, index) => index)
};

/** A valid row of its own (unique name and email) with the worker's issues, with columns overridden. */
function parsed(rowNumber: number, overrides: RowOverrides = {}, extraIssues: RowIssue[] = []): ParsedRow {
	const values = validRow({
		ClientName: `Client ${rowNumber}`,
		PrimaryContactEmail: `contact.${rowNumber}@client.example`,
		...overrides
	});
	return { rowNumber, values, issues: [...extraIssues, ...checkRow(values, WORKSPACE)] };
}

function session(...rows: ParsedRow[]): ReviewSession {
	const review = new ReviewSession(SOURCE, SNAPSHOT);
	if (rows.length > 0) review.addParsed(rows);
	return review;
}

/** The counts as plain values, and the columns that have errors. */
function tally(review: ReviewSession) {
	const byColumn = Object.fromEntries(
		TEMPLATE_COLUMNS.flatMap((column, i) => (review.errorsByColumn[i] > 0 ? [[column, review.errorsByColumn[i]]] : []))
	);
	return { ...review.counts, byColumn };
}

const codes = (review: ReviewSession, rowNumber: number) => review.row(rowNumber)!.issues.map((i) => i.code);
const numbers = (rows: readonly { rowNumber: number }[]) => rows.map((r) => r.rowNumber).sort((a, b) => a - b);

function listen(review: ReviewSession): RowsChanged[] {
	const changes: RowsChanged[] = [];
	review.onRowsChanged((change) => changes.push(change));
	return changes;
}

const setName = (rowNumber: number, value: string) => ({ rowNumber, column: COL.ClientName, value });

describe('ReviewSession counts', () => {
	it('starts with no rows and nothing counted', () => {
		const review = session();
		expect(tally(review)).toEqual({ rows: 0, rowsWithErrors: 0, errors: 0, warnings: 0, byColumn: {} });
		expect(review.rows).toEqual([]);
		expect(review.canUndo).toBe(false);
	});

	it('counts rows, rows with errors, errors, warnings and errors per column', () => {
		const review = session(
			parsed(2),
			parsed(3, { Timezone: 'Asia/Calcutta' }),
			parsed(4, { Country: 'XX', State: '', PhoneNumber: '212-555-0188' }),
			parsed(5, { Code: '1', PhoneNumber: '1234' })
		);
		expect(tally(review)).toEqual({
			rows: 4,
			rowsWithErrors: 2,
			errors: 3,
			warnings: 1,
			byColumn: { Timezone: 1, Country: 1, PhoneNumber: 1 }
		});
	});

	it("counts the file's whole-row remarks, but not in any column", () => {
		const ragged: RowIssue = { column: WHOLE_ROW, severity: 'error', code: 'row_unclosed_quote', message: 'A quote…' };
		const review = session(parsed(2, {}, [ragged]));
		expect(tally(review)).toEqual({ rows: 1, rowsWithErrors: 1, errors: 1, warnings: 0, byColumn: {} });
	});

	it("keeps each row's issues in template column order, whole-row ones first", () => {
		const ragged: RowIssue = { column: WHOLE_ROW, severity: 'warning', code: 'row_too_few_fields', message: 'short' };
		const review = session(parsed(2, { Timezone: '', ClientName: '', PhoneNumber: '12 34', Code: '' }, [ragged]));
		const columns = review.row(2)!.issues.map((i) => i.column);
		expect(columns).toEqual([WHOLE_ROW, COL.ClientName, COL.Code, COL.PhoneNumber, COL.Timezone]);
	});

	it('adds rows batch after batch, as the worker sends them', () => {
		const review = session(parsed(2), parsed(3, { Timezone: 'US/Eastern' }));
		review.addParsed([parsed(4), parsed(5, { Timezone: '' })]);
		expect(numbers(review.rows)).toEqual([2, 3, 4, 5]);
		expect(tally(review)).toMatchObject({ rows: 4, rowsWithErrors: 2, errors: 2, byColumn: { Timezone: 2 } });
		expect(review.canUndo).toBe(false);
	});

	it("shows a file's counts as it is read a few times a second, not after every batch, and at once when asked", () => {
		vi.useFakeTimers();
		try {
			const review = session(parsed(2));
			const heard: number[] = [];
			review.onRowsChanged(({ added }) => heard.push(added.length));
			review.addParsed([parsed(3, { Timezone: 'US/Eastern' })], { countsSoon: true });
			review.addParsed([parsed(4), parsed(5)], { countsSoon: true });
			// The grid and the other listeners hear of every batch at once; the counts shown wait.
			expect(heard).toEqual([1, 2]);
			expect(review.counts.rows).toBe(1);
			vi.advanceTimersByTime(100);
			expect(tally(review)).toMatchObject({ rows: 4, rowsWithErrors: 1, byColumn: { Timezone: 1 } });
			review.addParsed([parsed(6, { Timezone: '' })], { countsSoon: true });
			review.publishCounts();
			expect(tally(review)).toMatchObject({ rows: 5, rowsWithErrors: 2, byColumn: { Timezone: 2 } });
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('ReviewSession edits', () => {
	it('clears the error of a cell the admin fixes, and lowers the counts', () => {
		const review = session(
			parsed(2),
			parsed(3, { Timezone: 'Asia/Calcutta' }),
			parsed(4, { Country: 'XX', State: '' })
		);
		review.edit([{ rowNumber: 3, column: COL.Timezone, value: 'Asia/Kolkata' }], 'Edit Timezone');
		expect(review.row(3)!.values[COL.Timezone]).toBe('Asia/Kolkata');
		expect(review.row(3)!.issues).toEqual([]);
		expect(tally(review)).toEqual({ rows: 3, rowsWithErrors: 1, errors: 1, warnings: 0, byColumn: { Country: 1 } });
	});

	it('flags a cell the admin breaks, and raises the counts', () => {
		const review = session(parsed(2));
		review.edit([{ rowNumber: 2, column: COL.PrimaryContactEmail, value: 'not an email' }], 'Edit email');
		expect(codes(review, 2)).toEqual(['email_invalid']);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 1, errors: 1, byColumn: { PrimaryContactEmail: 1 } });
	});

	it('counts a row with two errors once among the rows with errors', () => {
		const review = session(parsed(2));
		review.edit(
			[
				{ rowNumber: 2, column: COL.Timezone, value: 'Nowhere/City' },
				{ rowNumber: 2, column: COL.SiteName, value: '' }
			],
			'Edit'
		);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 1, errors: 2, byColumn: { SiteName: 1, Timezone: 1 } });
	});

	it('ignores an edit that changes no value: nothing to undo', () => {
		const review = session(parsed(2));
		const changes = listen(review);
		review.edit([setName(2, 'Client 2')], 'Edit');
		expect(review.canUndo).toBe(false);
		expect(changes).toEqual([]);
	});

	it('does not change the values array a row was given, so a kept reference still shows the old values', () => {
		const row = parsed(2);
		const review = session(row);
		review.edit([setName(2, 'Renamed')], 'Edit');
		expect(row.values[COL.ClientName]).toBe('Client 2');
		expect(review.row(2)!.values[COL.ClientName]).toBe('Renamed');
	});
});

describe('ReviewSession read-only (another tab edits the review)', () => {
	it('refuses every edit, delete, undo and redo, changing nothing', () => {
		const review = session(parsed(2), parsed(3));
		review.edit([setName(2, 'Renamed')], 'Rename');
		review.readOnly = true;
		const changes = listen(review);
		review.edit([setName(3, 'Renamed too')], 'Rename');
		review.removeRows([3]);
		review.undo();
		review.redo();
		expect(review.rows.map((row) => row.values[COL.ClientName])).toEqual(['Renamed', 'Client 3']);
		expect(changes).toEqual([]);
	});
});

describe('ReviewSession duplicates', () => {
	it('flags both rows that share a name, each naming the other', () => {
		const review = session(
			parsed(2, { ClientName: 'Acme Dental' }),
			parsed(3),
			parsed(4, { ClientName: 'acme  DENTAL' })
		);
		expect(review.row(2)!.issues).toEqual([
			expect.objectContaining({ code: 'name_duplicate_in_file', message: expect.stringContaining('also in row 4') })
		]);
		expect(review.row(4)!.issues).toEqual([
			expect.objectContaining({ code: 'name_duplicate_in_file', message: expect.stringContaining('also in row 2') })
		]);
		expect(review.row(3)!.issues).toEqual([]);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 2, errors: 2, byColumn: { ClientName: 2 } });
	});

	it('flags rows that share a primary email, whatever its case', () => {
		const review = session(
			parsed(2, { PrimaryContactEmail: 'Same@Client.example' }),
			parsed(3, { PrimaryContactEmail: 'same@client.example' })
		);
		expect(codes(review, 2)).toEqual(['email_duplicate_in_file']);
		expect(codes(review, 3)).toEqual(['email_duplicate_in_file']);
	});

	it('flags a row already shown when a later batch brings its duplicate, and tells the grid', () => {
		const review = session(parsed(2, { ClientName: 'Acme Dental' }), parsed(3));
		const changes = listen(review);
		review.addParsed([parsed(4, { ClientName: 'Acme Dental' })]);
		expect(codes(review, 2)).toEqual(['name_duplicate_in_file']);
		expect(changes).toHaveLength(1);
		expect(numbers(changes[0].added)).toEqual([4]);
		expect(numbers(changes[0].updated)).toEqual([2]);
	});

	it('clears both rows when one of a pair is renamed away', () => {
		const review = session(parsed(2, { ClientName: 'Acme Dental' }), parsed(3, { ClientName: 'Acme Dental' }));
		review.edit([setName(3, 'Acme Dental North')], 'Rename');
		expect(review.row(2)!.issues).toEqual([]);
		expect(review.row(3)!.issues).toEqual([]);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 0, errors: 0, byColumn: {} });
	});

	it('flags all three rows when a third is renamed into the group, each message naming the other two', () => {
		const review = session(
			parsed(2, { ClientName: 'Acme Dental' }),
			parsed(3, { ClientName: 'Acme Dental' }),
			parsed(4)
		);
		review.edit([setName(4, ' ACME dental ')], 'Rename');
		const messages = [2, 3, 4].map((n) => review.row(n)!.issues.map((i) => i.message));
		expect(messages).toEqual([
			[expect.stringContaining('is also in rows 3, 4:')],
			[expect.stringContaining('is also in rows 2, 4:')],
			[expect.stringContaining('is also in rows 2, 3:')]
		]);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 3, errors: 3, byColumn: { ClientName: 3 } });
	});

	it('shrinks a group of three to two when one leaves it, and updates the messages', () => {
		const review = session(
			parsed(2, { ClientName: 'Acme Dental' }),
			parsed(3, { ClientName: 'Acme Dental' }),
			parsed(4, { ClientName: 'Acme Dental' })
		);
		review.edit([setName(3, 'Other')], 'Rename');
		expect(review.row(2)!.issues[0].message).toContain('is also in row 4:');
		expect(review.row(4)!.issues[0].message).toContain('is also in row 2:');
		expect(review.row(3)!.issues).toEqual([]);
	});

	it('tells the grid exactly the edited row and the rows of its old and new groups', () => {
		const review = session(
			parsed(2, { ClientName: 'Alpha' }),
			parsed(3, { ClientName: 'Alpha' }),
			parsed(4, { ClientName: 'Beta' }),
			parsed(5, { ClientName: 'Beta' }),
			parsed(6),
			parsed(7, { Timezone: '' })
		);
		const changes = listen(review);
		review.edit([setName(4, 'Alpha')], 'Rename');
		expect(changes).toHaveLength(1);
		expect(numbers(changes[0].updated)).toEqual([2, 3, 4, 5]);
		expect(changes[0].added).toEqual([]);
		expect(changes[0].removed).toEqual([]);
		expect(review.row(5)!.issues).toEqual([]);
	});

	it('tells the grid only the edited row when no duplicate is involved', () => {
		const review = session(parsed(2, { ClientName: 'Alpha' }), parsed(3, { ClientName: 'Alpha' }), parsed(4));
		const changes = listen(review);
		review.edit([{ rowNumber: 4, column: COL.City, value: 'Boston' }], 'Edit City');
		expect(numbers(changes[0].updated)).toEqual([4]);
	});

	it('stops telling a listener once it unsubscribes', () => {
		const review = session(parsed(2));
		const changes: RowsChanged[] = [];
		const stop = review.onRowsChanged((change) => changes.push(change));
		stop();
		review.edit([setName(2, 'Renamed')], 'Rename');
		expect(changes).toEqual([]);
	});
});

describe('ReviewSession undo and redo', () => {
	it('undoes and redoes an edit: values, issues and counts', () => {
		const review = session(parsed(2, { Timezone: 'Asia/Calcutta' }), parsed(3));
		const before = tally(review);
		review.edit([{ rowNumber: 2, column: COL.Timezone, value: 'Asia/Kolkata' }], 'Fix Timezone');
		const after = tally(review);
		expect(review.undoLabel).toBe('Fix Timezone');

		review.undo();
		expect(review.row(2)!.values[COL.Timezone]).toBe('Asia/Calcutta');
		expect(codes(review, 2)).toEqual(['timezone_link']);
		expect(tally(review)).toEqual(before);
		expect(review).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Fix Timezone' });

		review.redo();
		expect(review.row(2)!.values[COL.Timezone]).toBe('Asia/Kolkata');
		expect(tally(review)).toEqual(after);
		expect(review).toMatchObject({ canUndo: true, canRedo: false });
	});

	it('undoes a many-cell edit as one step', () => {
		const review = session(parsed(2, { Timezone: 'US/Eastern' }), parsed(3, { Timezone: 'US/Pacific' }));
		review.edit(
			[
				{ rowNumber: 2, column: COL.Timezone, value: 'America/New_York' },
				{ rowNumber: 3, column: COL.Timezone, value: 'America/Los_Angeles' }
			],
			'Replace old time-zone names'
		);
		expect(tally(review).errors).toBe(0);
		review.undo();
		expect(review.rows.map((r) => r.values[COL.Timezone])).toEqual(['US/Eastern', 'US/Pacific']);
		expect(tally(review).errors).toBe(2);
		expect(review.canUndo).toBe(false);
	});

	it('restores duplicate marks when a rename is undone', () => {
		const review = session(parsed(2, { ClientName: 'Acme Dental' }), parsed(3, { ClientName: 'Acme Dental' }));
		review.edit([setName(3, 'Other')], 'Rename');
		review.undo();
		expect(codes(review, 2)).toEqual(['name_duplicate_in_file']);
		expect(codes(review, 3)).toEqual(['name_duplicate_in_file']);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 2, errors: 2 });
	});

	it('forgets what could be redone once the admin edits again', () => {
		const review = session(parsed(2));
		review.edit([setName(2, 'One')], 'First');
		review.undo();
		review.edit([setName(2, 'Two')], 'Second');
		expect(review.canRedo).toBe(false);
		review.redo();
		expect(review.row(2)!.values[COL.ClientName]).toBe('Two');
	});

	it('removes rows, lowering the counts and clearing the duplicate they left; undo puts them back in place', () => {
		const review = session(
			parsed(2, { ClientName: 'Acme Dental' }),
			parsed(3, { Timezone: '' }),
			parsed(4, { ClientName: 'Acme Dental' }),
			parsed(5)
		);
		const before = tally(review);
		const changes = listen(review);
		review.removeRows([3, 4]);
		expect(numbers(review.rows)).toEqual([2, 5]);
		expect(review.row(3)).toBeUndefined();
		expect(review.row(2)!.issues).toEqual([]);
		expect(tally(review)).toEqual({ rows: 2, rowsWithErrors: 0, errors: 0, warnings: 0, byColumn: {} });
		expect(numbers(changes[0].removed)).toEqual([3, 4]);
		expect(numbers(changes[0].updated)).toEqual([2]);
		expect(review.undoLabel).toBe('Delete rows');

		review.undo();
		expect(review.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
		expect(codes(review, 2)).toEqual(['name_duplicate_in_file']);
		expect(tally(review)).toEqual(before);

		review.redo();
		expect(review.rows.map((r) => r.rowNumber)).toEqual([2, 5]);
		expect(tally(review).rows).toBe(2);
	});

	it('undoes an edit made before a row was removed, once the removal is undone', () => {
		const review = session(parsed(2), parsed(3));
		review.edit([setName(2, 'Renamed')], 'Rename');
		review.removeRows([2]);
		review.undo();
		expect(review.row(2)!.values[COL.ClientName]).toBe('Renamed');
		review.undo();
		expect(review.row(2)!.values[COL.ClientName]).toBe('Client 2');
		expect(tally(review).rows).toBe(2);
	});

	it('adds an empty row numbered after the last, left out until it has a value; undo and redo it', () => {
		const review = session(parsed(2), parsed(7));
		const changes = listen(review);
		const row = review.addRow();
		expect(row.rowNumber).toBe(8);
		expect(row.values).toEqual(TEMPLATE_COLUMNS.map(() => ''));
		expect(row.issues).toEqual([]);
		expect(tally(review)).toMatchObject({ rows: 2, rowsWithErrors: 0, errors: 0 });
		expect(changes.at(-1)!.added).toEqual([row]);
		expect(review.undoLabel).toBe('Add row');

		review.edit([setName(8, 'Typed In')], 'Type a name');
		const missing = REQUIRED_COLUMNS.filter((c) => c !== 'ClientName');
		expect(review.row(8)!.issues.map((i) => TEMPLATE_COLUMNS[i.column])).toEqual(missing);
		expect(tally(review)).toMatchObject({ rows: 3, rowsWithErrors: 1, errors: missing.length });
		review.undo();
		expect(tally(review)).toMatchObject({ rows: 2, rowsWithErrors: 0, errors: 0 });

		review.undo();
		expect(review.row(8)).toBeUndefined();
		expect(numbers(review.rows)).toEqual([2, 7]);
		expect(tally(review)).toEqual({ rows: 2, rowsWithErrors: 0, errors: 0, warnings: 0, byColumn: {} });
		expect(changes.at(-1)!.removed).toEqual([row]);

		review.redo();
		expect(review.rows.at(-1)).toBe(row);
		expect(tally(review)).toMatchObject({ rows: 2, errors: 0 });
	});

	it('numbers the first added row 2 in an empty review', () => {
		expect(session().addRow().rowNumber).toBe(2);
	});

	it('does nothing when there is nothing to undo or redo', () => {
		const review = session(parsed(2));
		review.undo();
		review.redo();
		expect(tally(review).rows).toBe(1);
	});
});

describe('ReviewSession.recheckAgainst', () => {
	it('flags the row whose email another client now has, and returns it', () => {
		const review = session(parsed(2), parsed(3, { PrimaryContactEmail: 'bill@initech.example' }), parsed(4));
		const changes = listen(review);
		const updated = review.recheckAgainst({
			...SNAPSHOT,
			clients: [...SNAPSHOT.clients, { id: 'client-initech', name: 'INITECH', email: 'bill@initech.example' }]
		});
		expect(numbers(updated)).toEqual([3]);
		expect(codes(review, 3)).toEqual(['email_exists']);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 1, errors: 1, byColumn: { PrimaryContactEmail: 1 } });
		expect(numbers(changes[0].updated)).toEqual([3]);
		expect(review.workspaceIndex.clientByNameKey.has('initech')).toBe(true);
	});

	it('takes a row naming an existing client as its update, not a duplicate', () => {
		const review = session(parsed(2, { ClientName: 'GLOBEX', PrimaryContactEmail: 'hank@globex.example' }));
		review.recheckAgainst(SNAPSHOT);
		expect(review.row(2)!.issues).toEqual([]);
	});

	it('clears the row whose clash with the workspace is gone', () => {
		const review = session(parsed(2, { PrimaryContactEmail: 'hank@globex.example' }));
		expect(codes(review, 2)).toEqual(['email_exists']);
		review.recheckAgainst({ ...SNAPSHOT, clients: [] });
		expect(review.row(2)!.issues).toEqual([]);
		expect(tally(review).errors).toBe(0);
	});

	it('flags a row whose primary email another client now has', () => {
		const review = session(parsed(2));
		review.recheckAgainst({
			...SNAPSHOT,
			clients: [{ id: 'c', name: 'Someone', email: 'CONTACT.2@client.example' }]
		});
		expect(codes(review, 2)).toEqual(['email_exists']);
	});

	it("keeps the file's own remarks about a row that was not edited", () => {
		const broken: RowIssue = { column: WHOLE_ROW, severity: 'error', code: 'row_unclosed_quote', message: 'A quote…' };
		const review = session(parsed(2, {}, [broken]));
		review.recheckAgainst(SNAPSHOT);
		expect(review.row(2)!.issues).toEqual([broken]);
		expect(tally(review)).toMatchObject({ rowsWithErrors: 1, errors: 1 });
	});
});

describe("ReviewSession: the file's remark on a name it left unsplit", () => {
	const unsplit: RowIssue = {
		column: COL.PrimaryContactFirstName,
		severity: 'error',
		code: 'name_unsplit',
		message: 'The primary contact\'s full name was not split: "Cher" is one word.'
	};
	const row = () => parsed(2, { PrimaryContactFirstName: 'Cher', PrimaryContactLastName: '' }, [unsplit]);

	it('stays while another cell of the row is edited, and after a recheck', () => {
		const review = session(row());
		review.edit([{ rowNumber: 2, column: COL.City, value: 'Lyon' }], 'Edit');
		expect(codes(review, 2)).toEqual(['name_unsplit', 'required']);
		review.recheckAgainst(SNAPSHOT);
		expect(codes(review, 2)).toContain('name_unsplit');
	});

	it('goes once the last name is typed; an undo marks the empty last name again', () => {
		const review = session(row());
		review.edit([{ rowNumber: 2, column: COL.PrimaryContactLastName, value: 'Sarkisian' }], 'Edit');
		expect(codes(review, 2)).toEqual([]);
		review.undo();
		expect(codes(review, 2)).toEqual(['required']);
	});

	it('goes once the first name is edited', () => {
		const review = session(row());
		review.edit([{ rowNumber: 2, column: COL.PrimaryContactFirstName, value: 'Cherilyn' }], 'Edit');
		expect(codes(review, 2)).toEqual(['required']);
	});
});

describe('ReviewSession large edits', () => {
	/** Checks rows elsewhere as the app's workers do: the same rules, answered later. */
	const elsewhere = async (rows: readonly StoredValues[]) => {
		await new Promise((resume) => setTimeout(resume, 0));
		checkedElsewhere += rows.length;
		return checkRows(rows, WORKSPACE);
	};
	let checkedElsewhere = 0;

	function largeSession(count: number) {
		const review = new ReviewSession(SOURCE, SNAPSHOT, elsewhere);
		review.addParsed(
			Array.from({ length: count }, (_, i) => parsed(i + 2, { ClientName: `Client ${i}`, Timezone: 'US/Eastern' }))
		);
		return review;
	}

	const fixAll = (review: ReviewSession) =>
		review.rows.map((row) => ({ rowNumber: row.rowNumber, column: COL.Timezone, value: 'America/New_York' }));

	it('checks an edit of thousands of rows elsewhere, then counts it as one step', async () => {
		const review = largeSession(LARGE_EDIT_ROWS + 10);
		checkedElsewhere = 0;
		review.edit(fixAll(review), 'Fix time zones');
		expect(review.applying).toEqual({ done: 0, total: LARGE_EDIT_ROWS + 10 });
		await review.settled();
		expect(checkedElsewhere).toBe(LARGE_EDIT_ROWS + 10);
		expect(review.counts.errors).toBe(0);
		expect(review.applying).toBeNull();
		expect(review.undoLabel).toBe('Fix time zones');
		review.undo();
		await review.settled();
		expect(review.counts.errors).toBe(LARGE_EDIT_ROWS + 10);
		expect(review.row(2)!.values[COL.Timezone]).toBe('US/Eastern');
	});

	it('applies an edit asked for meanwhile after the large one, not under it', async () => {
		const review = largeSession(LARGE_EDIT_ROWS);
		review.edit(fixAll(review), 'Fix time zones');
		review.edit([{ rowNumber: 2, column: COL.Timezone, value: 'Asia/Calcutta' }], 'Edit row 2');
		await review.settled();
		expect(review.row(2)!.values[COL.Timezone]).toBe('Asia/Calcutta');
		expect(review.counts.errors).toBe(1);
	});

	it('still applies the edits queued after a large edit whose check failed', async () => {
		let failures = 1;
		const failingOnce = async (rows: readonly StoredValues[]) => {
			if (failures-- > 0) throw new Error('The helper stopped.');
			return elsewhere(rows);
		};
		const review = new ReviewSession(SOURCE, SNAPSHOT, failingOnce);
		review.addParsed(
			Array.from({ length: LARGE_EDIT_ROWS }, (_, i) =>
				parsed(i + 2, { ClientName: `Client ${i}`, Timezone: 'US/Eastern' })
			)
		);
		review.edit(fixAll(review), 'Fix time zones');
		review.edit([{ rowNumber: 2, column: COL.Timezone, value: 'Europe/London' }], 'Edit row 2');
		await review.settled();
		expect(review.row(2)!.value(COL.Timezone)).toBe('Europe/London');
		expect(review.applying).toBeNull();
	});

	it('keeps a large undo whose check failed to undo again, and says so', async () => {
		let failing = false;
		const failingWhenTold = async (rows: readonly StoredValues[]) => {
			if (failing) throw new Error('The helper stopped.');
			return elsewhere(rows);
		};
		const review = new ReviewSession(SOURCE, SNAPSHOT, failingWhenTold);
		review.addParsed(
			Array.from({ length: LARGE_EDIT_ROWS }, (_, i) =>
				parsed(i + 2, { ClientName: `Client ${i}`, Timezone: 'US/Eastern' })
			)
		);
		review.edit(fixAll(review), 'Fix time zones');
		await review.settled();
		failing = true;
		review.undo();
		await review.settled();
		expect(review.row(2)!.value(COL.Timezone)).toBe('America/New_York');
		expect(review.counts.errors).toBe(0);
		expect([review.undoLabel, review.canRedo]).toEqual(['Fix time zones', false]);
		expect(review.checkFailure).toBe(
			'The undo of “Fix time zones” (2,000 rows) could not be checked, so nothing was changed: The helper stopped. Try again.'
		);
		failing = false;
		review.undo();
		await review.settled();
		expect(review.counts.errors).toBe(LARGE_EDIT_ROWS);
		expect(review.checkFailure).toBeNull();
	});

	it('takes back a large paste whose check failed: its rows go, and nothing is left to undo', async () => {
		const failing = async () => {
			throw new Error('The helper stopped.');
		};
		const review = new ReviewSession(SOURCE, SNAPSHOT, failing);
		review.addParsed([parsed(2), parsed(3)]);
		const pasted = Array.from({ length: LARGE_EDIT_ROWS }, (_, i) =>
			validRow({ ClientName: `Pasted ${i}`, PrimaryContactEmail: `pasted.${i}@client.example` })
		);
		review.paste([], pasted, 'Paste');
		await review.settled();
		expect(review.rows.map((row) => row.rowNumber)).toEqual([2, 3]);
		expect(review.counts).toMatchObject({ rows: 2, errors: 0 });
		expect(review.canUndo).toBe(false);
		expect(review.checkFailure).toBe(
			'“Paste” (2,000 rows) could not be checked, so nothing was changed: The helper stopped. Try again.'
		);
	});

	it('names a large edit in Undo at once, and undoes it even when Undo comes before it is in', async () => {
		const review = largeSession(LARGE_EDIT_ROWS);
		review.edit(fixAll(review), 'Fix time zones');
		expect(review.canUndo).toBe(true);
		expect(review.undoLabel).toBe('Fix time zones');
		review.undo();
		await review.settled();
		expect(review.row(2)!.values[COL.Timezone]).toBe('US/Eastern');
		expect(review.counts.errors).toBe(LARGE_EDIT_ROWS);
		review.redo();
		await review.settled();
		expect(review.counts.errors).toBe(0);
	});

	it('undoes the second of two large edits back to what the first left, not to the file', async () => {
		const review = largeSession(LARGE_EDIT_ROWS);
		review.edit(fixAll(review), 'Fix time zones');
		const toLondon = review.rows.map((row) => ({
			rowNumber: row.rowNumber,
			column: COL.Timezone,
			value: 'Europe/London'
		}));
		review.edit(toLondon, 'Set London');
		await review.settled();
		expect(review.row(2)!.values[COL.Timezone]).toBe('Europe/London');
		review.undo();
		await review.settled();
		expect(review.row(2)!.values[COL.Timezone]).toBe('America/New_York');
		expect(review.undoLabel).toBe('Fix time zones');
	});

	it('leaves no Undo step for a large edit that changes nothing', async () => {
		const review = largeSession(LARGE_EDIT_ROWS);
		review.edit(fixAll(review), 'Fix time zones');
		await review.settled();
		review.edit(fixAll(review), 'Fix time zones again');
		await review.settled();
		expect(review.undoLabel).toBe('Fix time zones');
	});

	it('checks a small edit at once, in place', () => {
		const review = largeSession(10);
		checkedElsewhere = 0;
		review.edit(fixAll(review), 'Fix time zones');
		expect(checkedElsewhere).toBe(0);
		expect(review.counts.errors).toBe(0);
	});
});

const EMPTY = TEMPLATE_COLUMNS.map(() => '');
const emptyParsed = (rowNumber: number): ParsedRow => ({
	rowNumber,
	values: [...EMPTY],
	issues: checkRow(EMPTY, WORKSPACE)
});

describe('ReviewSession empty rows', () => {
	it("leaves out a file's empty rows at the end, but marks one among clients", () => {
		const review = session(parsed(2), emptyParsed(3), parsed(4), emptyParsed(5), emptyParsed(6));
		expect(review.row(3)!.leftOut).toBe(false);
		expect(codes(review, 3)).toContain('required');
		expect([5, 6].map((n) => review.row(n)!.leftOut)).toEqual([true, true]);
		expect(review.row(5)!.issues).toEqual([]);
		expect(tally(review)).toMatchObject({ rows: 3, rowsWithErrors: 1 });
	});

	it('marks an empty row once a row after it gets a value, and leaves it out again when that value goes', () => {
		const review = session(parsed(2), emptyParsed(3), emptyParsed(4));
		expect(tally(review)).toMatchObject({ rows: 1, rowsWithErrors: 0 });
		const changes = listen(review);
		review.edit([setName(4, 'Later Client')], 'Type');
		expect(review.row(3)!.leftOut).toBe(false);
		expect(codes(review, 3)).toContain('required');
		expect(numbers(changes.at(-1)!.updated)).toEqual([3, 4]);
		expect(tally(review)).toMatchObject({ rows: 3, rowsWithErrors: 2 });

		review.undo();
		expect(review.row(3)!.leftOut).toBe(true);
		expect(tally(review)).toMatchObject({ rows: 1, rowsWithErrors: 0 });

		review.redo();
		review.removeRows([4]);
		expect(review.row(3)!.leftOut).toBe(true);
		expect(tally(review)).toMatchObject({ rows: 1, rowsWithErrors: 0 });
	});

	it('leaves out every empty row of a table filled in by hand, wherever it is', () => {
		const review = new ReviewSession({ ...SOURCE, fileName: 'Entered by hand', byHand: true }, SNAPSHOT);
		review.addParsed([2, 3, 4].map(emptyParsed));
		expect(tally(review)).toMatchObject({ rows: 0, errors: 0 });
		review.edit([setName(4, 'Typed In')], 'Type');
		expect(review.row(3)!.leftOut).toBe(true);
		expect(review.row(4)!.leftOut).toBe(false);
		expect(tally(review)).toMatchObject({ rows: 1, rowsWithErrors: 1 });
	});
});

describe('ReviewSession paste', () => {
	it('fills cells and adds rows as one step; undo takes both back, redo brings both again', () => {
		const review = session(parsed(2), parsed(3));
		const changes = listen(review);
		const newRow = [...EMPTY];
		newRow[COL.ClientName] = 'Pasted Client';
		newRow[COL.PrimaryContactFirstName] = 'Pat';
		const added = review.paste(
			[setName(3, 'Renamed 3'), { rowNumber: 3, column: COL.PrimaryContactFirstName, value: 'Ann' }],
			[newRow],
			'Paste 2 × 2 cells at row 3'
		);
		expect(added.map((r) => r.rowNumber)).toEqual([4]);
		expect(review.row(3)!.values.slice(0, 2)).toEqual(['Renamed 3', 'Ann']);
		expect(review.row(4)!.values.slice(0, 2)).toEqual(['Pasted Client', 'Pat']);
		// The new row is checked: its other required cells are empty.
		expect(codes(review, 4)).toContain('required');
		expect(tally(review)).toMatchObject({ rows: 3, rowsWithErrors: 1 });
		expect(changes.some((c) => c.added.length === 1)).toBe(true);
		expect(review.undoLabel).toBe('Paste 2 × 2 cells at row 3');

		review.undo();
		expect(review.row(4)).toBeUndefined();
		expect(review.row(3)!.values.slice(0, 2)).toEqual(['Client 3', 'Maria']);
		expect(tally(review)).toEqual({ rows: 2, rowsWithErrors: 0, errors: 0, warnings: 0, byColumn: {} });
		expect(review.canUndo).toBe(false);

		review.redo();
		expect(review.row(3)!.values[COL.ClientName]).toBe('Renamed 3');
		expect(review.row(4)!.values[COL.ClientName]).toBe('Pasted Client');
		expect(codes(review, 4)).toContain('required');
		expect(tally(review)).toMatchObject({ rows: 3, rowsWithErrors: 1 });
	});

	it('marks duplicates a paste makes, and clears them on undo', () => {
		const review = session(parsed(2), parsed(3));
		review.paste([setName(3, 'Client 2')], [], 'Paste a cell at row 3');
		expect(codes(review, 2)).toContain('name_duplicate_in_file');
		review.undo();
		expect(codes(review, 2)).toEqual([]);
	});
});

describe('ReviewSession: rows naming existing clients', () => {
	const acme = toClientRecord(
		validRow({ ClientName: 'Acme Corp', PrimaryContactEmail: 'Ceo@Acme.example' }),
		WORKSPACE,
		{
			id: 'client-acme',
			createdAt: '2026-01-01T00:00:00.000Z'
		}
	);
	const globex = toClientRecord(
		validRow({ ClientName: 'Globex', PrimaryContactEmail: 'hank@globex.example' }),
		WORKSPACE,
		{ id: 'client-globex', createdAt: '2026-01-01T00:00:00.000Z' }
	);
	/** A review of the rows, checked as an import that updates existing clients, Acme and Globex read. */
	async function updating(...rows: ParsedRow[]) {
		const review = session(...rows);
		review.recheckAgainst(SNAPSHOT);
		await review.attachExisting([acme, globex]);
		return review;
	}
	const globexRow = (rowNumber: number, overrides: RowOverrides = {}) =>
		parsed(rowNumber, { ClientName: 'Globex', PrimaryContactEmail: 'hank@globex.example', ...overrides });
	const acmeRow = (rowNumber: number, overrides: RowOverrides = {}) =>
		parsed(rowNumber, { ClientName: 'Acme Corp', PrimaryContactEmail: 'ceo@acme.example', ...overrides });

	it('tells a new client, an update with the fields it changes, and a row that changes nothing', async () => {
		const review = await updating(parsed(2), acmeRow(3), globexRow(4, { City: 'Lyon' }));
		expect(review.row(2)!.change).toBeUndefined();
		expect(review.row(3)!.change).toMatchObject({ kind: 'unchanged', clientId: 'client-acme', changes: [] });
		expect(review.row(4)!.change).toMatchObject({
			kind: 'update',
			clientName: 'Globex',
			changes: [{ column: COL.City, from: globex.site.city, to: 'Lyon' }]
		});
		expect(review.changeCounts).toEqual({ update: 1, unchanged: 1, skipped: 0 });
		expect(review.counts.errors).toBe(0);
	});

	it('works the change out again when the row is edited', async () => {
		const review = await updating(acmeRow(2));
		review.edit([{ rowNumber: 2, column: COL.City, value: 'Nantes' }], 'Edit');
		expect(review.row(2)!.change?.kind).toBe('update');
		review.undo();
		expect(review.row(2)!.change?.kind).toBe('unchanged');
	});

	it('leaves every update out when the import adds new clients only, and one row when its update is skipped', async () => {
		const review = await updating(acmeRow(2, { City: 'Lyon' }), globexRow(3, { City: 'Nice' }));
		await review.skipUpdates([3], true);
		expect(review.changeCounts).toEqual({ update: 1, unchanged: 0, skipped: 1 });
		expect(review.source.updates?.skipped).toEqual([3]);
		await review.setUpdateChoices({ mode: 'add-only' });
		expect(review.changeCounts).toEqual({ update: 0, unchanged: 0, skipped: 2 });
		await review.setUpdateChoices({ mode: 'update' });
		await review.skipUpdates([3], false);
		expect(review.changeCounts).toEqual({ update: 2, unchanged: 0, skipped: 0 });
	});

	it('counts an empty cell as a change only when the import clears empty cells', async () => {
		const review = await updating(acmeRow(2, { City: '' }));
		expect(review.row(2)!.change?.kind).toBe('unchanged');
		await review.setUpdateChoices({ emptyCells: 'clear' });
		expect(review.row(2)!.change).toMatchObject({ kind: 'update', changes: [{ column: COL.City, to: '' }] });
	});
});

describe('ReviewSession: an update is judged as it leaves the client', () => {
	const acme = toClientRecord(
		validRow({ ClientName: 'Acme Corp', PrimaryContactEmail: 'Ceo@Acme.example' }),
		WORKSPACE,
		{
			id: 'client-acme',
			createdAt: '2026-01-01T00:00:00.000Z'
		}
	);
	const acmeRow = (rowNumber: number, overrides: RowOverrides = {}) =>
		parsed(rowNumber, { ClientName: 'Acme Corp', PrimaryContactEmail: 'ceo@acme.example', ...overrides });
	async function updating(...rows: ParsedRow[]) {
		const review = session(...rows);
		review.recheckAgainst(SNAPSHOT);
		await review.attachExisting([acme]);
		return review;
	}

	it('takes an empty required cell whose value the update keeps as no missing value', async () => {
		const review = await updating(acmeRow(2, { PrimaryContactFirstName: '', SiteName: '', City: 'Lyon' }));
		expect(review.row(2)!.change?.kind).toBe('update');
		expect(review.row(2)!.issues).toEqual([]);
		await review.setUpdateChoices({ emptyCells: 'clear' });
		expect(codes(review, 2)).toEqual(['required', 'required']);
	});

	it('lets no left-out row block the import', async () => {
		const review = await updating(acmeRow(2, { PrimaryContactEmail: 'not an email' }));
		expect(review.counts.errors).toBe(1);
		await review.setUpdateChoices({ mode: 'add-only' });
		expect(review.counts.errors).toBe(0);
		expect(review.row(2)!.change?.kind).toBe('skipped');
	});

	it('works a deleted row out again when it comes back after the choices changed', async () => {
		const review = await updating(acmeRow(2, { City: 'Lyon' }));
		review.removeRows([2]);
		await review.setUpdateChoices({ mode: 'add-only' });
		review.undo();
		expect(review.row(2)!.change?.kind).toBe('skipped');
		expect(review.changeCounts).toEqual({ update: 0, unchanged: 0, skipped: 1 });
	});
});
