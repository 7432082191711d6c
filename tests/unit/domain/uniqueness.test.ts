import { describe, expect, it } from 'vitest';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { hashKey, UniquenessIndex } from '$lib/domain/uniqueness';

function row(name: string, email = ''): string[] {
	const values = TEMPLATE_COLUMNS.map(() => '');
	values[COL.ClientName] = name;
	values[COL.PrimaryContactEmail] = email;
	return values;
}

/** An index holding the given rows, by row number. */
function indexOf(rows: Record<number, string[]>): UniquenessIndex {
	const index = new UniquenessIndex();
	for (const [rowNumber, values] of Object.entries(rows)) index.set(Number(rowNumber), values);
	return index;
}

function sorted(rows: Set<number>): number[] {
	return [...rows].sort((a, b) => a - b);
}

describe('UniquenessIndex: duplicate names', () => {
	const rows = { 2: row('Acme Corp'), 7: row('  acme   CORP '), 19: row('ACME CORP'), 20: row('Globex') };
	const index = indexOf(rows);

	it.each([2, 7, 19])('flags every row of a duplicate name (row %i)', (rowNumber) => {
		expect(index.issuesFor(rowNumber, rows[rowNumber as 2 | 7 | 19])).toEqual([
			expect.objectContaining({ column: COL.ClientName, severity: 'error', code: 'name_duplicate_in_file' })
		]);
	});

	it('names the other rows of the group in each message, in order', () => {
		expect(index.issuesFor(2, rows[2])[0].message).toBe(
			'Client name "Acme Corp" is also in rows 7, 19: each client needs its own name, so rename or remove all but one.'
		);
		expect(index.issuesFor(7, rows[7])[0].message).toContain('is also in rows 2, 19:');
		expect(index.issuesFor(19, rows[19])[0].message).toContain('is also in rows 2, 7:');
	});

	it('quotes the row’s own value, trimmed', () => {
		expect(index.issuesFor(7, rows[7])[0].message).toMatch(/^Client name "acme {3}CORP" is also in/);
	});

	it('does not flag a row whose name is unique', () => {
		expect(index.issuesFor(20, rows[20])).toEqual([]);
	});

	it('says "row" for a single other row', () => {
		const pair = indexOf({ 3: row('Initech'), 4: row('initech') });
		expect(pair.issuesFor(3, row('Initech'))[0].message).toContain('is also in row 4:');
		expect(pair.issuesFor(4, row('initech'))[0].message).toContain('is also in row 3:');
	});

	it('lists at most five other rows and counts the rest', () => {
		const many: Record<number, string[]> = {};
		for (let n = 2; n <= 9; n++) many[n] = row('Initech');
		const index = indexOf(many);
		expect(index.issuesFor(2, many[2])[0].message).toContain('is also in rows 3, 4, 5, 6, 7 and 2 more:');
		expect(index.issuesFor(9, many[9])[0].message).toContain('is also in rows 2, 3, 4, 5, 6 and 2 more:');
	});

	it('stops counting past 100 other rows, so a row joining a large group changes its own marks only', () => {
		const index = new UniquenessIndex();
		for (let n = 2; n <= 200; n++) index.set(n, row('Initech'));
		expect(index.issuesFor(2, row('Initech'))[0].message).toContain(
			'is also in rows 3, 4, 5, 6, 7 and more than 100 others:'
		);
		expect([...index.set(201, row('Initech'))]).toEqual([201]);
		// A newcomer among the rows listed changes what the others list.
		expect(index.set(1, row('Initech')).size).toBe(201);
		expect(index.issuesFor(200, row('Initech'))[0].message).toContain('is also in rows 1, 2, 3, 4, 5 and more');
	});

	it('takes 200,000 rows sharing one name with work linear in the rows, not quadratic', () => {
		const index = new UniquenessIndex();
		let affected = 0;
		for (let n = 2; n < 200_002; n++) affected += index.set(n, row('Initech')).size;
		// The first 102 rows each touch their whole group; every later one, itself.
		expect(affected).toBeLessThan(200_000 + 102 * 102);
	});

	it('sorts the other rows numerically, not in insertion order', () => {
		const index = indexOf({ 100: row('Initech'), 9: row('Initech'), 20: row('Initech') });
		expect(index.issuesFor(100, row('Initech'))[0].message).toContain('also in rows 9, 20:');
	});

	it('does not treat empty or blank names as duplicates of each other', () => {
		const index = indexOf({ 2: row(''), 3: row('   '), 4: row('') });
		expect(index.issuesFor(2, row(''))).toEqual([]);
		expect(index.issuesFor(3, row('   '))).toEqual([]);
	});

	it('does not treat names that differ by more than case and spacing as duplicates', () => {
		const index = indexOf({ 2: row('Acme Corp'), 3: row('AcmeCorp'), 4: row('Acme Corp.') });
		expect([2, 3, 4].flatMap((n) => index.issuesFor(n, row('')))).toEqual([]);
	});

	it('reports nothing for a row it does not hold', () => {
		expect(index.issuesFor(99, row('Acme Corp'))).toEqual([]);
	});
});

