// What a file is by its first bytes, not its name: a ZIP (an .xlsx, or an .ods or another archive), a
// Compound File (an Excel 97–2003 .xls, or an .xlsx protected with a password), or text for the CSV reader.
import { FileProblem } from './file-problem';

export type FileKind = 'zip' | 'compound' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

export function fileKind(head: Uint8Array): FileKind {
	if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return 'zip';
	if (startsWith(head, COMPOUND)) return 'compound';
	return 'text';
}

const SLICE_BYTES = 1024 * 1024;

/** A stream's name as a Compound File's directory writes it: UTF-16LE. */
function utf16(name: string): Uint8Array {
	return Uint8Array.from([...name].flatMap((char) => [char.charCodeAt(0), 0]));
}

function includes(haystack: Uint8Array, needle: Uint8Array): boolean {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

const STREAMS: { name: string; problem: string }[] = [
	{
		name: 'EncryptedPackage',
		problem:
			'This workbook is protected with a password: open it in Excel, remove the password (File › Info › Protect Workbook), save and choose it again.'
	},
	{
		name: 'Workbook',
		problem:
			'This is an Excel 97–2003 workbook (.xls), which the importer does not read: open it in Excel, save it as an Excel Workbook (.xlsx) or as CSV (File › Save As), and choose that file.'
	},
	{ name: 'WordDocument', problem: 'This file is an old Word document (.doc), not a workbook or a CSV.' }
];

/** Why a Compound File cannot be imported, found by the streams its directory names. */
export async function compoundFileProblem(file: Blob): Promise<FileProblem> {
	const names = STREAMS.map((stream) => ({ ...stream, bytes: utf16(stream.name) }));
	// Slices overlap by a name's length, so a name cut at a slice's end is still found.
	for (let offset = 0; offset < file.size; offset += SLICE_BYTES - 64) {
		const bytes = new Uint8Array(await file.slice(offset, offset + SLICE_BYTES).arrayBuffer());
		const found = names.find((stream) => includes(bytes, stream.bytes));
		if (found) return new FileProblem(found.problem);
	}
	return new FileProblem(
		'This file is an old Microsoft Office file, not a workbook the importer reads: open it in Excel, save it as an Excel Workbook (.xlsx) or as CSV, and choose that file.'
	);
}
