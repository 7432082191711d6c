// Which text encoding a file is in. A byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); without one, the
// NULs of UTF-16 (every other byte of Latin text) tell it and its byte order; otherwise UTF-8 when the bytes
// are valid UTF-8, else Windows-1252: what Excel writes on Windows in Western locales, and a superset of
// ISO-8859-1 that decodes every byte, so a wrong guess still shows text the admin can correct.

export const ENCODINGS = [
	{ value: 'utf-8', label: 'UTF-8' },
	{ value: 'utf-16le', label: 'UTF-16LE (Excel "Unicode text")' },
	{ value: 'utf-16be', label: 'UTF-16BE' },
	{ value: 'windows-1252', label: 'Windows-1252 (Western European)' },
	{ value: 'windows-1250', label: 'Windows-1250 (Central European)' },
	{ value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
	{ value: 'iso-8859-2', label: 'ISO-8859-2 (Latin-2)' },
	{ value: 'iso-8859-15', label: 'ISO-8859-15 (Latin-9)' },
	{ value: 'koi8-r', label: 'KOI8-R (Russian)' },
	{ value: 'shift_jis', label: 'Shift_JIS (Japanese)' },
	{ value: 'euc-kr', label: 'EUC-KR (Korean)' },
	{ value: 'gbk', label: 'GBK (Simplified Chinese)' },
	{ value: 'big5', label: 'Big5 (Traditional Chinese)' },
	{ value: 'macintosh', label: 'Mac OS Roman' }
] as const;

export type Encoding = (typeof ENCODINGS)[number]['value'];

export interface EncodingGuess {
	encoding: Encoding;
	/** Whether a byte order mark decided it. */
	fromBom: boolean;
}

/**
 * Guesses the encoding from the first bytes of a file. `complete` says whether `sample` is the whole file;
 * when it is not, a multi-byte character cut at the sample's end is not held against UTF-8.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
	if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', fromBom: true };
	if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', fromBom: true };
	if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', fromBom: true };
	const utf16 = utf16ByNuls(sample);
	if (utf16) return { encoding: utf16, fromBom: false };
	return { encoding: isValidUtf8(sample, complete) ? 'utf-8' : 'windows-1252', fromBom: false };
}

/** Bytes looked at for UTF-16's NULs: a few lines of a CSV. */
const NUL_SAMPLE_BYTES = 4096;

/**
 * UTF-16 without a byte order mark, from where its NULs fall: Latin text is a NUL and a byte a character, the
 * NUL second in UTF-16LE and first in UTF-16BE. A third of the pairs must have their NUL on one side (the
 * delimiters, digits and line ends are Latin in any script) and almost none on the other, so a text file with
 * a few stray NULs, or a binary file, is not taken for UTF-16.
 */
function utf16ByNuls(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const pairs = Math.floor(Math.min(sample.length, NUL_SAMPLE_BYTES) / 2);
	if (pairs < 2) return undefined;
	let nulFirst = 0;
	let nulSecond = 0;
	for (let i = 0; i < pairs; i++) {
		if (sample[2 * i] === 0) nulFirst++;
		if (sample[2 * i + 1] === 0) nulSecond++;
	}
	if (nulSecond >= pairs * 0.3 && nulFirst <= pairs * 0.05) return 'utf-16le';
	if (nulFirst >= pairs * 0.3 && nulSecond <= pairs * 0.05) return 'utf-16be';
	return undefined;
}

function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
	let end = bytes.length;
	if (!complete) {
		// Step back over a character the sample may have cut: at most 3 continuation bytes and its lead byte.
		let back = 0;
		while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
		if (end - back - 1 >= 0 && bytes[end - back - 1] >= 0xc0) end = end - back - 1;
	}
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
		return true;
	} catch {
		return false;
	}
}

const SIGNATURES: { name: string; bytes: number[] }[] = [
	{ name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
	{ name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
	{ name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
	{ name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] }
];

/** Why the bytes are not a text file, or undefined when they may be one. */
export function binaryReason(sample: Uint8Array, encoding: Encoding): string | undefined {
	const known = SIGNATURES.find((s) => s.bytes.every((byte, i) => sample[i] === byte));
	if (known) return `This file is ${known.name}, not a CSV.`;
	if (encoding.startsWith('utf-16')) return undefined;
	const nulls = sample.subarray(0, 65536).reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
	if (nulls > 0) {
		return `This file contains ${nulls === 1 ? 'a NUL byte' : `${nulls} NUL bytes`}, which a CSV never has: it is probably not a text file. If it is "Unicode text" from Excel, choose UTF-16LE as the encoding.`;
	}
	return undefined;
}
