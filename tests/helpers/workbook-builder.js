// Builds small .xlsx workbooks for the tests, with fflate and handwritten XML (as Excel writes them: shared
// strings, styles with number formats, row and cell references), so no binary fixture is committed.
// Plain JavaScript: the unit tests (Vitest) and the e2e tests (node:test) both use it.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const encoder = new TextEncoder();
const strToU8 = (text) => encoder.encode(text);

const escape = (text) =>
	String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The parts every package has, the same whatever its sheets. */
const PACKAGE_PARTS = {
	'[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
	'_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
};

function columnName(index) {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/**
 * A cell: a string (shared), a number, a boolean, null (no cell), or { value, format } for a number with a
 * number format, { formula, value } for a formula's cached result, { inline } for an inline string.
 * @typedef {string | number | boolean | null | { value: number, format: string } | { date: number, format?: string } | { inline: string }} Cell
 * @typedef {{ name: string, hidden?: boolean, rows: (Cell[] | null)[], rowNumbers?: number[] }} Sheet
 */

/**
 * The bytes of an .xlsx with these sheets. A sheet's row i is row i + 1 unless `rowNumbers` says otherwise;
 * a null row is left out, as Excel leaves out empty rows. `rows` may be any iterable (a generator for a large
 * sheet: its XML is written and deflated a slice at a time, never held whole).
 * @param {Sheet[]} sheets
 * @param {{ date1904?: boolean, level?: number }} [options]
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function buildXlsx(sheets, options = {}) {
	const strings = [];
	const stringIndex = new Map();
	const formats = ['General'];
	const styleOf = (format) => {
		let index = formats.indexOf(format);
		if (index < 0) index = formats.push(format) - 1;
		return index;
	};
	const shared = (text) => {
		if (!stringIndex.has(text)) stringIndex.set(text, strings.push(text) - 1);
		return stringIndex.get(text);
	};
	const cellXml = (cell, ref) => {
		if (cell === null || cell === undefined) return '';
		if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
		if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
		if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
		if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${escape(cell.inline)}</t></is></c>`;
		if ('date' in cell) return `<c r="${ref}" s="${styleOf(cell.format ?? 'yyyy-mm-dd')}"><v>${cell.date}</v></c>`;
		return `<c r="${ref}" s="${styleOf(cell.format)}"><v>${cell.value}</v></c>`;
	};
	const level = options.level ?? 6;
	const chunks = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		chunks.push(data);
	});
	const add = (name, text) => {
		const file = new ZipDeflate(name, { level });
		zip.add(file);
		file.push(strToU8(text), true);
	};
	sheets.forEach((sheet, s) => {
		const file = new ZipDeflate(`xl/worksheets/sheet${s + 1}.xml`, { level });
		zip.add(file);
		file.push(
			strToU8(
				'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
			)
		);
		let i = 0;
		let pending = '';
		for (const cells of sheet.rows) {
			const rowNumber = sheet.rowNumbers?.[i] ?? i + 1;
			i++;
			if (cells === null) continue;
			pending += `<row r="${rowNumber}">${cells.map((cell, c) => cellXml(cell, `${columnName(c)}${rowNumber}`)).join('')}</row>`;
			if (pending.length > 1 << 20) {
				file.push(strToU8(pending));
				pending = '';
			}
		}
		file.push(strToU8(`${pending}</sheetData></worksheet>`), true);
	});
	const files = {};
	const customFormats = formats
		.map((code, i) => (i === 0 ? '' : `<numFmt numFmtId="${163 + i}" formatCode="${escape(code)}"/>`))
		.join('');
	const xfs = formats.map((_, i) => `<xf numFmtId="${i === 0 ? 0 : 163 + i}" applyNumberFormat="1"/>`).join('');
	files['xl/styles.xml'] =
		`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${formats.length - 1}">${customFormats}</numFmts><cellXfs count="${formats.length}">${xfs}</cellXfs></styleSheet>`;
	files['xl/sharedStrings.xml'] =
		`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`;
	const sheetEntries = sheets
		.map(
			(sheet, i) =>
				`<sheet name="${escape(sheet.name)}" sheetId="${i + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`
		)
		.join('');
	files['xl/workbook.xml'] =
		`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries}</sheets></workbook>`;
	files['xl/_rels/workbook.xml.rels'] =
		`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
			.map(
				(_, i) =>
					`<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
			)
			.join(
				''
			)}<Relationship Id="rIdS" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`;
	Object.assign(files, PACKAGE_PARTS);
	for (const [name, text] of Object.entries(files)) add(name, text);
	zip.end();
	return joined(chunks);
}

/** @param {Uint8Array[]} chunks */
function joined(chunks) {
	const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

/**
 * The parts of a one-sheet workbook around XML given as written, for what buildXlsx does not write (namespace
 * prefixes, rich text, cells without references, formulas). Each string is the content of its root element.
 * @param {{ sheetData: string, sharedStrings?: string, styles?: string, workbookPr?: string, prefix?: string }} xml
 * @returns {Record<string, string>}
 */
export function workbookParts(xml) {
	const p = xml.prefix ? `${xml.prefix}:` : '';
	const ns = xml.prefix ? `xmlns:${xml.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
	const parts = {
		...PACKAGE_PARTS,
		'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${RELATIONSHIPS}">${xml.workbookPr ?? ''}<${p}sheets><${p}sheet name="Sheet1" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
		'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
		'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}sheetData>${xml.sheetData}</${p}sheetData></${p}worksheet>`
	};
	if (xml.sharedStrings !== undefined)
		parts['xl/sharedStrings.xml'] =
			`<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}>${xml.sharedStrings}</${p}sst>`;
	if (xml.styles !== undefined)
		parts['xl/styles.xml'] =
			`<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${ns}>${xml.styles}</${p}styleSheet>`;
	return parts;
}

/**
 * The bytes of a ZIP of these parts, deflated, or stored uncompressed (method 0) as some writers store them.
 * @param {Record<string, string>} parts
 * @param {{ stored?: boolean }} [options]
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function zipParts(parts, options = {}) {
	const chunks = [];
	const zip = new Zip((error, data) => {
		if (error) throw error;
		chunks.push(data);
	});
	for (const [name, text] of Object.entries(parts)) {
		const file = options.stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
		zip.add(file);
		file.push(strToU8(text), true);
	}
	zip.end();
	return joined(chunks);
}

/**
 * The same ZIP written as a ZIP64 writer writes it: every size and offset in the central directory at its
 * 32-bit maximum with the real value in a ZIP64 extra field, and a ZIP64 end record and locator before the end
 * record, whose own fields are at their maximum too.
 * @param {Uint8Array} zip
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function asZip64(zip) {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const eocd = zip.length - 22;
	const count = view.getUint16(eocd + 10, true);
	const directoryOffset = view.getUint32(eocd + 16, true);
	const entries = [];
	for (let i = 0, at = directoryOffset; i < count; i++) {
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const header = zip.slice(at, at + 46 + nameLength);
		const rest = zip.slice(at + 46 + nameLength, at + 46 + nameLength + extraLength + commentLength);
		const h = new DataView(header.buffer);
		const extra = new Uint8Array(28);
		const e = new DataView(extra.buffer);
		e.setUint16(0, 1, true);
		e.setUint16(2, 24, true);
		e.setBigUint64(4, BigInt(h.getUint32(24, true)), true);
		e.setBigUint64(12, BigInt(h.getUint32(20, true)), true);
		e.setBigUint64(20, BigInt(h.getUint32(42, true)), true);
		h.setUint32(20, 0xffffffff, true);
		h.setUint32(24, 0xffffffff, true);
		h.setUint32(42, 0xffffffff, true);
		h.setUint16(30, extraLength + extra.length, true);
		entries.push(header, extra, rest);
		at += 46 + nameLength + extraLength + commentLength;
	}
	const directory = joined(entries);
	const record = new Uint8Array(56);
	const r = new DataView(record.buffer);
	r.setUint32(0, 0x06064b50, true);
	r.setBigUint64(4, 44n, true);
	r.setUint16(12, 45, true);
	r.setUint16(14, 45, true);
	r.setBigUint64(24, BigInt(count), true);
	r.setBigUint64(32, BigInt(count), true);
	r.setBigUint64(40, BigInt(directory.length), true);
	r.setBigUint64(48, BigInt(directoryOffset), true);
	const locator = new Uint8Array(20);
	const l = new DataView(locator.buffer);
	l.setUint32(0, 0x07064b50, true);
	l.setBigUint64(8, BigInt(directoryOffset + directory.length), true);
	l.setUint32(16, 1, true);
	const end = new Uint8Array(22);
	const d = new DataView(end.buffer);
	d.setUint32(0, 0x06054b50, true);
	d.setUint16(8, 0xffff, true);
	d.setUint16(10, 0xffff, true);
	d.setUint32(12, 0xffffffff, true);
	d.setUint32(16, 0xffffffff, true);
	return joined([zip.slice(0, directoryOffset), directory, record, locator, end]);
}

/** A Compound File (as an encrypted .xlsx or an .xls is) naming this stream in its directory. */
export function compoundFile(streamName) {
	const bytes = new Uint8Array(4096);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	[...streamName].forEach((char, i) => (bytes[1024 + 2 * i] = char.charCodeAt(0)));
	return bytes;
}

/** Sets every ZIP entry's declared unpacked size in the central directory, as a ZIP bomb's may be. */
export function declareUnpackedSize(zip, size) {
	const bytes = zip.slice();
	const view = new DataView(bytes.buffer);
	for (let i = 0; i + 46 <= bytes.length; i++) {
		if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
	}
	return bytes;
}
