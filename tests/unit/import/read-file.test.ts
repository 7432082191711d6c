import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../helpers/check-file';
import { WHOLE_ROW } from '$lib/domain/issues';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { UniquenessIndex } from '$lib/domain/uniqueness';
import { EMPTY_WORKSPACE, type WorkspaceIndex } from '$lib/domain/workspace';
import { parseCsv } from '../../helpers/parse-csv';
import { writeCsv } from '$lib/csv/csv-writer';
import type { ColumnMapping } from '$lib/import/column-plan';
import { MAX_FILE_BYTES, type FileSettings, type ParsedRow, type Progress } from '$lib/import/protocol';
import { FileProblem, inspectFile, readFile } from '$lib/import/read-file';
import { validRow, WORKSPACE } from '../domain/valid-row';

const fixtures = new URL('../../fixtures/', import.meta.url);
const HEADER = TEMPLATE_COLUMNS.join(',');
const IDENTITY: ColumnMapping = TEMPLATE_COLUMNS.map((_, index) => index);
const UTF8_COMMA: FileSettings = { encoding: 'utf-8', delimiter: ',' };
/** readFile reads the file in slices of this many bytes. */
const CHUNK_BYTES = 1024 * 1024;

function csvFile(parts: BlobPart[], name = 'clients.csv'): File {
	return new File(parts, name, { type: 'text/csv' });
}

async function readAll(
	file: Blob,
	settings: FileSettings = UTF8_COMMA,
	mapping: ColumnMapping = IDENTITY,
	workspace: WorkspaceIndex = WORKSPACE
): Promise<{ rows: ParsedRow[]; progress: Progress; batches: number }> {
	const rows: ParsedRow[] = [];
	let batches = 0;
	const progress = await readFile(file, {
		settings,
		mapping,
		workspace,
		onRows: (batch) => {
			batches++;
			rows.push(...batch);
		}
	});
	return { rows, progress, batches };
}

/** A Blob-like object of any size, which fails the test if anything reads it. */
function hugeFile(size: number): Blob {
	const unread = () => {
		throw new Error('the file was read');
	};
	return {
		size,
		type: 'text/csv',
		slice: unread,
		arrayBuffer: unread,
		text: unread,
		stream: unread
	} as unknown as Blob;
}

