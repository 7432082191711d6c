import { describe, expect, it } from 'vitest';
import { checkFile } from '../../helpers/check-file';
import { sortIssues } from '$lib/domain/issues';
import type { NumberedRow } from '../../helpers/check-file';
import type { RowIssue } from '$lib/domain/issues';
import { COL } from '$lib/domain/template';
import { WORKSPACE, validRow } from './valid-row';
import type { RowOverrides } from './valid-row';

let nextEmail = 0;

/** A valid row with its own name and email, so that rows do not clash unless a test says so. */
function numbered(rowNumber: number, overrides: RowOverrides = {}): NumberedRow {
	nextEmail += 1;
	return {
		rowNumber,
		values: validRow({
			ClientName: `Client ${nextEmail}`,
			PrimaryContactEmail: `contact${nextEmail}@client.example`,
			...overrides
		})
	};
}

describe('checkFile', () => {
	it('returns no entry for a file of valid rows', () => {
		expect(checkFile([numbered(2), numbered(3), numbered(4)], WORKSPACE).size).toBe(0);
	});

	it('returns no entry for an empty file', () => {
		expect(checkFile([], WORKSPACE)).toEqual(new Map());
	});

	it('keys issues by the rows’ spreadsheet row numbers and leaves out rows without issues', () => {
		const result = checkFile([numbered(2), numbered(5, { Timezone: 'UTC' }), numbered(6)], WORKSPACE);
		expect([...result.keys()]).toEqual([5]);
		expect(result.get(5)).toEqual([
			expect.objectContaining({
				column: COL.Timezone,
				code: 'timezone_link',
				fix: { kind: 'timezone_old_name', value: 'Etc/UTC' }
			})
		]);
	});

	it('flags every row of a duplicate name, each naming the others', () => {
		const rows = [
			numbered(2, { ClientName: 'Initech' }),
			numbered(3),
			numbered(7, { ClientName: ' INITECH ' }),
			numbered(19, { ClientName: 'initech' })
		];
		const result = checkFile(rows, WORKSPACE);
		expect([...result.keys()].sort((a, b) => a - b)).toEqual([2, 7, 19]);
		expect(result.get(2)?.[0].message).toContain('also in rows 7, 19');
		expect(result.get(7)?.[0].message).toContain('also in rows 2, 19');
		expect(result.get(19)?.[0].message).toContain('also in rows 2, 7');
	});

	it('flags every row of a duplicate primary email', () => {
		const result = checkFile(
			[
				numbered(2, { PrimaryContactEmail: 'it@acme.example' }),
				numbered(3, { PrimaryContactEmail: 'IT@ACME.example' })
			],
			WORKSPACE
		);
		expect(result.get(2)).toEqual([expect.objectContaining({ code: 'email_duplicate_in_file' })]);
		expect(result.get(3)).toEqual([expect.objectContaining({ code: 'email_duplicate_in_file' })]);
	});

	it('checks rows against the workspace as well as against each other', () => {
		const result = checkFile(
			[numbered(2, { ClientName: 'Acme Corp' }), numbered(3, { ClientName: 'acme corp' })],
			WORKSPACE
		);
		expect(result.get(2)?.map((i) => i.code)).toEqual(['name_exists', 'name_duplicate_in_file']);
		expect(result.get(3)?.map((i) => i.code)).toEqual(['name_exists', 'name_duplicate_in_file']);
	});

	it('sorts each row’s issues by template column order', () => {
		const rows = [
			numbered(2, {
				ClientName: 'Initech',
				Timezone: 'Mars/Olympus_Mons',
				Code: 'abc',
				SiteName: '',
				PrimaryContactEmail: 'dup@x.example'
			}),
			numbered(3, { ClientName: 'Initech', PrimaryContactEmail: 'dup@x.example' })
		];
		const issues = checkFile(rows, WORKSPACE).get(2) ?? [];
		expect(issues.map((i) => [i.column, i.code])).toEqual([
			[COL.ClientName, 'name_duplicate_in_file'],
			[COL.PrimaryContactEmail, 'email_duplicate_in_file'],
			[COL.Code, 'code_format'],
			[COL.SiteName, 'required'],
			[COL.Timezone, 'timezone_unknown']
		]);
	});

	it('keeps warnings alongside errors', () => {
		const result = checkFile([numbered(2, { Code: '1', PhoneNumber: '1234', City: 'x'.repeat(101) })], WORKSPACE);
		expect(result.get(2)?.map((i) => [i.code, i.severity])).toEqual([
			['phone_not_for_country', 'warning'],
			['too_long', 'error']
		]);
	});
});

describe('sortIssues', () => {
	const at = (column: number, code: RowIssue['code']): RowIssue => ({ column, code, severity: 'error', message: code });

	it('sorts issues by column, in place', () => {
		const issues = [at(15, 'timezone_unknown'), at(0, 'required'), at(4, 'code_format')];
		const result = sortIssues(issues);
		expect(result).toBe(issues);
		expect(result.map((i) => i.column)).toEqual([0, 4, 15]);
	});

	it('keeps the order of issues within one column', () => {
		const issues = [at(3, 'email_is_signup'), at(0, 'name_exists'), at(3, 'email_exists')];
		expect(sortIssues(issues).map((i) => i.code)).toEqual(['name_exists', 'email_is_signup', 'email_exists']);
	});
});
