// The ZIP container of a workbook, read from its central directory: which parts it holds and how large each
// says it unpacks to (checked against the limit before anything is inflated), and each part inflated a slice
// at a time, never past the size it declared. ZIP64 records are read too: some writers use them for any file,
// and a part really past 4 GB then meets the size limit with its true size.
import { Inflate } from 'fflate';
import { FileProblem } from '../file-problem';
import { formatCount } from '$lib/wording';

/** The most a workbook may unpack to, all its parts together. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

export interface ZipEntry {
	name: string;
	method: number;
	encrypted: boolean;
	compressedSize: number;
	uncompressedSize: number;
	localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EXTRA_ID = 0x0001;
/** A 16- or 32-bit field at its maximum says: the real value is in a ZIP64 record. */
const IN_ZIP64_16 = 0xffff;
const IN_ZIP64_32 = 0xffffffff;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end record is 22 bytes, plus a comment of at most 65,535. */
const TAIL_BYTES = 22 + 65535;
const SLICE_BYTES = 1024 * 1024;

const damaged = (why: string) =>
	new FileProblem(
		`This workbook is damaged (${why}): open it in Excel, save it again (File › Save As › Excel Workbook) and choose the new file.`
	);

async function bytesOf(file: Blob, start: number, end: number): Promise<DataView> {
	return new DataView(await file.slice(start, end).arrayBuffer());
}

/** An unsigned 64-bit little-endian field, exact up to 2^53 (far past any file a browser reads). */
function uint64(view: DataView, at: number): number {
	return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

interface DirectoryPlace {
	count: number;
	size: number;
	offset: number;
}

/** Where the central directory is, from the ZIP64 end record that the locator before the end record names. */
async function zip64Directory(file: Blob, eocdAt: number): Promise<DirectoryPlace> {
	const locatorAt = eocdAt - 20;
	const locator = locatorAt >= 0 ? await bytesOf(file, locatorAt, eocdAt) : undefined;
	if (!locator || locator.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) {
		throw damaged('its list of contents says it is larger than it is');
	}
	const recordAt = uint64(locator, 8);
	const record = await bytesOf(file, recordAt, recordAt + 56);
	if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) {
		throw damaged('its list of contents is missing, as when a download stops early');
	}
	return { count: uint64(record, 32), size: uint64(record, 40), offset: uint64(record, 48) };
}

/** The ZIP64 extra field of a directory entry (its real sizes and offset), as a view, or undefined. */
function zip64Extra(directory: DataView, start: number, length: number): DataView | undefined {
	for (let at = start; at + 4 <= start + length;) {
		const id = directory.getUint16(at, true);
		const size = directory.getUint16(at + 2, true);
		if (id === ZIP64_EXTRA_ID) return new DataView(directory.buffer, directory.byteOffset + at + 4, size);
		at += 4 + size;
	}
	return undefined;
}