describe('inspectFile', () => {
	it('refuses an empty file, saying that it is empty', async () => {
		const inspection = inspectFile(csvFile([]));
		await expect(inspection).rejects.toBeInstanceOf(FileProblem);
		await expect(inspection).rejects.toThrow(/This file is empty/);
	});

	it('refuses a file of blank lines', async () => {
		await expect(inspectFile(csvFile(['\r\n\n  \n']))).rejects.toThrow(/only blank lines/);
	});

	it('reads the header of a header-only file and says it has no rows', async () => {
		const inspection = await inspectFile(csvFile([HEADER + '\r\n']));
		expect(inspection.header).toEqual([...TEMPLATE_COLUMNS]);
		expect(inspection.headerCheck.exact).toBe(true);
		expect(inspection.hasRows).toBe(false);
	});

	it('says a header-only file without a final line break has no rows', async () => {
		expect((await inspectFile(csvFile([HEADER]))).hasRows).toBe(false);
	});

	it('says a file with a data row has rows', async () => {
		const inspection = await inspectFile(csvFile([writeCsv([[...TEMPLATE_COLUMNS], validRow()])]));
		expect(inspection).toMatchObject({
			settings: UTF8_COMMA,
			detected: UTF8_COMMA,
			header: [...TEMPLATE_COLUMNS],
			hasRows: true
		});
	});

	it('finds the header below blank lines at the top', async () => {
		const inspection = await inspectFile(csvFile(['\n\n' + HEADER + '\n']));
		expect(inspection.headerCheck.exact).toBe(true);
	});

	it('refuses a PNG image, naming it', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		const inspection = inspectFile(csvFile([png], 'logo.png'));
		await expect(inspection).rejects.toBeInstanceOf(FileProblem);
		await expect(inspection).rejects.toThrow('This file is a PNG image, not a CSV.');
	});

	it('refuses a file over the size limit without reading it, stating the limit', async () => {
		const inspection = inspectFile(hugeFile(300 * 1024 * 1024));
		await expect(inspection).rejects.toBeInstanceOf(FileProblem);
		await expect(inspection).rejects.toThrow(/This file is 300 MB, more than the 250 MB the importer takes\./);
	});

	it('refuses a file one byte over the limit', async () => {
		await expect(inspectFile(hugeFile(MAX_FILE_BYTES + 1))).rejects.toThrow(
			/This file is 250\.0 MB, more than the 250 MB/
		);
	});

	it('detects a Windows-1252 file and decodes its accented names', async () => {
		const bytes = Buffer.from(
			`${HEADER}\r\n${validRow({ PrimaryContactFirstName: 'José', PrimaryContactLastName: 'Müller' })
				.map((v) => (v.includes(',') ? `"${v}"` : v))
				.join(',')}\r\n`,
			'latin1'
		);
		expect(bytes).toContain(0xe9);
		const file = csvFile([bytes]);
		const inspection = await inspectFile(file);
		expect(inspection.settings).toEqual({ encoding: 'windows-1252', delimiter: ',' });
		expect(inspection.headerCheck.exact).toBe(true);

		const { rows } = await readAll(file, inspection.settings);
		expect(rows).toHaveLength(1);
		expect(rows[0].values[COL.PrimaryContactFirstName]).toBe('José');
		expect(rows[0].values[COL.PrimaryContactLastName]).toBe('Müller');
		expect(rows[0].issues).toEqual([]);
	});

	it('keeps the encoding the admin chose, and still reports the one it detected', async () => {
		const file = csvFile([Buffer.from(`${HEADER}\nJosé\n`, 'latin1')]);
		const inspection = await inspectFile(file, { encoding: 'utf-8' });
		expect(inspection.settings.encoding).toBe('utf-8');
		expect(inspection.detected.encoding).toBe('windows-1252');
	});

	it('reads Excel "Unicode text": UTF-16LE with a byte order mark, separated by tabs', async () => {
		const text =
			[TEMPLATE_COLUMNS.join('\t'), validRow({ City: 'Zürich', PrimaryContactFirstName: 'Zoë' }).join('\t')].join(
				'\r\n'
			) + '\r\n';
		const file = csvFile([Buffer.from('\ufeff' + text, 'utf16le')], 'clients.txt');
		const inspection = await inspectFile(file);
		expect(inspection.settings).toEqual({ encoding: 'utf-16le', delimiter: '\t' });
		expect(inspection.header).toEqual([...TEMPLATE_COLUMNS]);
		expect(inspection.headerCheck.exact).toBe(true);

		const { rows } = await readAll(file, inspection.settings);
		expect(rows).toEqual([
			{ rowNumber: 2, values: validRow({ City: 'Zürich', PrimaryContactFirstName: 'Zoë' }), issues: [] }
		]);
	});

	it.each([
		['UTF-16LE', 'utf-16le', (text: string) => Buffer.from(text, 'utf16le')],
		['UTF-16BE', 'utf-16be', (text: string) => Buffer.from(text, 'utf16le').swap16()]
	] as const)('reads %s text without a byte order mark, told by its NULs', async (_, encoding, encode) => {
		const text = [TEMPLATE_COLUMNS.join('\t'), validRow({ City: 'Zürich' }).join('\t')].join('\r\n') + '\r\n';
		const file = csvFile([encode(text)]);
		const inspection = await inspectFile(file);
		expect(inspection.settings).toEqual({ encoding, delimiter: '\t' });
		expect(inspection.detected.encoding).toBe(encoding);
		expect(inspection.headerCheck.exact).toBe(true);
		const { rows } = await readAll(file, inspection.settings);
		expect(rows.map((row) => row.values)).toEqual([validRow({ City: 'Zürich' })]);
	});

	it('refuses UTF-16 text read as UTF-8 because the admin chose so, advising UTF-16LE', async () => {
		const text = [TEMPLATE_COLUMNS.join('\t'), validRow().join('\t')].join('\r\n') + '\r\n';
		const file = csvFile([Buffer.from(text, 'utf16le')]);
		await expect(inspectFile(file, { encoding: 'utf-8' })).rejects.toThrow(/NUL bytes.*choose UTF-16LE/);
	});

	it('leaves the UTF-8 byte order mark out of the first column name', async () => {
		const inspection = await inspectFile(csvFile(['\ufeff' + HEADER + '\n']));
		expect(inspection.header[0]).toBe('ClientName');
		expect(inspection.headerCheck.exact).toBe(true);
	});

	it('reads a semicolon-separated file whose cells contain commas', async () => {
		const row = validRow({ EmailDomains: 'acme.example, acme-corp.example', TechnicianGroups: 'Tier 1, Security' });
		const file = csvFile([`${TEMPLATE_COLUMNS.join(';')}\n${row.join(';')}\n`]);
		const inspection = await inspectFile(file);
		expect(inspection.settings).toEqual({ encoding: 'utf-8', delimiter: ';' });
		expect(inspection.headerCheck.exact).toBe(true);

		const { rows } = await readAll(file, inspection.settings);
		expect(rows[0].values).toEqual(row);
		expect(rows[0].issues).toEqual([]);
	});

	it('detects the semicolons of a short two-column file, and its CR line ends', async () => {
		const inspection = await inspectFile(
			csvFile(['ClientName;EmailDomains\rAcme;acme.example\rGlobex;globex.example\r'])
		);
		expect(inspection.detected).toEqual({ encoding: 'utf-8', delimiter: ';' });
		expect(inspection.header).toEqual(['ClientName', 'EmailDomains']);
		expect(inspection.samples).toEqual([
			['Acme', 'Globex'],
			['acme.example', 'globex.example']
		]);
	});

	it('suggests the mapping of a header with near-misses', async () => {
		const inspection = await inspectFile(csvFile(['client name,Primary Contact Email,Notes\nAcme,a@b.example,x\n']));
		expect(inspection.headerCheck.exact).toBe(false);
		expect(inspection.headerCheck.mapping).toEqual([COL.ClientName, COL.PrimaryContactEmail, null]);
	});
});

