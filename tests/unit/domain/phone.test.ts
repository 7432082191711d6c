import { describe, expect, it } from 'vitest';
import { callingCodeDigits, fitsCountry, isRealCallingCode } from '$lib/domain/phone';

describe('callingCodeDigits', () => {
	it.each([
		['1', '1'],
		['+1', '1'],
		['+44', '44'],
		['91', '91'],
		['+380', '380'],
		[' +44 ', '44']
	])('reads %j as %s', (value, digits) => {
		expect(callingCodeDigits(value)).toBe(digits);
	});

	it.each(['', '+', 'abc', '+1234', '1234', '++1', '1+', '4 4', '+ 44', '-1', '44a'])('rejects %j', (value) => {
		expect(callingCodeDigits(value)).toBeUndefined();
	});
});

describe('isRealCallingCode', () => {
	it.each(['1', '7', '44', '91', '380', '852'])('knows %s as a country calling code', (digits) => {
		expect(isRealCallingCode(digits)).toBe(true);
	});

	it.each(['0', '999', '99', '+1', ''])('does not know %j', (digits) => {
		expect(isRealCallingCode(digits)).toBe(false);
	});
});

describe('fitsCountry', () => {
	it.each([
		['1', '2125550188'],
		['44', '2071234567'],
		['91', '9876543210']
	])('accepts +%s %s as a number of that country', (code, number) => {
		expect(fitsCountry(code, number)).toBe(true);
	});

	it.each([
		['1', '1234'],
		['44', '12345'],
		['1', '123456789012345']
	])('rejects +%s %s as not a number of that country', (code, number) => {
		expect(fitsCountry(code, number)).toBe(false);
	});
});
