// Which character separates the fields: `,`, `;` (Excel in many European locales), tab (Excel's "Unicode
// text") or `|`. The one that splits the first lines into the same number of fields, more than one, wins.

export const DELIMITERS = [
	{ value: ',', label: 'Comma (,)' },
	{ value: ';', label: 'Semicolon (;)' },
	{ value: '\t', label: 'Tab' },
	{ value: '|', label: 'Pipe (|)' }
] as const;

export type Delimiter = (typeof DELIMITERS)[number]['value'];

/** Counts each candidate per record of the sample, outside quotes. */
function countPerRecord(text: string, delimiter: string, maxRecords: number): number[] {
	const counts: number[] = [];
	let count = 0;
	let quoted = false;
	for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
		const char = text[i];
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === delimiter) count++;
		else if (!quoted && (char === '\n' || char === '\r')) {
			if (char === '\r' && text[i + 1] === '\n') i++;
			counts.push(count);
			count = 0;
		}
	}
	if (counts.length < maxRecords && count > 0) counts.push(count);
	return counts;
}

export function detectDelimiter(sample: string): Delimiter {
	let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
	for (const { value } of DELIMITERS) {
		const counts = countPerRecord(sample, value, 50).filter((_, i, all) => i < all.length - 1 || all.length === 1);
		if (counts.length === 0 || counts[0] === 0) continue;
		const consistent = counts.filter((c) => c === counts[0]).length / counts.length;
		const score = consistent * 1000 + counts[0];
		if (score > best.score) best = { delimiter: value, score };
	}
	return best.delimiter;
}