describe('readFile', () => {
	describe('with the fixture clients-with-errors.csv', () => {
		const path = new URL('clients-with-errors.csv', fixtures);
		const records = parseCsv(readFileSync(path, 'utf8'), ',');
		const expectedPairs = readFileSync(new URL('clients-with-errors.expected.csv', fixtures), 'utf8')
			.trim()
			.split(/\r?\n/)
			.slice(1);

		async function readFixture() {
			const file = csvFile([readFileSync(path)], 'clients-with-errors.csv');
			const inspection = await inspectFile(file);
			expect(inspection.headerCheck.exact).toBe(true);
			return readAll(file, inspection.settings, inspection.headerCheck.mapping, EMPTY_WORKSPACE);
		}

		it('numbers each row as the spreadsheet does: record index + 2, though quoted cells span two lines', async () => {
			const { rows } = await readFixture();
			const dataRecords = records.slice(1);
			expect(dataRecords.some((record) => record.some((cell) => cell.includes('\n')))).toBe(true);
			expect(rows.map((r) => r.rowNumber)).toEqual(dataRecords.map((_, index) => index + 2));
			expect(rows.map((r) => r.values)).toEqual(dataRecords);
		});

		it('reports errors on exactly the expected rows and columns, duplicates found across rows included', async () => {
			const { rows } = await readFixture();
			const uniqueness = new UniquenessIndex();
			for (const row of rows) uniqueness.set(row.rowNumber, row.values);
			const pairs = rows.flatMap((row) =>
				[...row.issues, ...uniqueness.issuesFor(row.rowNumber, row.values)]
					.filter((issue) => issue.severity === 'error')
					.sort((a, b) => a.column - b.column)
					.map((issue) => `${row.rowNumber},${TEMPLATE_COLUMNS[issue.column]}`)
			);
			expect(pairs).toEqual(expectedPairs);
		});

		it('gives rows that checkFile judges exactly as expected', async () => {
			const { rows } = await readFixture();
			const pairs = [...checkFile(rows, EMPTY_WORKSPACE)].flatMap(([rowNumber, issues]) =>
				issues.filter((i) => i.severity === 'error').map((i) => `${rowNumber},${TEMPLATE_COLUMNS[i.column]}`)
			);
			expect(pairs).toEqual(expectedPairs);
		});

		it('reports its progress: every byte read and every row counted', async () => {
			const { rows, progress } = await readFixture();
			const size = readFileSync(path).length;
			expect(progress).toEqual({ bytesRead: size, totalBytes: size, rowsRead: rows.length });
		});
	});

	it('decodes a multi-byte character that straddles two 1 MB slices', async () => {
		// Twelve rows of 100 KB of 'é' (each cell within the limit) carry the text past the first slice.
		const longValue = 'é'.repeat(50_000);
		const build = (name: string) =>
			writeCsv([
				[...TEMPLATE_COLUMNS],
				...Array.from({ length: 12 }, () => validRow({ ClientName: name, AddressLine: longValue })),
				validRow({ ClientName: 'After' })
			]);
		let text = build('Acme');
		// 'é' is 2 bytes in UTF-8: shift the text by one byte if the slice would end between two characters.
		if (Buffer.from(text)[CHUNK_BYTES - 1] !== 0xc3) text = build('Acme2');
		const bytes = Buffer.from(text);
		expect(bytes[CHUNK_BYTES - 1]).toBe(0xc3);
		expect(bytes[CHUNK_BYTES]).toBe(0xa9);

		const { rows, progress } = await readAll(csvFile([bytes]));
		expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 13 }, (_, i) => i + 2));
		expect(rows.slice(0, 12).every((row) => row.values[COL.AddressLine] === longValue)).toBe(true);
		expect(rows[12].values[COL.ClientName]).toBe('After');
		expect(rows.flatMap((r) => r.values).join('')).not.toContain('\ufffd');
		expect(progress).toMatchObject({ bytesRead: bytes.length, totalBytes: bytes.length, rowsRead: 13 });
	});

	it('decodes every accented value of a file of several megabytes, in order', async () => {
		const cities = Array.from({ length: 6000 }, (_, i) => `${'é'.repeat(90)}${i}`);
		const text = writeCsv([
			[...TEMPLATE_COLUMNS],
			...cities.map((City, i) => validRow({ City, ClientName: `Client ${i}` }))
		]);
		expect(Buffer.byteLength(text)).toBeGreaterThan(2 * CHUNK_BYTES);

		const { rows, batches } = await readAll(csvFile([text]));
		expect(batches).toBeGreaterThan(1);
		expect(rows.map((r) => r.values[COL.City])).toEqual(cities);
		expect(rows.map((r) => r.rowNumber)).toEqual(cities.map((_, i) => i + 2));
		expect(rows.filter((r) => r.issues.length > 0)).toEqual([]);
	});

	it('reports no broken quote when a 1 MB slice ends between a quoted last cell and its CR LF', async () => {
		// writeCsv quotes TechnicianGroups ("Tier 1, Network Team"), the last cell, and ends lines with CR LF.
		const header = writeCsv([[...TEMPLATE_COLUMNS]]);
		const row = writeCsv([validRow()]);
		const before = Math.floor((CHUNK_BYTES - header.length) / row.length) - 1;
		// One more row, its address lengthened so that its CR is the last character of the first slice.
		const longerLength = CHUNK_BYTES + 1 - header.length - before * row.length;
		const address = validRow()[COL.AddressLine];
		const longer = writeCsv([validRow({ AddressLine: 'x'.repeat(longerLength - row.length + address.length) })]);
		const text = header + row.repeat(before) + longer + row;
		expect(text.slice(CHUNK_BYTES - 2, CHUNK_BYTES + 1)).toBe('"\r\n');

		const { rows: parsed } = await readAll(csvFile([text]));
		expect(parsed).toHaveLength(before + 2);
		expect(parsed.flatMap((r) => r.issues).filter((i) => i.column === WHOLE_ROW)).toEqual([]);
	});

	it('warns about a row with too many fields, naming the extra values', async () => {
		const file = csvFile([writeCsv([[...TEMPLATE_COLUMNS], [...validRow(), 'stray', 'also stray']])]);
		const { rows } = await readAll(file);
		expect(rows[0].values).toEqual(validRow());
		expect(rows[0].issues).toEqual([
			{
				column: WHOLE_ROW,
				severity: 'warning',
				code: 'row_too_many_fields',
				message: expect.stringContaining(`the extra values "stray", "also stray" were left out`)
			}
		]);
		expect(rows[0].issues[0].message).toMatch(/This row has 21 fields but the header has 19/);
	});

	it('names a single extra value in the singular', async () => {
		const { rows } = await readAll(csvFile([writeCsv([[...TEMPLATE_COLUMNS], [...validRow(), 'stray']])]));
		expect(rows[0].issues[0].message).toContain('the extra value "stray" was left out');
	});

	it('does not warn about empty fields after the last column, as some exporters write', async () => {
		const { rows } = await readAll(csvFile([writeCsv([[...TEMPLATE_COLUMNS], [...validRow(), '', '  ']])]));
		expect(rows[0].issues).toEqual([]);
	});

	it('warns about a row with too few fields, and its missing required cells are errors', async () => {
		const short = validRow().slice(0, 10);
		const { rows } = await readAll(csvFile([writeCsv([[...TEMPLATE_COLUMNS], short])]));
		expect(rows[0].values).toEqual([...short, ...Array(TEMPLATE_COLUMNS.length - 10).fill('')]);
		expect(rows[0].issues[0]).toEqual({
			column: WHOLE_ROW,
			severity: 'warning',
			code: 'row_too_few_fields',
			message: expect.stringMatching(/This row has 10 fields but the header has 19: the last 9 columns were left empty/)
		});
		expect(rows[0].issues.slice(1)).toContainEqual(expect.objectContaining({ column: COL.Timezone, code: 'required' }));
	});

	it('counts a blank line in the middle as a spreadsheet row', async () => {
		const lines = [HEADER, validRow({ ClientName: 'First' }), '', validRow({ ClientName: 'After the gap' })];
		const text = lines.map((line) => (Array.isArray(line) ? writeCsv([line]).trimEnd() : line)).join('\n') + '\n';
		const { rows } = await readAll(csvFile([text]));
		expect(rows.map((r) => [r.rowNumber, r.values[COL.ClientName]])).toEqual([
			[2, 'First'],
			[4, 'After the gap']
		]);
	});

	it('reports a quote left open at the end of the file as an error of the row where it opens', async () => {
		const text = `${HEADER}\n${writeCsv([validRow({ ClientName: 'Fine' })])}Broken,"never closed,x\nNext,row\n`;
		const { rows } = await readAll(csvFile([text]));
		expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
		expect(rows[1].values.slice(0, 2)).toEqual(['Broken', 'never closed,x\nNext,row\n']);
		expect(rows[1].issues[0]).toEqual({
			column: WHOLE_ROW,
			severity: 'error',
			code: 'row_unclosed_quote',
			message: expect.stringMatching(/A quoted cell is never closed/)
		});
		expect(rows[0].issues).toEqual([]);
	});

	it('reports a stray quote that swallows the rows after it as an error of the row where it opens', async () => {
		const text = `${HEADER}\n${writeCsv([validRow({ ClientName: 'Fine' })])}Broken,"never closed,x\n${writeCsv([validRow()])}`;
		const { rows } = await readAll(csvFile([text]));
		expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
		expect(rows[1].issues[0]).toMatchObject({ column: WHOLE_ROW, severity: 'error', code: 'row_unclosed_quote' });
	});

	it('maps the columns of a reordered header into template order', async () => {
		const order = [...TEMPLATE_COLUMNS].reverse();
		const row = validRow();
		const record = order.map((column) => row[COL[column]]);
		const mapping = order.map((column) => COL[column]);
		const { rows } = await readAll(csvFile([writeCsv([order, record])]), UTF8_COMMA, mapping);
		expect(rows[0].values).toEqual(row);
		expect(rows[0].issues).toEqual([]);
	});

	it('reads a file without a final line break to its last row', async () => {
		const { rows } = await readAll(csvFile([writeCsv([[...TEMPLATE_COLUMNS], validRow()]).trimEnd()]));
		expect(rows).toHaveLength(1);
		expect(rows[0].values).toEqual(validRow());
	});

	it('sends nothing for a header-only file', async () => {
		const { rows, progress } = await readAll(csvFile([HEADER + '\n']));
		expect(rows).toEqual([]);
		expect(progress.rowsRead).toBe(0);
	});
});

