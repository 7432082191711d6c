// An Excel workbook (.xlsx) read in the worker: its sheets, its shared strings and number formats, and a
// sheet's rows streamed as the text of their cells with the sheet's own row numbers. Loaded by a dynamic
// import only when the file chosen is a workbook.
import { FileProblem } from '../file-problem';
import { builtInFormat, cellText } from './cell-text';
import { checkUnpackedSize, entryText, readZipDirectory, streamEntry, type ZipEntry } from './zip';
import { attribute, decodeCellText, elementPattern, ElementScanner, stringItemText } from './xml';

export interface SheetInfo {
	name: string;
	hidden: boolean;
	entry: ZipEntry;
}

export interface Workbook {
	file: Blob;
	sheets: SheetInfo[];
	date1904: boolean;
	/** Per cell style index, its number format code. */
	formats: string[];
	strings: ZipEntry | undefined;
}

/** A row of a sheet: its number there and its cells' text, trailing empty cells left off. */
export interface SheetRow {
	rowNumber: number;
	cells: string[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Joins a relationship's target to the folder of the part that names it. */
function resolvePath(from: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = from.split('/').slice(0, -1);
	for (const piece of target.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.' && piece !== '') parts.push(piece);
	}
	return parts.join('/');
}

function relsPath(part: string): string {
	const slash = part.lastIndexOf('/');
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
	id: string;
	type: string;
	target: string;
}

function relationships(xml: string): Relationship[] {
	return [...xml.matchAll(elementPattern('Relationship'))].map((match) => ({
		id: attribute(match[1] ?? '', 'Id') ?? '',
		type: attribute(match[1] ?? '', 'Type') ?? '',
		target: attribute(match[1] ?? '', 'Target') ?? ''
	}));
}

/**
 * A part's name as looked up: OPC part names are case-insensitive (a writer may store xl/SharedStrings.xml
 * for a relationship to sharedStrings.xml), and some Windows tools store folders with backslashes.
 */
function partKey(name: string): string {
	return name.replace(/\\/g, '/').toLowerCase();
}

type Parts = Map<string, ZipEntry>;

/** What a ZIP that is no workbook is, in the admin's words. */
async function notAWorkbook(file: Blob, entries: Parts): Promise<FileProblem> {
	const mimetype = entries.get('mimetype');
	const kind = mimetype && mimetype.uncompressedSize < 200 ? await entryText(file, mimetype) : '';
	if (kind.includes('opendocument.spreadsheet')) {
		return new FileProblem(
			'This is an OpenDocument spreadsheet (.ods), which the importer does not read: open it in LibreOffice Calc or Excel, save it as an Excel workbook (.xlsx) or as CSV, and choose that file.'
		);
	}
	if (entries.has('word/document.xml'))
		return new FileProblem('This file is a Word document, not a workbook or a CSV.');
	if (entries.has('ppt/presentation.xml'))
		return new FileProblem('This file is a PowerPoint presentation, not a workbook or a CSV.');
	return new FileProblem('This file is a ZIP archive, not an Excel workbook (.xlsx) or a CSV.');
}

/** Opens a workbook: its list of parts (refused past the size limit), its sheets, formats and date system. */
export async function openWorkbook(file: Blob): Promise<Workbook> {
	const list = await readZipDirectory(file);
	const entries: Parts = new Map(list.map((entry) => [partKey(entry.name), entry]));
	const rootRels = entries.get('_rels/.rels');
	const rootTarget = rootRels
		? relationships(await entryText(file, rootRels)).find((r) => OFFICE_DOCUMENT.test(r.type))?.target
		: undefined;
	const workbookPath = rootTarget ? resolvePath('', rootTarget) : 'xl/workbook.xml';
	const workbookEntry = entries.get(partKey(workbookPath));
	if (!workbookEntry) throw await notAWorkbook(file, entries);
	// Only a workbook is held to the limit: any other ZIP is refused by name, never unpacked.
	checkUnpackedSize(list);

	const workbookXml = await entryText(file, workbookEntry);
	const rels = entries.get(partKey(relsPath(workbookPath)));
	const links = rels ? relationships(await entryText(file, rels)) : [];
	const partOf = (type: RegExp) => {
		const link = links.find((r) => type.test(r.type));
		return link ? entries.get(partKey(resolvePath(workbookPath, link.target))) : undefined;
	};

	const sheets: SheetInfo[] = [];
	for (const match of workbookXml.matchAll(elementPattern('sheet'))) {
		const attributes = match[1] ?? '';
		const link = links.find((r) => r.id === attribute(attributes, 'id'));
		// Chart sheets and dialog sheets hold no rows.
		if (!link || !/\/worksheet$/.test(link.type)) continue;
		const entry = entries.get(partKey(resolvePath(workbookPath, link.target)));
		if (!entry) continue;
		const state = attribute(attributes, 'state');
		sheets.push({
			name: attribute(attributes, 'name') ?? `Sheet ${sheets.length + 1}`,
			hidden: !!state && state !== 'visible',
			entry
		});
	}
	if (sheets.length === 0) throw new FileProblem('This workbook has no sheets with rows: it holds no clients.');

	const properties = elementPattern('workbookPr').exec(workbookXml)?.[1] ?? '';
	const date1904 = /^(1|true)$/.test(attribute(properties, 'date1904') ?? '');
	const stylesEntry = partOf(/\/styles$/);
	const formats = stylesEntry ? numberFormats(await entryText(file, stylesEntry)) : [];
	return { file, sheets, date1904, formats, strings: partOf(/\/sharedStrings$/) };
}

/** Per cell style (`s`), its number format code, from the styles part. */
function numberFormats(xml: string): string[] {
	const custom = new Map<number, string>();
	for (const match of xml.matchAll(elementPattern('numFmt'))) {
		const id = Number(attribute(match[1] ?? '', 'numFmtId'));
		custom.set(id, attribute(match[1] ?? '', 'formatCode') ?? 'General');
	}
	const cellXfs = elementPattern('cellXfs').exec(xml)?.[2] ?? '';
	return [...cellXfs.matchAll(elementPattern('xf'))].map((match) => {
		const id = Number(attribute(match[1] ?? '', 'numFmtId') ?? 0);
		return custom.get(id) ?? builtInFormat(id);
	});
}

/** Reads the shared strings, a slice at a time. */
export async function sharedStrings(
	workbook: Workbook,
	onProgress?: (done: number) => Promise<void> | void
): Promise<string[]> {
	const entry = workbook.strings;
	if (!entry) return [];
	const strings: string[] = [];
	const scanner = new ElementScanner(
		'si',
		(_, content) => {
			strings.push(stringItemText(content));
		},
		() => new FileProblem('This workbook holds a text longer than the importer reads: it is damaged or made to harm.')
	);
	const decoder = new TextDecoder('utf-8');
	const start = entry.localHeaderOffset;
	await streamEntry(
		workbook.file,
		entry,
		(bytes, final) => {
			scanner.push(decoder.decode(bytes, { stream: !final }), final);
		},
		(offset) => onProgress?.(offset - start)
	);
	return strings;
}

const CELL = elementPattern('c');
const VALUE = elementPattern('v');
const INLINE = elementPattern('is');

/** A column's index from a cell reference: B7 → 1. */
function columnIndex(reference: string): number {
	let index = 0;
	for (let i = 0; i < reference.length; i++) {
		const code = reference.charCodeAt(i) & ~32;
		if (code < 65 || code > 90) break;
		index = index * 26 + (code - 64);
	}
	return index - 1;
}

/** The text of a row's cells, by their columns. */
function rowCells(content: string, workbook: Workbook, strings: readonly string[]): string[] {
	const cells: string[] = [];
	CELL.lastIndex = 0;
	for (let match = CELL.exec(content); match; match = CELL.exec(content)) {
		const attributes = match[1] ?? '';
		const inner = match[2] ?? '';
		const reference = attribute(attributes, 'r');
		const column = reference ? columnIndex(reference) : cells.length;
		// A column past Excel's last (XFD) is no real cell.
		if (column < 0 || column >= 16384) continue;
		const type = attribute(attributes, 't') ?? 'n';
		let text: string;
		if (type === 'inlineStr') {
			INLINE.lastIndex = 0;
			text = stringItemText(INLINE.exec(inner)?.[2] ?? '');
		} else {
			VALUE.lastIndex = 0;
			const raw = VALUE.exec(inner)?.[2] ?? '';
			// An empty <v/> names no string: Number('') would be 0, the first one.
			if (type === 's') text = raw === '' ? '' : (strings[Number(raw)] ?? '');
			else if (type === 'str' || type === 'e') text = decodeCellText(raw);
			else {
				const style = Number(attribute(attributes, 's') ?? 0);
				text = cellText({ type, value: raw, format: workbook.formats[style] ?? 'General' }, workbook.date1904);
			}
		}
		while (cells.length < column) cells.push('');
		cells[column] = text;
	}
	while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
	return cells;
}

/**
 * Streams a sheet's rows that hold anything, in order, with their row numbers. `onRow` returns false to stop;
 * `onProgress` receives the compressed bytes read so far, after each slice, and may wait (to hand rows over).
 */
export async function streamSheet(
	workbook: Workbook,
	sheet: SheetInfo,
	strings: readonly string[],
	onRow: (row: SheetRow) => boolean | void,
	onProgress?: (done: number) => Promise<void> | void
): Promise<void> {
	let previous = 0;
	const scanner = new ElementScanner(
		'row',
		(attributes, content) => {
			const declared = Number(attribute(attributes, 'r'));
			const rowNumber = Number.isInteger(declared) && declared > previous ? declared : previous + 1;
			previous = rowNumber;
			const cells = content === '' ? [] : rowCells(content, workbook, strings);
			if (cells.length === 0) return;
			return onRow({ rowNumber, cells });
		},
		() =>
			new FileProblem(
				`Row ${previous + 1} of the sheet "${sheet.name}" runs on for more than the importer reads: the workbook is damaged or made to harm.`
			)
	);
	const decoder = new TextDecoder('utf-8');
	const start = sheet.entry.localHeaderOffset;
	await streamEntry(
		workbook.file,
		sheet.entry,
		(bytes, final) => scanner.push(decoder.decode(bytes, { stream: !final }), final),
		(offset) => onProgress?.(offset - start)
	);
}
