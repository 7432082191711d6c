import { describe, expect, it } from 'vitest';
import { checkRow } from '$lib/domain/rules';
import { FixIndex, followReview } from '$lib/review/fix-index';
import { ReviewSession, type ReviewSource } from '$lib/review/review-session.svelte';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import {
	fixSuggestions,
	gatherRow,
	type FindingSink,
	type FixableRow,
	type FixExample
} from '$lib/review/fix-suggestions';
import { SNAPSHOT, validRow, WORKSPACE, type RowOverrides } from '../domain/valid-row';

function checked(rowNumber: number, overrides: RowOverrides = {}): FixableRow {
	const values = validRow({ ClientName: `Client ${rowNumber}`, ...overrides });
	return { rowNumber, values, issues: checkRow(values, WORKSPACE) };
}

/** What the panel shows of a full scan of `rows`: the fixes, their counts and examples, without their cells. */
function fullScan(rows: readonly FixableRow[]) {
	return fixSuggestions(rows).map(({ id, label, count, examples }) => ({ id, label, count, examples }));
}

/** Every before → after pair the rows give for one fix. */
function everyExample(rows: readonly FixableRow[], id: string): FixExample[] {
	const examples: FixExample[] = [];
	const sink: FindingSink = {
		add: () => {},
		wantsExample: (found) => found === id,
		addExample: (_id, _row, example) => void examples.push(example)
	};
	for (const row of rows) gatherRow(row, sink);
	return examples;
}

/** A review's rows by number, and an index over them. */
function tallyOf(rows: FixableRow[]) {
	const byNumber = new Map(rows.map((row) => [row.rowNumber, row]));
	const index = new FixIndex((rowNumber) => byNumber.get(rowNumber));
	for (const row of rows) index.set(row);
	return { index, byNumber };
}

const MESSY: [number, RowOverrides][] = [
	[2, { Timezone: 'Asia/Calcutta', Country: 'us', PhoneNumber: '212 555 0188' }],
	[3, { Timezone: 'US/Eastern', PhoneNumber: '212-555-0188' }],
	[4, { Timezone: 'america/new_york', Country: 'us', PhoneNumber: '(212) 555.0188' }],
	[5, { City: ' New York ' }],
	[6, { AddressLine: '350  Fifth Avenue' }],
	[7, {}],
	[8, { Country: 'Us', City: 'Boston  ' }]
];