describe('the size limits, refused with the limit named', () => {
	const row = (values: Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>> = {}) => writeCsv([validRow(values)]);

	it('reads a header of 1,000 columns, and refuses one of 1,001', async () => {
		const columns = (n: number) => [...TEMPLATE_COLUMNS, ...Array.from({ length: n - 19 }, (_, i) => `X${i}`)];
		const ok = await inspectFile(csvFile([columns(1000).join(',') + '\n' + row()]));
		expect(ok.header).toHaveLength(1000);
		const refused = inspectFile(csvFile([columns(1001).join(',') + '\n' + row()]));
		await expect(refused).rejects.toThrow('The header has 1,001 columns: the importer takes at most 1,000.');
	});

	it('refuses a 200,000-column header, and says how it read the file so the pickers stay', async () => {
		const header = Array.from({ length: 200_000 }, (_, i) => `c${i % 10}`).join(',');
		const refused = inspectFile(csvFile([header + '\n' + row()]));
		await expect(refused).rejects.toThrow(/The header has 200,000 columns: the importer takes at most 1,000/);
		await expect(refused).rejects.toMatchObject({ readAs: { settings: { encoding: 'utf-8', delimiter: ',' } } });
	});

	it('refuses a first line longer than 1 MB, with no line break: it cannot be a header', async () => {
		const refused = inspectFile(csvFile(['x'.repeat(3 * 1024 * 1024)]));
		await expect(refused).rejects.toThrow(
			/^Row 1, the header, runs on for more than 1 MB, the most a row may hold \(a cell may hold at most 100,000 characters\)/
		);
	});

	it('refuses a header whose cell is over 100,000 characters', async () => {
		const refused = inspectFile(csvFile([`${HEADER},${'h'.repeat(100_001)}\n${row()}`]));
		await expect(refused).rejects.toThrow(
			'Row 1 has a cell of 100,001 characters (column 20): a cell may hold at most 100,000 characters.'
		);
	});

	it('reads a cell of 100,000 characters, and refuses one of 100,001, naming its row and column', async () => {
		const { rows } = await readAll(csvFile([HEADER + '\n' + row({ AddressLine: 'a'.repeat(100_000) })]));
		expect(rows[0].values[COL.AddressLine]).toHaveLength(100_000);
		const file = csvFile([HEADER + '\n' + row() + row({ AddressLine: 'a'.repeat(100_001) })]);
		await expect(readAll(file)).rejects.toThrow(
			'Row 3 has a cell of 100,001 characters (column "AddressLine"): a cell may hold at most 100,000 characters.'
		);
		await expect(readAll(file)).rejects.toBeInstanceOf(FileProblem);
	});

	it('refuses a 30 MB row as soon as it passes 1 MB, without reading the rest', async () => {
		const line = 'Acme,' + 'x'.repeat(30 * 1024 * 1024);
		const file = csvFile([HEADER + '\n' + row() + line + '\n' + row()]);
		let furthestByte = 0;
		const slice = file.slice.bind(file);
		file.slice = (start?: number, end?: number) => {
			furthestByte = Math.max(furthestByte, end ?? file.size);
			return slice(start, end);
		};
		await expect(readAll(file)).rejects.toThrow(/^Row 3 runs on for more than 1 MB, the most a row may hold/);
		// The slice that takes the row past 1 MB is the last one read: the second, or the third at most.
		expect(furthestByte).toBeLessThanOrEqual(3 * CHUNK_BYTES);
	});

	it('refuses a quote never closed once it has swallowed 1 MB, naming the row where it opened', async () => {
		const rows = Array.from({ length: 60_000 }, (_, i) => `Client ${i},Ann,Lee,ann@x.example\n`).join('');
		const file = csvFile([HEADER + '\n' + row() + '"Unclosed,' + rows]);
		await expect(readAll(file)).rejects.toThrow(/^Row 3 runs on for more than 1 MB.*A quote that is never closed/);
	});

	it('names five extra values of a ragged row and counts the rest', async () => {
		const extras = Array.from({ length: 5000 }, (_, i) => `e${i}`).join(',');
		const { rows } = await readAll(csvFile([HEADER + '\n' + row().trimEnd() + ',' + extras + '\n']));
		expect(rows[0].issues[0].message).toContain(
			'the extra values "e0", "e1", "e2", "e3", "e4", 4,995 more were left out'
		);
	});
});
