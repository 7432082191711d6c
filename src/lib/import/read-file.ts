// Reading a File in slices, decoding and parsing as it goes: the worker's loop, kept free of worker globals
// so unit tests can run it on a Blob in Node.
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { WHOLE_ROW, type RowIssue } from '$lib/domain/issues';
import type { WorkspaceIndex } from '$lib/domain/workspace';
import { checkRows } from './check-pool';
import { CsvStreamParser } from './csv-parser';
import { unprotectFormula } from '../csv/csv-writer';
import { binaryReason, detectEncoding } from './decode';
import { FileProblem } from './file-problem';
import { compoundFileProblem, fileKind } from './file-kind';
import { detectLayout } from './delimiter';
import { NO_SHAPING, rowBuilder, type ColumnMapping, type ColumnShaping } from './column-plan';
import { checkHeader } from './header';
import { inspectWorkbook, readWorkbookRows } from './workbook/read-workbook';
import {
	MAX_CELL_CHARS,
	MAX_COLUMNS,
	MAX_FILE_BYTES,
	MAX_ROW_CHARS,
	type FileSettings,
	type Inspection,
	type ParsedRow,
	type Progress,
	type ReadAs
} from './protocol';
import { formatCount, plural } from '$lib/wording';

export { FileProblem };

const SAMPLE_BYTES = 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

