import { describe, expect, it } from 'vitest';
import { clipText } from '$lib/domain/display-text';
import { readCustomFields, readWorkspaceSettings, SETTING_SHAPES } from '$lib/domain/settings-shape';

const field = (id: string, name: string) => ({ id, name, type: 'text', required: false, options: [] });

describe('stored settings, read', () => {
	it('reads malformed workspace settings as their defaults, and a long saved name as itself', () => {
		expect(readWorkspaceSettings({ workspaceName: { name: 'Acme' }, signUpEmail: 42 })).toEqual({
			workspaceName: 'My workspace',
			signUpEmail: ''
		});
		expect(readWorkspaceSettings({ workspaceName: '   ' }).workspaceName).toBe('My workspace');
		const long = 'N'.repeat(150);
		expect(readWorkspaceSettings({ workspaceName: long }).workspaceName).toBe(long);
	});

	it('reads custom fields that are not a list as none, and leaves out malformed and repeated entries', () => {
		expect(readCustomFields('oops')).toEqual([]);
		expect(readCustomFields({ 0: field('a', 'A') })).toEqual([]);
		const fields = readCustomFields([field('a', 'A'), field('a', 'B'), field('c', 'a'), { id: 'd' }, field('e', 'E')]);
		expect(fields.map((f) => f.id)).toEqual(['a', 'e']);
	});

	it('checks a restored workspace name and sign-up email by the Settings rules', () => {
		const problem = (key: string, value: unknown) => SETTING_SHAPES[key].safeParse(value).error?.issues[0].message;
		expect(problem('workspaceName', 'Acme')).toBeUndefined();
		expect(problem('workspaceName', ' ')).toBe('Workspace name is required.');
		expect(problem('workspaceName', 'N'.repeat(101))).toBe(
			'Workspace name is 101 characters long: keep it to 100 or fewer.'
		);
		expect(problem('signUpEmail', 'nope')).toBe('"nope" is not a valid email address: write it like name@example.com.');
		expect(problem('signUpEmail', '')).toBeUndefined();
	});
});

describe('clipText', () => {
	it('keeps short text, and clips long text around a count of what is left out', () => {
		expect(clipText('Acme')).toBe('Acme');
		expect(clipText('A'.repeat(10_485_760), 10)).toBe('AAAAAAA… (10,485,750 more characters) …AAA');
	});
});
