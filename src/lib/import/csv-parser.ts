// The CSV parser the worker uses: papaparse's own parser, fed text as it is decoded. Each `push` returns the
// records completed so far and keeps back the last, possibly cut, one, exactly as papaparse's streamers do.
import Papa from 'papaparse';
import type { Delimiter, Newline } from './delimiter';

export interface ParseProblem {
	/** Index of the record (0 = header) where papaparse noticed it. */
	record: number;
	message: string;
}

export class CsvStreamParser {
	private pending = '';
	private offset = 0;
	private recordsSeen = 0;
	readonly problems: ParseProblem[] = [];

	constructor(
		private readonly delimiter: Delimiter,
		private readonly newline: Newline
	) {}

	/** Characters of the record still being read: the one a `push` has not completed. */
	get pendingLength(): number {
		return this.pending.length;
	}

	/** Parses more text; returns the records that are complete. */
	push(text: string): string[][] {
		return this.run(this.pending + text, false);
	}

	/** Ends the input; returns the last records. */
	finish(): string[][] {
		return this.run(this.pending, true);
	}

	private run(input: string, last: boolean): string[][] {
		if (input === '') {
			this.pending = '';
			return [];
		}
		const parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar: '"' });
		const result = parser.parse(input, this.offset, !last) as Papa.ParseResult<string[]>;
		const consumed = result.meta.cursor - this.offset;
		this.pending = last ? '' : input.slice(consumed);
		this.offset = last ? 0 : result.meta.cursor;
		for (const error of result.errors) {
			// The last record is held back until more text comes: a problem papaparse saw in it may vanish then.
			if (!last && (error.row ?? 0) >= result.data.length) continue;
			const record = this.recordsSeen + (error.row ?? 0);
			const message =
				error.code === 'MissingQuotes'
					? 'A quoted cell is never closed: everything after its opening quote was read as that one cell. Check the quotes in this row.'
					: 'A quote in this row is out of place (a quoted cell must end with its quote right before the delimiter or the line end): the row may be split wrongly. Check its quotes.';
			this.problems.push({ record, message });
		}
		this.recordsSeen += result.data.length;
		return result.data;
	}
}
