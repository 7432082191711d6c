// A spreadsheet cell as the text the admin sees in it: a number by its cell's format (a postal code formatted
// "00000" keeps its leading zero), a whole number in full (a phone never turns into 4.16E+09), dates in ISO
// form (2026-03-31), booleans as true/false. Formats beyond the common ones read as the plain number.

/** Excel's built-in number formats, by id; the others are declared in the workbook's styles. */
const BUILT_IN_FORMATS: Record<number, string> = {
	0: 'General',
	1: '0',
	2: '0.00',
	3: '#,##0',
	4: '#,##0.00',
	9: '0%',
	10: '0.00%',
	11: '0.00E+00',
	12: '# ?/?',
	13: '# ??/??',
	14: 'yyyy-mm-dd',
	15: 'd-mmm-yy',
	16: 'd-mmm',
	17: 'mmm-yy',
	18: 'h:mm AM/PM',
	19: 'h:mm:ss AM/PM',
	20: 'h:mm',
	21: 'h:mm:ss',
	22: 'yyyy-mm-dd h:mm',
	37: '#,##0 ;(#,##0)',
	38: '#,##0 ;[Red](#,##0)',
	39: '#,##0.00;(#,##0.00)',
	40: '#,##0.00;[Red](#,##0.00)',
	45: 'mm:ss',
	46: '[h]:mm:ss',
	47: 'mm:ss.0',
	48: '##0.0E+0',
	49: '@'
};
// Ids 27–36 and 50–58 are the East Asian locales' dates.
for (let id = 27; id <= 58; id++) if (id <= 36 || id >= 50) BUILT_IN_FORMATS[id] ??= 'yyyy-mm-dd';

export function builtInFormat(id: number): string {
	return BUILT_IN_FORMATS[id] ?? 'General';
}

/** A cell as the sheet stores it: its type attribute (`t`), its raw value and its number format. */
export interface RawCell {
	type: string;
	value: string;
	format: string;
}

/** The text the admin sees in a cell. `date1904` is the workbook's date system. */
export function cellText(cell: RawCell, date1904 = false): string {
	switch (cell.type) {
		case 'b':
			return cell.value === '1' || cell.value.toLowerCase() === 'true' ? 'true' : 'false';
		case 's':
		case 'str':
		case 'inlineStr':
		case 'e':
			return cell.value;
		case 'd':
			return isoFromText(cell.value);
		default: {
			if (cell.value.trim() === '') return '';
			const number = Number(cell.value);
			if (!Number.isFinite(number)) return cell.value;
			return formatNumber(number, cell.format, date1904);
		}
	}
}

/** A number as its format shows it. */
export function formatNumber(number: number, format: string, date1904 = false): string {
	const section = chooseSection(format, number);
	if (section === undefined) return generalNumber(number);
	const { code, value } = section;
	const plain = stripDecorations(code);
	if (plain === undefined) return generalNumber(number);
	if (isDateFormat(plain)) {
		// Excel fills a negative date or time with ####: the number itself is kept, not a day before 1900.
		return number < 0 ? generalNumber(number) : isoFromSerial(number, plain, date1904, /\[h+\]/i.test(code));
	}
	return numberByPattern(value, plain) ?? generalNumber(number);
}

/** A number in full: whole numbers with every digit, others without floating-point noise. */
export function generalNumber(number: number): string {
	if (Number.isInteger(number) && Math.abs(number) < 1e21) return number.toFixed(0);
	const rounded = Number(number.toPrecision(15));
	const text = String(rounded);
	// A very small number would print as 1e-7: write it out with all its digits, as a spreadsheet's cell does.
	const [mantissa, exponent] = text.split(/e-/i);
	if (exponent === undefined) return text;
	const digits = mantissa.replace(/[-.]/g, '');
	return `${rounded < 0 ? '-' : ''}0.${'0'.repeat(Number(exponent) - 1)}${digits}`;
}

/** Splits at semicolons outside quotes and brackets. */
function sections(format: string): string[] {
	const parts: string[] = [];
	let current = '';
	let quoted = false;
	let bracket = false;
	for (let i = 0; i < format.length; i++) {
		const char = format[i];
		if (char === '\\' && !quoted) {
			current += char + (format[i + 1] ?? '');
			i++;
			continue;
		}
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === '[') bracket = true;
		else if (!quoted && char === ']') bracket = false;
		if (char === ';' && !quoted && !bracket) {
			parts.push(current);
			current = '';
		} else current += char;
	}
	parts.push(current);
	return parts;
}

