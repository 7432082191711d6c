// Just enough XML for a workbook's parts: elements of one name found in text that arrives in pieces,
// attributes, and text with its entities and OOXML's _xHHHH_ escapes decoded. Nothing is built from the
// names in the file (no object keyed by them), so a hostile part cannot reach an object's prototype.
import { FileProblem } from '../file-problem';

/** The longest an element still being read may grow: far beyond any real row of cells. */
export const MAX_ELEMENT_CHARS = 64 * 1024 * 1024;

const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/** A pattern that matches one whole element of this name, self-closing or not: groups are attributes, content. */
export function elementPattern(tag: string): RegExp {
	return new RegExp(`<${PREFIX}${tag}(\\s[^>]*?)?(?:\\/>|>([\\s\\S]*?)<\\/${PREFIX}${tag}\\s*>)`, 'g');
}

/** Finds the elements of one name in text pushed piece by piece, handing each on whole. */
export class ElementScanner {
	private pending = '';
	private readonly whole: RegExp;
	private readonly opening: RegExp;
	private stopped = false;

	constructor(
		tag: string,
		private readonly onElement: (attributes: string, content: string) => boolean | void,
		private readonly tooLong: () => FileProblem
	) {
		this.whole = elementPattern(tag);
		this.opening = new RegExp(`<${PREFIX}${tag}[\\s/>]`);
	}

	/** Reads more text; returns false once `onElement` asked to stop. */
	push(text: string, final = false): boolean {
		if (this.stopped) return false;
		const input = this.pending + text;
		this.whole.lastIndex = 0;
		let end = 0;
		for (let match = this.whole.exec(input); match; match = this.whole.exec(input)) {
			end = this.whole.lastIndex;
			if (this.onElement(match[1] ?? '', match[2] ?? '') === false) {
				this.stopped = true;
				this.pending = '';
				return false;
			}
		}
		if (final) {
			this.pending = '';
			return true;
		}
		const rest = input.slice(end);
		const open = rest.search(this.opening);
		// Without an element begun, only a few characters are kept: an opening tag may be cut at the piece's end.
		this.pending = open >= 0 ? rest.slice(open) : rest.slice(-64);
		if (this.pending.length > MAX_ELEMENT_CHARS) throw this.tooLong();
		return true;
	}
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** An attribute's value by its local name (any namespace prefix), decoded, or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
	// Compiled once per name: this runs for every cell of a sheet.
	let pattern = ATTRIBUTE_PATTERNS.get(name);
	if (!pattern) {
		pattern = new RegExp(`(?:^|\\s)${PREFIX}${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
		ATTRIBUTE_PATTERNS.set(name, pattern);
	}
	const match = pattern.exec(attributes);
	return match ? decodeXml(match[1] ?? match[2]) : undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(code: number): string {
	return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** Text with XML's entities decoded, and CDATA sections taken as they stand (some writers wrap cell text so). */
export function decodeXml(text: string): string {
	if (text.includes('<![CDATA[')) {
		let decoded = '';
		let at = 0;
		for (const match of text.matchAll(CDATA)) {
			decoded += decodeEntities(text.slice(at, match.index)) + match[1];
			at = match.index + match[0].length;
		}
		return decoded + decodeEntities(text.slice(at));
	}
	return decodeEntities(text);
}

function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(ENTITY, (_, entity: string) => {
		if (entity[0] !== '#') return NAMED[entity];
		return codePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
	});
}

/** A cell's text as OOXML stores it: entities, then _xHHHH_ for characters XML cannot hold (_x000D_). */
export function decodeCellText(text: string): string {
	const decoded = decodeXml(text);
	if (!decoded.includes('_x')) return decoded;
	return decoded.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const TEXT_RUN = elementPattern('t');
const PHONETIC = new RegExp(`<${PREFIX}rPh[\\s>][\\s\\S]*?<\\/${PREFIX}rPh>`, 'g');

/** The text of a string item (`<si>` or `<is>`): its runs joined, the phonetic guides left out. */
export function stringItemText(content: string): string {
	const runs = content.includes('rPh') ? content.replace(PHONETIC, '') : content;
	let text = '';
	TEXT_RUN.lastIndex = 0;
	for (let match = TEXT_RUN.exec(runs); match; match = TEXT_RUN.exec(runs)) text += match[2] ?? '';
	return decodeCellText(text);
}