describe('UniquenessIndex: duplicate primary emails', () => {
	const rows = {
		2: row('Acme', 'it@acme.example'),
		3: row('Globex', ' IT@Acme.Example '),
		4: row('Initech', 'bill@initech.example')
	};
	const index = indexOf(rows);

	it('flags every row of a duplicate email, case-insensitively', () => {
		expect(index.issuesFor(2, rows[2])).toEqual([
			{
				column: COL.PrimaryContactEmail,
				severity: 'error',
				code: 'email_duplicate_in_file',
				message:
					'Primary contact email it@acme.example is also in row 3: each client needs its own, so change or remove all but one.'
			}
		]);
		expect(index.issuesFor(3, rows[3])).toEqual([
			expect.objectContaining({
				column: COL.PrimaryContactEmail,
				code: 'email_duplicate_in_file',
				message: expect.stringContaining('IT@Acme.Example is also in row 2:')
			})
		]);
	});

	it('does not flag a unique email', () => {
		expect(index.issuesFor(4, rows[4])).toEqual([]);
	});

	it('reports a name group and an email group of the same row separately', () => {
		const both = indexOf({
			2: row('Acme', 'a@x.example'),
			3: row('Acme', 'b@x.example'),
			4: row('Globex', 'a@x.example')
		});
		expect(both.issuesFor(2, row('Acme', 'a@x.example'))).toEqual([
			expect.objectContaining({ code: 'name_duplicate_in_file', message: expect.stringContaining('also in row 3:') }),
			expect.objectContaining({ code: 'email_duplicate_in_file', message: expect.stringContaining('also in row 4:') })
		]);
	});
});

describe('UniquenessIndex: set and remove return the rows whose marks change', () => {
	it('returns only the row itself when a new row is unique', () => {
		const index = new UniquenessIndex();
		expect(sorted(index.set(2, row('Acme')))).toEqual([2]);
		expect(sorted(index.set(3, row('Globex')))).toEqual([3]);
	});

	it('returns every row of a group when a row joins it', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Globex') });
		expect(sorted(index.set(4, row('acme')))).toEqual([2, 4]);
		expect(sorted(index.set(5, row('ACME')))).toEqual([2, 4, 5]);
		expect(index.issuesFor(2, row('Acme'))[0].message).toContain('also in rows 4, 5:');
	});

	it('returns the group when a row is edited to join it', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Globex'), 4: row('Initech') });
		expect(sorted(index.set(4, row('Acme')))).toEqual([2, 4]);
		expect(index.issuesFor(2, row('Acme'))[0].message).toContain('also in row 4:');
		expect(index.issuesFor(3, row('Globex'))).toEqual([]);
	});

	it('returns the group it left when a row is edited away from it', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme'), 4: row('Acme') });
		expect(sorted(index.set(4, row('Initech')))).toEqual([2, 3, 4]);
		expect(index.issuesFor(4, row('Initech'))).toEqual([]);
		expect(index.issuesFor(2, row('Acme'))[0].message).toContain('also in row 3:');
	});

	it('clears the last other row’s mark when a pair is broken by an edit', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme') });
		expect(sorted(index.set(3, row('Globex')))).toEqual([2, 3]);
		expect(index.issuesFor(2, row('Acme'))).toEqual([]);
		expect(index.issuesFor(3, row('Globex'))).toEqual([]);
	});

	it('returns both the group left and the group joined when a row moves between groups', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme'), 4: row('Globex'), 5: row('Globex') });
		expect(sorted(index.set(3, row('Globex')))).toEqual([2, 3, 4, 5]);
		expect(index.issuesFor(2, row('Acme'))).toEqual([]);
		expect(index.issuesFor(3, row('Globex'))[0].message).toContain('also in rows 4, 5:');
	});

	it('returns the group again when a row is set with unchanged values', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme') });
		expect(sorted(index.set(3, row('Acme')))).toEqual([2, 3]);
		expect(index.issuesFor(3, row('Acme'))[0].message).toContain('also in row 2:');
	});

	it('returns the rows of both groups when a row is in a name group and an email group', () => {
		const index = indexOf({ 2: row('Acme', 'a@x.example'), 3: row('Globex', 'b@x.example') });
		expect(sorted(index.set(4, row('acme', 'B@x.example')))).toEqual([2, 3, 4]);
	});

	it('returns the rest of the group when a row is removed', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme'), 4: row('Acme') });
		expect(sorted(index.remove(4))).toEqual([2, 3]);
		expect(index.issuesFor(2, row('Acme'))[0].message).toContain('also in row 3:');
		expect(index.issuesFor(4, row('Acme'))).toEqual([]);
	});

	it('unmarks the last row of a group when its pair is removed', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme') });
		expect(sorted(index.remove(3))).toEqual([2]);
		expect(index.issuesFor(2, row('Acme'))).toEqual([]);
	});

	it('returns nothing when a unique row or an unknown row is removed', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Globex') });
		expect(sorted(index.remove(3))).toEqual([]);
		expect(sorted(index.remove(42))).toEqual([]);
		expect(sorted(index.remove(3))).toEqual([]);
	});

	it('lets a removed row be set again and rejoin its group', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme') });
		index.remove(3);
		expect(sorted(index.set(3, row('Acme')))).toEqual([2, 3]);
		expect(index.issuesFor(2, row('Acme'))[0].message).toContain('also in row 3:');
	});

	it('does not join a group when its name is cleared', () => {
		const index = indexOf({ 2: row('Acme'), 3: row('Acme') });
		expect(sorted(index.set(3, row('')))).toEqual([2, 3]);
		expect(index.issuesFor(2, row('Acme'))).toEqual([]);
	});
});

