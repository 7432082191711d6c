// Ranks a list's options for what a person types, so the likeliest choice is first and Enter picks it.

export interface SearchOption {
	/** What is stored: a code (GB, US-CA) or a zone name. */
	value: string;
	/** The option's name (United Kingdom, California). */
	label: string;
	/** Other names that find it exactly (UK, Great Britain; CA). */
	aliases?: readonly string[];
}

/**
 * The form of a text that searches compare: lower case, without accents, dots, or punctuation, single spaces.
 * `U.S.A.` → `usa`, `Côte d’Ivoire` → `cote d ivoire`, `America/New_York` → `america new york`.
 */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\./g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

interface Folded {
	value: string;
	label: string;
	aliases: string[];
	/** Everything searchable, one string, for the every-word match. */
	all: string;
}

/** Folded forms, made once per options list (the lists are built once and searched on every key). */
const foldedLists = new WeakMap<readonly SearchOption[], Folded[]>();

function foldedOf(options: readonly SearchOption[]): Folded[] {
	let folded = foldedLists.get(options);
	if (!folded) {
		folded = options.map((o) => {
			const value = foldText(o.value);
			const label = foldText(o.label);
			const aliases = (o.aliases ?? []).map(foldText);
			return { value, label, aliases, all: ` ${[value, label, ...aliases].join(' ')}` };
		});
		foldedLists.set(options, folded);
	}
	return folded;
}

/** How well an option fits (lower is better), or -1 when it does not. */
function rank(o: Folded, q: string, words: string[]): number {
	if (o.value === q) return 0;
	if (o.label === q) return 1;
	if (o.aliases.includes(q)) return 2;
	if (o.label.startsWith(q)) return 3;
	if (o.value.startsWith(q) || o.aliases.some((a) => a.startsWith(q))) return 4;
	// A word of the name starts with it: "york" finds America/New_York before "Yorkton"-less substrings.
	if (o.all.includes(` ${q}`)) return 5;
	if (o.all.includes(q)) return 6;
	if (words.length > 1 && words.every((w) => o.all.includes(w))) return 7;
	return -1;
}

/**
 * Options that match a query, best first: exact value (code), exact label, exact alias, label prefix, code or
 * alias prefix, word prefix, substring, then every word somewhere. Equal ranks keep the list's order. An empty
 * query keeps every option in order. Case, accents and dots do not matter.
 */
export function rankOptions<T extends SearchOption>(query: string, options: readonly T[]): T[] {
	const q = foldText(query);
	if (!q) return [...options];
	const words = q.split(' ');
	const folded = foldedOf(options);
	const ranked: { option: T; rank: number; index: number }[] = [];
	options.forEach((option, index) => {
		const r = rank(folded[index], q, words);
		if (r >= 0) ranked.push({ option, rank: r, index });
	});
	ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
	return ranked.map((r) => r.option);
}