describe('FixIndex', () => {
	it('shows what a full scan shows: the same fixes, counts and examples, in the same order', () => {
		const rows = MESSY.map(([n, o]) => checked(n, o));
		expect(tallyOf(rows).index.summaries()).toEqual(fullScan(rows));
		expect(fullScan(rows).map((s) => [s.id, s.count])).toEqual([
			['phone', 3],
			['timezone_old_name', 3],
			['country_case', 3],
			['whitespace', 3]
		]);
	});

	it('follows an edit of one row: its old problems taken back, its new ones counted', () => {
		const rows = MESSY.map(([n, o]) => checked(n, o));
		const { index, byNumber } = tallyOf(rows);
		const edited = checked(3, { PhoneNumber: '2125550188', City: ' Albany' });
		byNumber.set(3, edited);
		index.set(edited);
		const now = [...byNumber.values()];
		expect(index.summaries().map((s) => [s.id, s.count])).toEqual(fullScan(now).map((s) => [s.id, s.count]));
		expect(index.summaries().find((s) => s.id === 'phone')?.count).toBe(2);
		expect(index.summaries().find((s) => s.id === 'whitespace')?.count).toBe(4);
	});

	it('takes back a deleted row, and finds another example in place of the one it gave', () => {
		const rows = [
			checked(2, { Country: 'us' }),
			checked(3, { Country: 'gb', State: '' }),
			checked(4, { Country: 'de', State: '' }),
			checked(5, { Country: 'fr', State: '' })
		];
		const { index, byNumber } = tallyOf(rows);
		expect(index.summaries()[0].examples.map((e) => e.before)).toEqual(['us', 'gb', 'de']);
		byNumber.delete(2);
		index.remove(2);
		const [codes] = index.summaries();
		expect(codes.count).toBe(3);
		expect(codes.examples.map((e) => e.before).sort()).toEqual(['de', 'fr', 'gb']);
	});

	it('counts rows far apart in a long file, and gathers their cells in row order', async () => {
		const rows = [checked(70_000, { Country: 'us' }), checked(2, { Country: 'us' }), checked(5_000, { City: ' Troy' })];
		const { index, byNumber } = tallyOf(rows);
		expect(index.summaries().map((s) => [s.id, s.count])).toEqual([
			['country_case', 2],
			['whitespace', 1]
		]);
		const [codes] = (await index.suggestions(['country_case']))!;
		expect(codes.changes.map((c) => c.rowNumber)).toEqual([2, 70_000]);
		byNumber.delete(70_000);
		index.remove(70_000);
		expect(index.summaries()[0].count).toBe(1);
	});

	it('says nothing once every problem is fixed', () => {
		const { index, byNumber } = tallyOf([checked(2, { Country: 'us' }), checked(3, { City: ' Boston' })]);
		for (const rowNumber of [2, 3]) {
			const fixed = checked(rowNumber);
			byNumber.set(rowNumber, fixed);
			index.set(fixed);
		}
		expect(index.summaries()).toEqual([]);
	});

	it('gathers the cells a fix writes from the rows that have it, as the full scan does', async () => {
		const rows = MESSY.map(([n, o]) => checked(n, o));
		const { index } = tallyOf(rows);
		const full = fixSuggestions(rows);
		expect(await index.suggestions(['phone'])).toEqual(full.filter((s) => s.id === 'phone'));
		expect(await index.suggestions()).toEqual(full);
	});

	it('stays equal to a full scan through many edits of many rows', () => {
		const variants: RowOverrides[] = [
			{},
			{ Country: 'us' },
			{ City: '  Troy' },
			{ PhoneNumber: '212 555 0188' },
			{ Timezone: 'US/Eastern' },
			{ Timezone: 'US/Eastern', Country: 'us', AddressLine: 'a  b' }
		];
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) as number;
		const rows = Array.from({ length: 60 }, (_, i) => checked(i + 2, variants[random(variants.length)]));
		const { index, byNumber } = tallyOf(rows);
		for (let step = 0; step < 300; step++) {
			const rowNumber = random(60) + 2;
			if (random(5) === 0) {
				byNumber.delete(rowNumber);
				index.remove(rowNumber);
			} else {
				const row = checked(rowNumber, variants[random(variants.length)]);
				byNumber.set(rowNumber, row);
				index.set(row);
			}
		}
		const now = [...byNumber.values()].sort((a, b) => a.rowNumber - b.rowNumber);
		const counts = (summaries: { id: string; count: number }[]) => summaries.map((s) => [s.id, s.count]);
		expect(counts(index.summaries())).toEqual(counts(fullScan(now)));
		// Examples may come from other rows than a scan's first ones, but each is one the rows show, and as many.
		for (const summary of index.summaries()) {
			const shown = everyExample(now, summary.id);
			expect(summary.examples.length).toBe(Math.min(3, new Set(shown.map((e) => e.before)).size));
			for (const example of summary.examples) expect(shown).toContainEqual(example);
		}
	});
});

describe('followReview', () => {
	const SOURCE: ReviewSource = {
		fileName: 'clients.csv',
		settings: { encoding: 'utf-8', delimiter: ',' },
		header: [...TEMPLATE_COLUMNS],
		mapping: TEMPLATE_COLUMNS.map((_, index) => index)
	};
	const parsedRow = (rowNumber: number, overrides: RowOverrides) => {
		const { values, issues } = checked(rowNumber, overrides);
		return { rowNumber, values: [...values], issues: [...issues] };
	};
	const counts = (index: FixIndex) => index.summaries().map((s) => [s.id, s.count]);

	it('tallies the rows there, then those a change names: an edit, a delete, rows added', async () => {
		const review = new ReviewSession(SOURCE, SNAPSHOT);
		review.addParsed([parsedRow(2, { Country: 'us' }), parsedRow(3, { City: ' Troy' })]);
		const told: (string | number)[][][] = [];
		const follow = followReview(review, (index) => told.push(counts(index)));
		await follow.tallied();
		expect(told.at(-1)).toEqual([
			['country_case', 1],
			['whitespace', 1]
		]);

		review.edit([{ rowNumber: 2, column: COL.Country, value: 'US' }], 'Fix');
		await follow.tallied();
		expect(told.at(-1)).toEqual([['whitespace', 1]]);

		review.removeRows([3]);
		review.addParsed([parsedRow(4, { Country: 'gb', State: '' })]);
		await follow.tallied();
		expect(told.at(-1)).toEqual([['country_case', 1]]);
		expect((await follow.index.suggestions())![0].changes).toEqual([
			{ rowNumber: 4, column: COL.Country, value: 'GB' }
		]);

		follow.stop();
		const heard = told.length;
		review.edit([{ rowNumber: 4, column: COL.Country, value: 'GB' }], 'Fix');
		await follow.tallied();
		expect(told).toHaveLength(heard);
	});
});