describe('UniquenessIndex: a file with a ClientId column', () => {
	const CLIENT_ID = TEMPLATE_COLUMNS.length + 2;
	const withId = (name: string, id: string) => {
		const values = [...row(name), '', '', ''];
		values[CLIENT_ID] = id;
		return values;
	};
	const rows = {
		2: withId('Acme Corp', 'c-1'),
		3: withId('Acme Renamed', ' c-1 '),
		4: withId('Globex', 'c-2'),
		5: withId('Initech', '')
	};
	const index = new UniquenessIndex(CLIENT_ID);
	for (const [rowNumber, values] of Object.entries(rows)) index.set(Number(rowNumber), values);

	it('flags two rows naming one client by id, whatever their names', () => {
		expect(index.columns).toEqual([COL.ClientName, COL.PrimaryContactEmail, CLIENT_ID]);
		expect(index.issuesFor(2, rows[2])).toEqual([
			{
				column: CLIENT_ID,
				severity: 'error',
				code: 'client_id_duplicate_in_file',
				message:
					'ClientId c-1 is also in row 3: a client is updated by one row, so keep the id in one of them (a row without a ClientId is matched by its name).'
			}
		]);
		expect(index.issuesFor(4, rows[4])).toEqual([]);
		expect(index.issuesFor(5, rows[5])).toEqual([]);
	});

	it('lets the mark go when one of the two ids is cleared', () => {
		const cleared = withId('Acme Renamed', '');
		expect(sorted(index.set(3, cleared))).toEqual([2, 3]);
		expect(index.issuesFor(2, rows[2])).toEqual([]);
	});

	it('has no ClientId rule without the column', () => {
		expect(new UniquenessIndex().columns).toEqual([COL.ClientName, COL.PrimaryContactEmail]);
	});
});

describe('UniquenessIndex: keys kept as hashes', () => {
	/** Two different names whose keys share a hash (found by trying: 30 bits meet within some 40,000 names). */
	function namesSharingAHash(): [string, string] {
		const seen = new Map<number, string>();
		for (let i = 0; ; i++) {
			const name = `Client ${i}`;
			const hash = hashKey(name.toLowerCase());
			const other = seen.get(hash);
			if (other !== undefined) return [other, name];
			seen.set(hash, name);
		}
	}
	const [first, second] = namesSharingAHash();

	it('found two different names with one hash', () => {
		expect(first).not.toBe(second);
		expect(hashKey(first.toLowerCase())).toBe(hashKey(second.toLowerCase()));
	});

	it('does not flag two different names whose keys share a hash', () => {
		const index = new UniquenessIndex();
		expect(sorted(index.set(2, row(first)))).toEqual([2]);
		expect(sorted(index.set(3, row(second)))).toEqual([3]);
		expect(index.issuesFor(2, row(first))).toEqual([]);
		expect(index.issuesFor(3, row(second))).toEqual([]);
	});

	it('flags the duplicates of each name apart, and lets each go on its own', () => {
		const index = new UniquenessIndex();
		index.set(2, row(first));
		index.set(3, row(second));
		expect(sorted(index.set(4, row(second.toUpperCase())))).toEqual([3, 4]);
		expect(sorted(index.set(5, row(first)))).toEqual([2, 5]);
		expect(index.issuesFor(2, row(first))[0].message).toContain('is also in row 5:');
		expect(index.issuesFor(3, row(second))[0].message).toContain('is also in row 4:');
		expect(index.issuesFor(4, row(second))[0].message).toContain('is also in row 3:');

		expect(sorted(index.remove(4))).toEqual([3]);
		expect(index.issuesFor(3, row(second))).toEqual([]);
		expect(index.issuesFor(2, row(first))[0].message).toContain('is also in row 5:');
		expect(sorted(index.set(5, row('Globex')))).toEqual([2, 5]);
		expect(index.issuesFor(2, row(first))).toEqual([]);
		// Back to two lone rows sharing a hash, then one: a new duplicate of either is still found.
		index.remove(3);
		expect(sorted(index.set(6, row(first)))).toEqual([2, 6]);
		expect(index.issuesFor(6, row(first))[0].message).toContain('is also in row 2:');
	});
});
