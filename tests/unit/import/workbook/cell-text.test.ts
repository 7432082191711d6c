import { describe, expect, it } from 'vitest';
import { cellText, formatNumber, generalNumber } from '$lib/import/workbook/cell-text';

const number = (value: string, format = 'General') => cellText({ type: 'n', value, format });

describe('a cell as the text it shows', () => {
	it('writes a whole number in full, never in exponent form', () => {
		expect(number('4155550100')).toBe('4155550100');
		expect(number('441234567890')).toBe('441234567890');
		expect(number('4.15555E9')).toBe('4155550000');
		expect(generalNumber(-12)).toBe('-12');
	});

	it('writes a fraction without floating-point noise', () => {
		expect(number('0.30000000000000004')).toBe('0.3');
		expect(number('12.5')).toBe('12.5');
		expect(number('1E-7')).toBe('0.0000001');
	});

	it('keeps the leading zeros its format shows', () => {
		expect(number('2134', '00000')).toBe('02134');
		expect(number('21340123', '00000-0000')).toBe('02134-0123');
		expect(number('4155550100', '(000) 000-0000')).toBe('(415) 555-0100');
		expect(number('123456', '000')).toBe('123456');
		expect(number('7', '0000')).toBe('0007');
	});

	it('shows decimals, thousands, percentages and currencies as formatted', () => {
		expect(number('1234.5', '0.00')).toBe('1234.50');
		expect(number('1234567', '#,##0')).toBe('1,234,567');
		expect(number('1234.5', '#,##0.00')).toBe('1,234.50');
		expect(number('0.125', '0%')).toBe('13%');
		expect(number('0.125', '0.0%')).toBe('12.5%');
		expect(number('-1234.5', '#,##0.00;(#,##0.00)')).toBe('(1,234.50)');
		expect(number('-3', '0')).toBe('-3');
		expect(number('99.5', '"$"#,##0.00')).toBe('$99.50');
		expect(number('99.5', '[$€-407] #,##0.00')).toBe('€ 99.50');
		expect(number('5', '[Red]0.0')).toBe('5.0');
		expect(number('2.5', '0.##')).toBe('2.5');
		expect(number('2', '0.##')).toBe('2');
	});

	it('reads a scientific, fraction or conditional format as the full number, which those formats would hide', () => {
		expect(number('4155550100', '0.00E+00')).toBe('4155550100');
		expect(number('1.5', '# ?/?')).toBe('1.5');
		expect(number('4155550100', '[<=9999999]###-####;(###) ###-####')).toBe('4155550100');
		expect(number('4155550100', '@')).toBe('4155550100');
	});

	it('writes dates in ISO form, whatever the date format', () => {
		expect(number('46112', 'm/d/yyyy')).toBe('2026-03-31');
		expect(number('46112', 'd-mmm-yy')).toBe('2026-03-31');
		expect(number('46112', 'dd/mm/yyyy')).toBe('2026-03-31');
		expect(number('46112', '[$-409]mmmm d, yyyy;@')).toBe('2026-03-31');
		expect(number('46112.5', 'yyyy-mm-dd h:mm')).toBe('2026-03-31 12:00');
		expect(number('0.75', 'h:mm')).toBe('18:00');
		expect(number('1', 'yyyy-mm-dd')).toBe('1900-01-01');
		expect(number('61', 'yyyy-mm-dd')).toBe('1900-03-01');
		expect(cellText({ type: 'n', value: '44650', format: 'yyyy-mm-dd' }, true)).toBe('2026-03-31');
		expect(cellText({ type: 'd', value: '2026-03-31T00:00:00Z', format: 'General' })).toBe('2026-03-31');
		expect(cellText({ type: 'd', value: '2026-03-31T09:30:00', format: 'General' })).toBe('2026-03-31 09:30');
	});

	it('writes booleans as true and false, text and errors as they are', () => {
		expect(cellText({ type: 'b', value: '1', format: 'General' })).toBe('true');
		expect(cellText({ type: 'b', value: '0', format: 'General' })).toBe('false');
		expect(cellText({ type: 's', value: '02134', format: '00000' })).toBe('02134');
		expect(cellText({ type: 'e', value: '#N/A', format: 'General' })).toBe('#N/A');
		expect(number('')).toBe('');
	});

	it('formats a zero and a negative number by their own sections', () => {
		expect(formatNumber(0, '0.00;-0.00;"none"')).toBe('none');
		expect(formatNumber(-2, '0.00;[Red]-0.00')).toBe('-2.00');
	});

	it('rounds a half up on the 15 digits a spreadsheet keeps, not down on the binary value just below', () => {
		expect(number('166330.775', '0.00')).toBe('166330.78');
		expect(number('1.005', '0.00')).toBe('1.01');
		expect(number('-2.675', '#,##0.00')).toBe('-2.68');
		expect(number('0.125', '0.00%')).toBe('12.50%');
	});

	it('counts elapsed hours on past a day, as a duration', () => {
		expect(number('1.5', '[h]:mm:ss')).toBe('36:00:00');
		expect(number('10.6320601851852', '[hh]:mm:ss')).toBe('255:10:10');
		expect(number('0.5', '[h]:mm')).toBe('12:00');
	});

	it('keeps a number its format would hide: an empty section, a negative date', () => {
		expect(number('-12.34', '#,###;;')).toBe('-12.34');
		expect(number('0', '#,##0;-#,##0;')).toBe('0');
		expect(number('-1.5', 'yyyy-mm-dd')).toBe('-1.5');
		expect(number('-0.25', 'h:mm')).toBe('-0.25');
	});

	it('writes a very small number out with all its digits', () => {
		expect(number('8.881784197001252E-16')).toBe('0.000000000000000888178419700125');
		expect(number('-1.5E-7')).toBe('-0.00000015');
	});
});
