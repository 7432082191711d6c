import { describe, expect, it } from 'vitest';
import { binaryReason, detectEncoding } from '$lib/import/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);
/** The bytes of `text` less its last `cut` bytes: a sample that ends in the middle of a character. */
const cutUtf8 = (text: string, cut: number) => utf8(text).subarray(0, utf8(text).length - cut);

describe('detectEncoding', () => {
	it.each([
		['UTF-8', [0xef, 0xbb, 0xbf], 'utf-8'],
		['UTF-16LE', [0xff, 0xfe], 'utf-16le'],
		['UTF-16BE', [0xfe, 0xff], 'utf-16be']
	] as const)('takes a %s byte order mark as the encoding', (_, bom, encoding) => {
		const sample = bytes(...bom, 0x41, 0x00, 0x2c, 0x00);
		expect(detectEncoding(sample, true)).toEqual({ encoding, fromBom: true });
	});

	it('reads valid UTF-8 without a byte order mark as UTF-8', () => {
		expect(detectEncoding(utf8('ClientName\nJosé Müller,Zürich,東京,😀\n'), true)).toEqual({
			encoding: 'utf-8',
			fromBom: false
		});
	});

	it('reads plain ASCII as UTF-8', () => {
		expect(detectEncoding(utf8('ClientName,City\nAcme,Paris\n'), true).encoding).toBe('utf-8');
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8, such as 0xE9 for é', () => {
		const sample = Uint8Array.from(Buffer.from('ClientName\nJosé,Müller\n', 'latin1'));
		expect(sample).toContain(0xe9);
		expect(detectEncoding(sample, true)).toEqual({ encoding: 'windows-1252', fromBom: false });
	});

	it('falls back to Windows-1252 when the invalid byte is in the middle of an incomplete sample', () => {
		const sample = Uint8Array.from(Buffer.from('José,Müller,and more text after it', 'latin1'));
		expect(detectEncoding(sample, false).encoding).toBe('windows-1252');
	});

	it.each([
		['a 2-byte é cut after its lead byte', 'Café', 1],
		['a 3-byte € cut after 2 bytes', 'Price €', 1],
		['a 3-byte € cut after its lead byte', 'Price €', 2],
		['a 4-byte emoji cut after 3 bytes', 'Smile 😀', 1],
		['a 4-byte emoji cut after its lead byte', 'Smile 😀', 3]
	])('still counts a sample ending in %s as UTF-8 when the sample is not the whole file', (_, text, cut) => {
		expect(detectEncoding(cutUtf8(text, cut), false).encoding).toBe('utf-8');
	});

	it.each([
		['a 2-byte é cut after its lead byte', 'Café', 1],
		['a 3-byte € cut after 2 bytes', 'Price €', 1],
		['a 4-byte emoji cut after 3 bytes', 'Smile 😀', 1]
	])('does not count a whole file ending in %s as UTF-8', (_, text, cut) => {
		expect(detectEncoding(cutUtf8(text, cut), true).encoding).toBe('windows-1252');
	});

	it('does not excuse a stray continuation byte at the end of an incomplete sample', () => {
		expect(detectEncoding(bytes(0x61, 0x62, 0x80), false).encoding).toBe('windows-1252');
	});

	describe('UTF-16 without a byte order mark, from where its NULs fall', () => {
		const CSV = 'ClientName,City,Country\r\nJosé Müller GmbH,Zürich,CH\r\n東京 Dental,Tokyo,JP\r\n';
		const utf16le = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le'));
		const utf16be = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le').swap16());

		it.each([
			['UTF-16LE', utf16le, 'utf-16le'],
			['UTF-16BE', utf16be, 'utf-16be']
		] as const)('tells %s and its byte order', (_, encode, encoding) => {
			expect(detectEncoding(encode(CSV), true)).toEqual({ encoding, fromBom: false });
		});

		it.each([
			['UTF-16LE', utf16le, 'utf-16le'],
			['UTF-16BE', utf16be, 'utf-16be']
		] as const)('tells %s from a sample cut at an odd byte, in the middle of a long file', (_, encode, encoding) => {
			const sample = encode(CSV.repeat(200)).subarray(0, 1001);
			expect(detectEncoding(sample, false).encoding).toBe(encoding);
		});

		it('tells UTF-16LE text that is mostly not Latin, as long as its delimiters and digits are', () => {
			const text = 'ClientName,Phone\r\n' + 'Тестовая компания,+7 495 123 45 67\r\n'.repeat(3);
			expect(detectEncoding(utf16le(text), true).encoding).toBe('utf-16le');
		});

		it('does not take a UTF-8 file with a few stray NULs, or a lone NUL pair, for UTF-16', () => {
			const stray = utf8('ClientName,City\nAcme\0,Paris\0\0\nBeta,Rome\n');
			expect(detectEncoding(stray, true).encoding).toBe('utf-8');
			expect(detectEncoding(bytes(0x41, 0x00), true).encoding).toBe('utf-8');
		});

		it('does not take a file of NULs for UTF-16: it stays for binaryReason to refuse', () => {
			const zeros = new Uint8Array(512);
			expect(detectEncoding(zeros, true).encoding).toBe('utf-8');
			expect(binaryReason(zeros, 'utf-8')).toMatch(/512 NUL bytes/);
		});
	});

	it('reads an empty sample as UTF-8', () => {
		expect(detectEncoding(new Uint8Array(0), true)).toEqual({ encoding: 'utf-8', fromBom: false });
	});
});

describe('binaryReason', () => {
	const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);

	it('names a PNG image by its signature', () => {
		expect(binaryReason(PNG, 'utf-8')).toBe('This file is a PNG image, not a CSV.');
	});

	it('names a PNG image even when the encoding chosen is UTF-16', () => {
		expect(binaryReason(PNG, 'utf-16le')).toMatch(/PNG image/);
	});

	// Workbooks (ZIP and Compound File signatures) never reach this: file-kind.ts sends them to the workbook reader.
	it.each([['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF document/]])(
		'names %s by its signature',
		(_, signature, message) => {
			expect(binaryReason(bytes(...signature), 'utf-8')).toMatch(message);
		}
	);

	it('refuses text with one NUL byte, and suggests UTF-16LE', () => {
		const reason = binaryReason(utf8('ClientName\0,City\n'), 'utf-8');
		expect(reason).toMatch(/a NUL byte/);
		expect(reason).toMatch(/choose UTF-16LE/);
	});

	it('counts the NUL bytes it found', () => {
		expect(binaryReason(bytes(0x41, 0, 0x42, 0, 0x43, 0), 'windows-1252')).toMatch(/3 NUL bytes/);
	});

	it.each(['utf-16le', 'utf-16be'] as const)('does not hold the NUL bytes of %s text against it', (encoding) => {
		const sample = Uint8Array.from(Buffer.from('ClientName\tCity\r\nAcme\tParis\r\n', 'utf16le'));
		expect(sample).toContain(0);
		expect(binaryReason(sample, encoding)).toBeUndefined();
	});

	it('accepts ordinary CSV text', () => {
		expect(binaryReason(utf8('ClientName,City\nAcme,Paris\n'), 'utf-8')).toBeUndefined();
	});
});
