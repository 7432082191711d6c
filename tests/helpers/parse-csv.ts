// A whole CSV text at once, through the app's own streamed parser: how tests read back what the app wrote.
import { CsvStreamParser } from '$lib/import/csv-parser';
import { detectLayout, type Delimiter } from '$lib/import/delimiter';

export function parseCsv(text: string, delimiter: Delimiter): string[][] {
	const parser = new CsvStreamParser(delimiter, detectLayout(text).newline);
	return [...parser.push(text), ...parser.finish()];
}