/**
 * The section of a format that applies to a number (positive;negative;zero;text), with the value it shows:
 * a negative section shows the absolute value (it writes its own sign or brackets). Undefined for General,
 * text (@), conditional sections ([<=9999999]) and a section left empty to hide its numbers (`#,##0;;`),
 * which read as the plain number: an empty cell would lose the value.
 */
function chooseSection(format: string, number: number): { code: string; value: number } | undefined {
	const trimmed = format.trim();
	if (trimmed === '' || /^general$/i.test(trimmed) || trimmed === '@') return undefined;
	const parts = sections(trimmed);
	if (parts.some((part) => /\[[<>=]/.test(part))) return undefined;
	if (number < 0 && parts.length >= 2) return parts[1] === '' ? undefined : { code: parts[1], value: -number };
	if (number === 0 && parts.length >= 3) return parts[2] === '' ? undefined : { code: parts[2], value: 0 };
	if (/general/i.test(parts[0])) return undefined;
	return { code: parts[0], value: number };
}

/**
 * A section with its decorations resolved: quoted and escaped text kept as literals (marked by a leading
 * \uE000 per character), colours and locales dropped, a currency symbol [$€-407] kept, padding `_x` as a
 * space and fill `*x` dropped. Undefined when it holds a text placeholder (@), which shows text, not numbers.
 */
function stripDecorations(code: string): string | undefined {
	let out = '';
	for (let i = 0; i < code.length; i++) {
		const char = code[i];
		if (char === '"') {
			const close = code.indexOf('"', i + 1);
			const literal = close < 0 ? code.slice(i + 1) : code.slice(i + 1, close);
			for (const c of literal) out += '\uE000' + c;
			i = close < 0 ? code.length : close;
		} else if (char === '\\') {
			if (i + 1 < code.length) out += '\uE000' + code[++i];
		} else if (char === '_') {
			out += '\uE000 ';
			i++;
		} else if (char === '*') {
			i++;
		} else if (char === '[') {
			const close = code.indexOf(']', i);
			const inside = close < 0 ? '' : code.slice(i + 1, close);
			if (/^(h+|m+|s+)$/i.test(inside)) out += inside;
			else if (inside.startsWith('$')) for (const c of inside.slice(1).split('-')[0]) out += '\uE000' + c;
			i = close < 0 ? code.length : close;
		} else if (char === '@') {
			return undefined;
		} else {
			out += char;
		}
	}
	return out;
}

/** The format's characters that are not literals. */
function codeOnly(plain: string): string {
	return plain.replace(/\uE000./gsu, '');
}

function isDateFormat(plain: string): boolean {
	const code = codeOnly(plain);
	return /[dyhs]/i.test(code) || (/m/i.test(code) && !/[0#?]/.test(code));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date serial in ISO form: the date, the time, or both, as the format shows them. Elapsed hours ([h]:mm)
 * count on past 24 (1.5 days is 36:00), as a duration and with no date.
 */
function isoFromSerial(serial: number, plain: string, date1904: boolean, elapsedHours = false): string {
	const code = codeOnly(plain).toLowerCase();
	const hasDate = /[dy]/.test(code) || (/m/.test(code) && !/[hs]/.test(code));
	const hasTime = /[hs]/.test(code);
	const hasSeconds = /s/.test(code);
	let days = Math.floor(serial);
	let seconds = Math.round((serial - days) * 86400);
	if (seconds === 86400) {
		days++;
		seconds = 0;
	}
	if (elapsedHours) seconds += days * 86400;
	const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}${hasSeconds ? `:${pad(seconds % 60)}` : ''}`;
	if (!hasDate || elapsedHours) return time;
	// Excel counts 1900-02-29, a day that never was: serials from 61 on are one day ahead of the calendar.
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
	const date = new Date(epoch + days * 86400000);
	const iso = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
	return hasTime && (seconds > 0 || /h/.test(code)) ? `${iso} ${time}` : iso;
}

/** A date cell (t="d") stored as ISO text: the date alone at midnight. */
function isoFromText(value: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?/.exec(value.trim());
	if (!match) return value;
	const [, date, time, seconds] = match;
	if (!time || (time === '00:00' && (!seconds || seconds === '00'))) return date;
	return `${date} ${time}${seconds && seconds !== '00' ? `:${seconds}` : ''}`;
}

/**
 * A number by a digit pattern: `0` a digit always shown, `#` one shown when needed, `?` a space; `.`
 * the decimals; `,` thousands between digits; `%` a percentage. Literals between the integer digits stay where
 * they are, digits filling from the right ("00000-0000", "(000) 000-0000"). Undefined for a scientific or
 * fraction format, which would hide digits: the plain number is read instead.
 */
function numberByPattern(value: number, plain: string): string | undefined {
	const code = codeOnly(plain);
	if (/[eE][+-]/.test(code) || code.includes('/')) return undefined;
	const tokens = [...plain.matchAll(/\uE000.|./gsu)].map((m) => m[0]);
	const isDigit = (t: string) => t === '0' || t === '#' || t === '?';
	const percent = tokens.filter((t) => t === '%').length;
	let scaled = value * 100 ** percent;
	const point = tokens.indexOf('.');
	const lastDigit = tokens.findLastIndex(isDigit);
	const firstDigit = tokens.findIndex(isDigit);
	// A section of text alone ("none" for zero) shows that text.
	if (firstDigit < 0) return tokens.map(literal).join('');
	const intEnd = point >= 0 ? point : lastDigit + 1;
	// Commas right after the last integer digit divide by a thousand each.
	let divider = intEnd;
	while (tokens[divider - 1] === ',' && divider - 1 > firstDigit) {
		scaled /= 1000;
		divider--;
	}
	const decimals = point >= 0 ? tokens.slice(point + 1).filter(isDigit) : [];
	const fixed = roundedText(Math.abs(scaled), decimals.length);
	const [intDigits, fraction = ''] = fixed.split('.');
	const negative = scaled < 0 && Number(fixed) !== 0;

	const intTokens = tokens.slice(0, divider);
	const grouping = intTokens.some((t, i) => t === ',' && i > firstDigit && i < divider);
	const intPattern = intTokens.filter((t) => t !== ',' || !grouping);
	let digits = intDigits === '0' ? '' : intDigits;
	let integer = '';
	let placed = 0;
	let firstPlaceholderAt = -1;
	for (let i = intPattern.length - 1; i >= 0; i--) {
		const t = intPattern[i];
		if (!isDigit(t)) {
			integer = literal(t) + integer;
			continue;
		}
		firstPlaceholderAt = integer.length;
		if (digits.length > 0) {
			integer = digits[digits.length - 1] + integer;
			digits = digits.slice(0, -1);
		} else integer = (t === '0' ? '0' : t === '?' ? ' ' : '') + integer;
		placed++;
	}
	if (placed > 0 && digits.length > 0) {
		const at = integer.length - firstPlaceholderAt - 1;
		integer = integer.slice(0, at) + digits + integer.slice(at);
	}
	if (grouping) integer = groupThousands(integer);

	let fractionText = '';
	if (point >= 0) {
		let kept = fraction;
		// Trailing optional (#) decimals are dropped when zero.
		for (let i = decimals.length - 1; i >= 0 && decimals[i] !== '0' && kept.endsWith('0'); i--)
			kept = kept.slice(0, -1);
		const after = tokens.slice(point + 1);
		let d = 0;
		for (const t of after) {
			if (isDigit(t)) {
				fractionText += kept[d] ?? (t === '?' ? ' ' : '');
				d++;
			} else fractionText += literal(t);
		}
		fractionText = (kept.length > 0 || decimals.includes('0') ? '.' : '') + fractionText;
	} else {
		fractionText = tokens
			.slice(lastDigit + 1)
			.map(literal)
			.join('');
	}
	const text = `${negative ? '-' : ''}${integer}${fractionText}`;
	// A zero under "#" shows nothing in the sheet, but an empty cell would lose it here.
	return text.trim() === '' ? '0' : text;
}

/**
 * A number to so many decimals as a spreadsheet rounds it: half up on its 15 significant digits
 * (166330.775 → 166330.78), where toFixed rounds the binary value just below (166330.77).
 */
function roundedText(value: number, decimals: number): string {
	const [mantissa, exponent] = Number(value.toPrecision(15)).toExponential().split('e');
	const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
	return Number(`${shifted}e-${decimals}`).toFixed(decimals);
}

function literal(token: string): string {
	if (token.startsWith('\uE000')) return token.slice(1);
	return token === ',' ? ',' : token;
}

/** Thousands separators into the digit run of a text (the first run of digits). */
function groupThousands(text: string): string {
	return text.replace(/\d+/, (run) => run.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}