function megabytes(bytes: number): string {
	const mb = bytes / 1024 / 1024;
	return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function rowTooLong(rowNumber: number, readAs?: ReadAs): FileProblem {
	const which = rowNumber === 1 ? 'Row 1, the header,' : `Row ${rowNumber}`;
	return new FileProblem(
		`${which} runs on for more than ${megabytes(MAX_ROW_CHARS)}, the most a row may hold (a cell may hold at most ${formatCount(MAX_CELL_CHARS)} characters). A quote that is never closed does this, making the rest of the file one cell: check the quotes in row ${rowNumber}, or that this is a client list.`,
		readAs
	);
}

/** Refuses a record beyond the limits: too many columns (the header), or a cell too long. */
function checkSizes(record: readonly string[], rowNumber: number, header: readonly string[], readAs?: ReadAs) {
	if (record === header && record.length > MAX_COLUMNS) {
		throw new FileProblem(
			`The header has ${formatCount(record.length)} columns: the importer takes at most ${formatCount(MAX_COLUMNS)}. Keep the template's columns (and your custom fields), and choose the file again.`,
			readAs
		);
	}
	for (let c = 0; c < record.length; c++) {
		if (record[c].length <= MAX_CELL_CHARS) continue;
		const name = header[c] && header[c].length <= 40 ? ` (column "${header[c]}")` : ` (column ${c + 1})`;
		throw new FileProblem(
			`Row ${rowNumber} has a cell of ${formatCount(record[c].length)} characters${name}: a cell may hold at most ${formatCount(MAX_CELL_CHARS)} characters. Shorten it and choose the file again.`,
			readAs
		);
	}
}

/** Reads the start of a file: its encoding, delimiter and header. Throws a FileProblem the admin can read. */
export async function inspectFile(
	file: Blob,
	chosen: Partial<FileSettings> = {},
	columns: readonly string[] = TEMPLATE_COLUMNS
): Promise<Inspection> {
	if (file.size === 0) throw new FileProblem('This file is empty: it has no header row and no clients.');
	if (file.size > MAX_FILE_BYTES) {
		throw new FileProblem(
			`This file is ${megabytes(file.size)}, more than the ${megabytes(MAX_FILE_BYTES)} the importer takes. Split it into smaller files and import them one after the other.`
		);
	}
	const sample = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
	// What the file is goes by its content: a CSV named .xlsx is read as a CSV, a workbook named .csv as a workbook.
	const kind = fileKind(sample);
	if (kind !== 'text') {
		try {
			if (kind === 'compound') throw await compoundFileProblem(file);
			return await inspectWorkbookFile(file, chosen, columns);
		} catch (error) {
			// Read as a workbook, it is no use offering encodings and delimiters: only another sheet or header row.
			if (!(error instanceof FileProblem) || error.readAs) throw error;
			throw new FileProblem(error.message, { settings: WORKBOOK_SETTINGS, detected: WORKBOOK_SETTINGS, sheets: [] });
		}
	}
	const complete = file.size <= SAMPLE_BYTES;
	const guessed = detectEncoding(sample, complete).encoding;
	const encoding = chosen.encoding ?? guessed;
	const text = new TextDecoder(encoding).decode(sample, { stream: !complete });
	const layout = detectLayout(text);
	const delimiter = chosen.delimiter ?? layout.delimiter;
	// From here on, a problem may be one of reading the file the wrong way: the admin can pick another.
	const readAs: ReadAs = {
		settings: { encoding, delimiter },
		detected: { encoding: guessed, delimiter: layout.delimiter }
	};
	const binary = binaryReason(sample, encoding);
	if (binary) throw new FileProblem(binary, readAs);
	if (text.trim() === '')
		throw new FileProblem('This file holds only blank lines: it has no header row and no clients.', readAs);
	const parser = new CsvStreamParser(delimiter, layout.newline);
	const records = parser.push(text);
	if (complete) records.push(...parser.finish());
	const nonEmpty = records.filter((record) => !isBlank(record));
	// The header must end within the sample: a longer one is no header, and would go unchecked.
	if (nonEmpty.length === 0 && !complete) throw rowTooLong(records.length + 1, readAs);
	const header = nonEmpty[0] ?? [];
	checkSizes(header, records.indexOf(header) + 1, header, readAs);
	return {
		...readAs,
		header,
		headerCheck: checkHeader(header, columns),
		hasRows: nonEmpty.length > 1 || (!complete && parser.finish().length > 0),
		samples: sampleValues(header.length, nonEmpty.slice(1, 1 + SAMPLE_ROWS)),
		firstRows: previewRows(nonEmpty.slice(1, 1 + PREVIEW_ROWS))
	};
}

/** Encoding and delimiter do not apply to a workbook; these stand in for them. */
const WORKBOOK_SETTINGS: FileSettings = { encoding: 'utf-8', delimiter: ',', sheet: 0, headerRow: 1 };

async function inspectWorkbookFile(
	file: Blob,
	chosen: Partial<FileSettings>,
	columns: readonly string[]
): Promise<Inspection> {
	let readAs: ReadAs | undefined;
	const result = await inspectWorkbook(
		file,
		{ sheet: chosen.sheet, headerRow: chosen.headerRow },
		columns,
		(choice, detected, sheets) => {
			readAs = {
				settings: { ...WORKBOOK_SETTINGS, ...choice },
				detected: { ...WORKBOOK_SETTINGS, ...detected },
				sheets
			};
			return readAs;
		}
	);
	const settled = readAs as ReadAs;
	checkSizes(result.header, result.headerRow, result.header, settled);
	return {
		...settled,
		header: result.header,
		headerCheck: checkHeader(result.header, columns),
		hasRows: result.hasRows,
		samples: sampleValues(result.header.length, result.rowsAfter),
		firstRows: previewRows(result.rowsAfter.slice(0, PREVIEW_ROWS))
	};
}

const SAMPLE_ROWS = 20;
const SAMPLES_PER_COLUMN = 3;
const SAMPLE_CHARS = 60;

const PREVIEW_ROWS = 3;
const PREVIEW_CHARS = 200;

/** The first rows, each cell as read (less this app's formula guard) and cut to a readable length. */
function previewRows(rows: readonly string[][]): string[][] {
	return rows.map((row) =>
		row.map((cell) => {
			const value = unprotectFormula(cell);
			return value.length > PREVIEW_CHARS ? `${value.slice(0, PREVIEW_CHARS)}…` : value;
		})
	);
}

/** Per column, its first non-empty distinct values among the given rows, each cut to a readable length. */
function sampleValues(width: number, rows: readonly string[][]): string[][] {
	const samples = Array.from({ length: width }, () => [] as string[]);
	for (const row of rows) {
		for (let c = 0; c < Math.min(width, row.length); c++) {
			const value = unprotectFormula(row[c].trim());
			const shown = value.length > SAMPLE_CHARS ? `${value.slice(0, SAMPLE_CHARS)}…` : value;
			if (shown !== '' && samples[c].length < SAMPLES_PER_COLUMN && !samples[c].includes(shown)) samples[c].push(shown);
		}
	}
	return samples;
}

function isBlank(record: readonly string[]): boolean {
	return record.length === 1 && record[0].trim() === '';
}

function raggedIssue(fields: number, headerFields: number, record: readonly string[]): RowIssue | undefined {
	if (fields > headerFields) {
		const extra = record.slice(headerFields).filter((v) => v.trim() !== '');
		if (extra.length === 0) return undefined; // trailing empty fields, as some exporters write
		// A few of them name the problem; thousands would make a message no one reads.
		const shown = extra.slice(0, 5).map((v) => `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`);
		if (extra.length > shown.length) shown.push(`${formatCount(extra.length - shown.length)} more`);
		return {
			column: WHOLE_ROW,
			severity: 'warning',
			code: 'row_too_many_fields',
			message: `This row has ${fields} fields but the header has ${headerFields}: the extra ${extra.length === 1 ? 'value' : 'values'} ${shown.join(', ')} ${extra.length === 1 ? 'was' : 'were'} left out. Check that every value sits in its column (a stray comma shifts them).`
		};
	}
	if (fields < headerFields) {
		return {
			column: WHOLE_ROW,
			severity: 'warning',
			code: 'row_too_few_fields',
			message: `This row has ${plural(fields, 'field')} but the header has ${headerFields}: the last ${headerFields - fields} columns were left empty. Check that every value sits in its column.`
		};
	}
	return undefined;
}

export interface ReadOptions {
	settings: FileSettings;
	mapping: ColumnMapping;
	/** Joins, name splits' partners and fixed values (none by default). */
	shaping?: ColumnShaping;
	workspace: WorkspaceIndex;
	/** Receives each batch of checked rows, in file order, with progress. */
	onRows: (rows: ParsedRow[], progress: Progress) => void;
	batchSize?: number;
	/** Checks a batch of rows (values in template order); by default here, one row after the other. */
	check?: (rows: string[][]) => RowIssue[][] | Promise<RowIssue[][]>;
}

/** Batches being checked at once: enough to keep every core busy, few enough to bound memory. */
const BATCHES_IN_FLIGHT = 10;

/** Streams the whole file: decodes, parses and checks each row, in batches. */
export async function readFile(file: Blob, options: ReadOptions): Promise<Progress> {
	const { settings, mapping, shaping = NO_SHAPING, workspace, onRows, batchSize = 2000 } = options;
	const check = options.check ?? ((rows: string[][]) => checkRows(rows, workspace));
	const decoder = new TextDecoder(settings.encoding);
	let parser: CsvStreamParser | undefined;
	let recordIndex = 0;
	let headerFields = -1;
	let header: string[] = [];
	let batch: ParsedRow[] = [];
	const progress: Progress = { bytesRead: 0, totalBytes: file.size, rowsRead: 0 };
	let problemsSeen = 0;
	// A CSV may carry this app's formula guard on a value, taken off as the value is read; a workbook does not.
	const buildRow = rowBuilder(
		mapping,
		shaping,
		workspace.columns,
		settings.sheet === undefined ? unprotectFormula : undefined
	);

	/** A record that is not blank, the header first; `fromCsv` when it may carry this app's formula guard. */
	const takeRecord = (record: string[], rowNumber: number, fromCsv: boolean) => {
		if (headerFields < 0) header = record;
		checkSizes(record, rowNumber, header);
		if (headerFields < 0) {
			headerFields = record.length;
			return;
		}
		const issues: RowIssue[] = [];
		const values = buildRow(record, issues);
		// A workbook leaves out a row's empty cells at its end: only values beyond the header are worth a word.
		const ragged =
			fromCsv || record.length > headerFields ? raggedIssue(record.length, headerFields, record) : undefined;
		if (ragged) issues.unshift(ragged);
		batch.push({ rowNumber, values, issues });
		progress.rowsRead++;
	};
	const take = (records: string[][]) => {
		for (const record of records) {
			const index = recordIndex++;
			// Spreadsheet row number: records are counted from the header's 1, blank lines included,
			// since a spreadsheet shows them as rows too; a quoted cell's line breaks do not add rows.
			if (!isBlank(record)) takeRecord(record, index + 1, true);
		}
		if (parser && parser.problems.length > problemsSeen) {
			for (const problem of parser.problems.slice(problemsSeen)) attachProblem(problem.record + 1, problem.message);
			problemsSeen = parser.problems.length;
		}
	};
	const attachProblem = (rowNumber: number, message: string) => {
		const row = batch.find((r) => r.rowNumber === rowNumber) ?? batch[batch.length - 1];
		row?.issues.unshift({ column: WHOLE_ROW, severity: 'error', code: 'row_unclosed_quote', message });
	};

	// Batches are checked (perhaps on other cores) while reading goes on, and handed over in file order.
	// They stay small so that taking one in on the main thread is a short task.
	let handedOver: Promise<void> = Promise.resolve();
	const inFlight: Promise<void>[] = [];
	const flush = async () => {
		for (let start = 0; start < batch.length; start += batchSize) {
			const rows = batch.slice(start, start + batchSize);
			const checked = check(rows.map((row) => row.values));
			const at = { ...progress };
			handedOver = handedOver.then(async () => {
				const issues = await checked;
				rows.forEach((row, i) => row.issues.push(...issues[i]));
				onRows(rows, at);
			});
			inFlight.push(handedOver);
		}
		batch = [];
		while (inFlight.length > BATCHES_IN_FLIGHT) await inFlight.shift();
	};

	if (settings.sheet !== undefined) {
		await readWorkbookRows(
			file,
			{ sheet: settings.sheet, headerRow: settings.headerRow ?? 1 },
			(row) => takeRecord(row.cells, row.rowNumber, false),
			async (share) => {
				progress.bytesRead = Math.round(Math.min(1, share) * file.size);
				if (batch.length >= batchSize) await flush();
			}
		);
		await flush();
		await handedOver;
		return progress;
	}

	for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
		const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
		const text = decoder.decode(bytes, { stream: true });
		parser ??= new CsvStreamParser(settings.delimiter, detectLayout(text).newline);
		progress.bytesRead = Math.min(file.size, offset + CHUNK_BYTES);
		take(parser.push(text));
		// A row still unfinished past the limit is refused now, before it is parsed again with every slice.
		if (parser.pendingLength > MAX_ROW_CHARS) throw rowTooLong(recordIndex + 1);
		if (batch.length >= batchSize) await flush();
	}
	if (parser) {
		take(parser.push(decoder.decode()));
		take(parser.finish());
	}
	await flush();
	await handedOver;
	return progress;
}
