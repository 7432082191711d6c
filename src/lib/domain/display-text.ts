// Long values shown clipped: a browser takes seconds to lay out a ten-million-character line, so no stored
// value is put on a page whole past a few thousand characters.
import { formatCount } from '$lib/wording';

/** The text itself when short; else its start and end around a note of how much is left out. */
export function clipText(text: string, max = 2000): string {
	if (text.length <= max) return text;
	const head = Math.ceil(max * 0.7);
	const tail = max - head;
	const omitted = text.length - head - tail;
	return `${text.slice(0, head)}… (${formatCount(omitted)} more characters) …${tail > 0 ? text.slice(-tail) : ''}`;
}