/** The entries of the ZIP's central directory, or a FileProblem when it cannot be read. */
export async function readZipDirectory(file: Blob): Promise<ZipEntry[]> {
	const tailStart = Math.max(0, file.size - TAIL_BYTES);
	const tail = await bytesOf(file, tailStart, file.size);
	let eocd = -1;
	for (let i = tail.byteLength - 22; i >= 0; i--) {
		if (tail.getUint32(i, true) === EOCD_SIGNATURE) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw damaged('its list of contents is missing, as when a download stops early');
	let place: DirectoryPlace = {
		count: tail.getUint16(eocd + 10, true),
		size: tail.getUint32(eocd + 12, true),
		offset: tail.getUint32(eocd + 16, true)
	};
	if (place.count === IN_ZIP64_16 || place.size === IN_ZIP64_32 || place.offset === IN_ZIP64_32) {
		place = await zip64Directory(file, tailStart + eocd);
	}
	const { count, size: directorySize, offset: directoryOffset } = place;
	if (directoryOffset + directorySize > file.size) throw damaged('its list of contents points past its end');
	const directory = await bytesOf(file, directoryOffset, directoryOffset + directorySize);
	const names = new TextDecoder('utf-8');
	const entries: ZipEntry[] = [];
	let at = 0;
	for (let i = 0; i < count; i++) {
		if (at + 46 > directory.byteLength || directory.getUint32(at, true) !== CENTRAL_SIGNATURE) {
			throw damaged('its list of contents is cut short');
		}
		const nameLength = directory.getUint16(at + 28, true);
		const extraLength = directory.getUint16(at + 30, true);
		const commentLength = directory.getUint16(at + 32, true);
		if (at + 46 + nameLength + extraLength > directory.byteLength) throw damaged('its list of contents is cut short');
		const nameBytes = new Uint8Array(directory.buffer, directory.byteOffset + at + 46, nameLength);
		const entry: ZipEntry = {
			name: names.decode(nameBytes),
			method: directory.getUint16(at + 10, true),
			encrypted: (directory.getUint16(at + 8, true) & 1) === 1,
			compressedSize: directory.getUint32(at + 20, true),
			uncompressedSize: directory.getUint32(at + 24, true),
			localHeaderOffset: directory.getUint32(at + 42, true)
		};
		if (
			entry.uncompressedSize === IN_ZIP64_32 ||
			entry.compressedSize === IN_ZIP64_32 ||
			entry.localHeaderOffset === IN_ZIP64_32
		) {
			// The ZIP64 field holds, in this order, only the values whose 32-bit field is at its maximum.
			const extra = zip64Extra(directory, at + 46 + nameLength, extraLength);
			let field = 0;
			const next = () => {
				if (!extra || field + 8 > extra.byteLength) throw damaged(`the size of the part ${entry.name} is missing`);
				field += 8;
				return uint64(extra, field - 8);
			};
			if (entry.uncompressedSize === IN_ZIP64_32) entry.uncompressedSize = next();
			if (entry.compressedSize === IN_ZIP64_32) entry.compressedSize = next();
			if (entry.localHeaderOffset === IN_ZIP64_32) entry.localHeaderOffset = next();
		}
		entries.push(entry);
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

function megabytes(bytes: number): string {
	return `${formatCount(Math.round(bytes / 1024 / 1024))} MB`;
}

/** Refuses a workbook whose parts declare, together, more than the limit: a ZIP bomb or a sheet too large. */
export function checkUnpackedSize(entries: readonly ZipEntry[], limit = MAX_UNPACKED_BYTES): void {
	const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
	if (total > limit) {
		throw new FileProblem(
			`This workbook unpacks to ${megabytes(total)}, more than the ${megabytes(limit)} the importer reads (a file this small that grows this much is often made to harm). If it is a real client list, save it as CSV, or split it into smaller workbooks, and choose that.`
		);
	}
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths may differ. */
async function dataOffset(file: Blob, entry: ZipEntry): Promise<number> {
	const header = await bytesOf(file, entry.localHeaderOffset, entry.localHeaderOffset + 30);
	if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_SIGNATURE) {
		throw damaged(`the part ${entry.name} is not where its list of contents says`);
	}
	return entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
}

/**
 * Inflates an entry a slice at a time, handing each piece of it on. `onChunk` returns false to stop early;
 * `onProgress` receives the file offset reached. Inflating past the declared size is refused as it happens.
 */
export async function streamEntry(
	file: Blob,
	entry: ZipEntry,
	onChunk: (bytes: Uint8Array, final: boolean) => boolean | void,
	onProgress?: (fileOffset: number) => Promise<void> | void
): Promise<void> {
	if (entry.encrypted) {
		throw new FileProblem(
			'This workbook is protected with a password: open it in Excel, remove the password (File › Info › Protect Workbook), save and choose it again.'
		);
	}
	if (entry.method !== 0 && entry.method !== 8) throw damaged(`the part ${entry.name} is packed in an unknown way`);
	const start = await dataOffset(file, entry);
	const end = start + entry.compressedSize;
	if (end > file.size) throw damaged(`the part ${entry.name} runs past the end of the file`);
	let produced = 0;
	let stopped = false;
	const take = (bytes: Uint8Array, final: boolean) => {
		if (stopped) return;
		produced += bytes.length;
		if (produced > entry.uncompressedSize) {
			throw new FileProblem(
				`This workbook's part ${entry.name} unpacks to more than it declares: the file is damaged or made to harm, and was not read further.`
			);
		}
		if (onChunk(bytes, final) === false) stopped = true;
	};
	const inflate = entry.method === 8 ? new Inflate((bytes, final) => take(bytes, final)) : undefined;
	for (let offset = start; offset < end && !stopped; offset += SLICE_BYTES) {
		const sliceEnd = Math.min(end, offset + SLICE_BYTES);
		const bytes = new Uint8Array(await file.slice(offset, sliceEnd).arrayBuffer());
		try {
			if (inflate) inflate.push(bytes, sliceEnd === end);
			else take(bytes, sliceEnd === end);
		} catch (error) {
			if (error instanceof FileProblem) throw error;
			throw damaged(`the part ${entry.name} could not be unpacked`);
		}
		await onProgress?.(sliceEnd);
	}
	if (start === end && !stopped) take(new Uint8Array(0), true);
}

/** A whole (small) entry as text. */
export async function entryText(file: Blob, entry: ZipEntry): Promise<string> {
	const decoder = new TextDecoder('utf-8');
	let text = '';
	await streamEntry(file, entry, (bytes, final) => {
		text += decoder.decode(bytes, { stream: !final });
	});
	return text;
}
