import { describe, expect, it } from 'vitest';
import { isDomainName, isEmail, lengthOf } from '$lib/domain/field-rules';

describe('isEmail', () => {
	it.each(['name@example.com', 'maria.garcia+it@mail.contoso.co.uk', 'a@b.co', 'UPPER@EXAMPLE.COM'])(
		'accepts %j',
		(email) => {
			expect(isEmail(email)).toBe(true);
		}
	);

	it.each(['', 'name', 'name@', '@example.com', 'name@example', 'na me@example.com', 'a@@b.com', 'a@b.c', 'a.@b.com'])(
		'rejects %j',
		(email) => {
			expect(isEmail(email)).toBe(false);
		}
	);
});

describe('isDomainName', () => {
	it.each(['acme.com', 'acme.co.uk', 'ACME.COM', 'mail.acme.io', 'contoso-dental.example', 'xn--80ak6aa92e.com'])(
		'accepts %j',
		(domain) => {
			expect(isDomainName(domain)).toBe(true);
		}
	);

	it.each([
		'acme',
		'localhost',
		'@acme.com',
		'it@acme.com',
		'acme.c',
		'acme.123',
		'-acme.com',
		'acme-.com',
		'a_b.com',
		'a..com',
		'acme .com',
		'http://acme.com',
		''
	])('rejects %j', (domain) => {
		expect(isDomainName(domain)).toBe(false);
	});
});

describe('lengthOf', () => {
	it('counts characters as a person does', () => {
		expect(lengthOf('')).toBe(0);
		expect(lengthOf('Acme')).toBe(4);
		expect(lengthOf('Zürich')).toBe(6);
		expect(lengthOf('😀😀')).toBe(2);
		expect(lengthOf('東京')).toBe(2);
	});

	it('does not trim: spaces count', () => {
		expect(lengthOf(' a ')).toBe(3);
	});

	it('counts as the string iterator does, lone surrogates included', () => {
		for (const value of ['a😀b', '😀', '\ud83d', '\ude00', 'a\ud83d', '\ude00\ud83d', '\ud83d\ud83d\ude00', '👩‍👩‍👧']) {
			expect(lengthOf(value)).toBe([...value].length);
		}
	});
});
