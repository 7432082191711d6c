// How the app words things for the admin, in one place: an error's message, a count with its noun.

/** The message of whatever was thrown: an Error's own, or the thrown value as text. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The label a list of options gives a value, or the value itself when the list does not know it. */
export function labelOf(options: readonly { value: string; label: string }[], value: string): string {
	return options.find((option) => option.value === value)?.label ?? value;
}

/** One formatter for every count: `toLocaleString` builds one a call, and the grid's headers recount per batch read. */
const COUNT_FORMAT = new Intl.NumberFormat('en');

/** A number as the page writes it: 1,234,567. */
export function formatCount(n: number): string {
	return COUNT_FORMAT.format(n);
}

/** "1 row", "2,000 rows": a count with its noun, plural when it is not one. */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${nounFor(n, one, many)}`;
}

/** The noun alone, for a count shown apart from it ("<strong>1</strong> row"). */
export function nounFor(n: number, one: string, many = `${one}s`): string {
	return n === 1 ? one : many;
}
