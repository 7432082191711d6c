import { describe, expect, it } from 'vitest';
import { FileProblem } from '$lib/import/file-problem';
import { attribute, decodeCellText, decodeXml, ElementScanner, stringItemText } from '$lib/import/workbook/xml';

/** The elements of this name found in text pushed in these pieces, as [attributes, content]. */
function scan(tag: string, pieces: string[]): [string, string][] {
	const found: [string, string][] = [];
	const scanner = new ElementScanner(
		tag,
		(attributes, content) => {
			found.push([attributes.trim(), content]);
		},
		() => new FileProblem('too long')
	);
	pieces.forEach((piece, i) => scanner.push(piece, i === pieces.length - 1));
	return found;
}

describe('finding elements in text that arrives in pieces', () => {
	it('finds an element cut anywhere by the pieces, self-closing or not', () => {
		const xml =
			'<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row r="3"><c r="A3"/></row></sheetData>';
		const whole = scan('row', [xml]);
		expect(whole).toEqual([
			['r="1"', '<c r="A1"><v>1</v></c>'],
			['r="2"', ''],
			['r="3"', '<c r="A3"/>']
		]);
		for (let cut = 1; cut < xml.length; cut++) {
			expect(scan('row', [xml.slice(0, cut), xml.slice(cut)])).toEqual(whole);
		}
	});

	it('finds elements under any namespace prefix, and no element whose name only starts the same', () => {
		const xml = '<x:row r="1"><x:c r="A1"/></x:row><rowBreaks/><ss:row r="2"></ss:row>';
		expect(scan('row', [xml])).toEqual([
			['r="1"', '<x:c r="A1"/>'],
			['r="2"', '']
		]);
	});

	it('stops when the element handler asks it to', () => {
		const found: string[] = [];
		const scanner = new ElementScanner(
			'si',
			(_, content) => found.push(content) < 2,
			() => new FileProblem('too long')
		);
		expect(scanner.push('<si>a</si><si>b</si><si>c</si>')).toBe(false);
		expect(scanner.push('<si>d</si>', true)).toBe(false);
		expect(found).toEqual(['a', 'b']);
	});
});

describe('attributes and text', () => {
	it('reads an attribute by its local name, under any prefix, in either quotes, decoded', () => {
		expect(attribute(' r="B7" t="s"', 'r')).toBe('B7');
		expect(attribute(' name="Q&amp;A" r:id=\'rId3\'', 'id')).toBe('rId3');
		expect(attribute(' ns:id="rId2"', 'id')).toBe('rId2');
		expect(attribute(' name="Q&amp;A"', 'name')).toBe('Q&A');
		// "sheetId" is not "id", nor "xr:uid" a "r".
		expect(attribute(' sheetId="1" xr:uid="{X}"', 'id')).toBeUndefined();
		expect(attribute(' xr:uid="{X}"', 'r')).toBeUndefined();
	});

	it('decodes entities, and takes CDATA sections as they stand', () => {
		expect(decodeXml('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233; &#x20AC;')).toBe('a <b> & "c" \'d\' é €');
		expect(decodeXml('<![CDATA[Tom & Jerry <3]]>')).toBe('Tom & Jerry <3');
		expect(decodeXml('A &amp; <![CDATA[&amp;]]> B')).toBe('A & &amp; B');
		expect(decodeXml('&unknown; & alone')).toBe('&unknown; & alone');
	});

	it("decodes OOXML's _xHHHH_ escapes in a cell's text", () => {
		expect(decodeCellText('line one_x000D_\nline two')).toBe('line one\r\nline two');
		expect(decodeCellText('tab_x0009_here')).toBe('tab\there');
		expect(decodeCellText('my_xylophone_')).toBe('my_xylophone_');
	});
});

describe('the text of a string item', () => {
	it('joins the runs of rich text, with their formatting left out', () => {
		const rich =
			'<r><t>Acme </t></r><r><rPr><b/><color rgb="FFFF0000"/></rPr><t xml:space="preserve">Corp &amp; Co</t></r>';
		expect(stringItemText(rich)).toBe('Acme Corp & Co');
		expect(stringItemText('<x:r><x:t>Acme</x:t></x:r><x:r><x:t>, Inc.</x:t></x:r>')).toBe('Acme, Inc.');
		expect(stringItemText('<t>tval</t><r><t>rval1</t></r><r><t>rval2</t></r>')).toBe('tvalrval1rval2');
	});

	it('leaves out phonetic guides, under any prefix', () => {
		const japanese = '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>';
		expect(stringItemText(japanese)).toBe('東京');
		expect(stringItemText('<x:r><x:t>大阪</x:t></x:r><x:rPh sb="0" eb="2"><x:t>オオサカ</x:t></x:rPh>')).toBe('大阪');
	});

	it('reads an empty item, a text in CDATA, and escapes', () => {
		expect(stringItemText('<t/>')).toBe('');
		expect(stringItemText('<t><![CDATA[Hello <World>]]></t>')).toBe('Hello <World>');
		expect(stringItemText('<t>a_x000D_b</t>')).toBe('a\rb');
	});
});
