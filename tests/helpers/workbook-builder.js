// Builds small .xlsx workbooks for the tests, with fflate and handwritten XML (as Excel writes them: shared
// strings, styles with number formats, row and cell references), so no binary fixture is committed.
// Plain JavaScript: the unit tests (Vitest) and the e2e tests (node:test) both use it.
import { Zip, ZipDeflate } from 'fflate';

const encoder = new TextEncoder();
const strToU8 = (text) => encoder.encode(text);

const escape = (text) =>
	String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
	const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	files['xl/_rels/workbook.xml.rels'] =
		`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
			.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
			.join(
				''
			)}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/></Relationships>`;
	files['_rels/.rels'] =
		`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
	files['[Content_Types].xml'] =
		`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
	for (const [name, text] of Object.entries(files)) add(name, text);
	zip.end();
	const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
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
