// How a CSV text is laid out: which character separates the fields (`,`, `;` as Excel writes in many European
// locales, tab as in Excel's "Unicode text", `|`) and which line break ends the records. papaparse guesses both
// (the delimiter that splits its first ten rows most evenly, into two fields a row or more on average; the line
// break used most outside quoted cells), with no guess of our own beside it: tests/unit/import/delimiter.test.ts
// runs each realistic case through it, quoted line breaks in the first row included, and names the one it misses.
import Papa from 'papaparse';

export const DELIMITERS = [
	{ value: ',', label: 'Comma (,)' },
	{ value: ';', label: 'Semicolon (;)' },
	{ value: '\t', label: 'Tab' },
	{ value: '|', label: 'Pipe (|)' }
] as const;

export type Delimiter = (typeof DELIMITERS)[number]['value'];

export type Newline = '\n' | '\r\n' | '\r';

export interface Layout {
	/** A comma when no candidate splits the rows into two fields or more (a file of one column). */
	delimiter: Delimiter;
	newline: Newline;
}

/** The delimiter and line break of a text, from its start (papaparse looks at its first 1 MB at most). */
export function detectLayout(sample: string): Layout {
	const { meta } = Papa.parse<string[]>(sample, {
		// An empty delimiter and no newline: papaparse guesses both, a tie going to the first candidate.
		delimiter: '',
		delimitersToGuess: DELIMITERS.map((d) => d.value),
		// papaparse counts a blank line as a row of one field, the empty one after the final line break too,
		// and takes no delimiter below two fields a row on average: without this, a short two-column file
		// ("ClientName;City", two clients, a line break at the end) would be read as one column.
		skipEmptyLines: 'greedy',
		preview: 1
	});
	return { delimiter: meta.delimiter as Delimiter, newline: meta.linebreak as Newline };
}
