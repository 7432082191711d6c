// A full name in one cell (a CRM's "Contact name") split into the template's first and last name, or left unsure.

export type NameSplit =
	| { first: string; last: string }
	/** Not split with confidence: the reason, in plain words for an admin, e.g. `"Cher" is one word: type the first and last name.` */
	| { unsure: string };

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr']);
/** Compared without dots, so that "Ph.D." and "PhD", "Jr." and "Jr" are one suffix. */
const SUFFIXES = new Set('jr sr ii iii iv phd md dds dmd dvm jd esq mba cpa rn'.split(' '));
const PARTICLES = new Set(
	'de da das do dos del della der den di du la le van von ter ten bin binti al el st st. y'.split(' ')
);
/** Compared without dots and commas: a contact column sometimes holds the client's company instead of a person. */
const LEGAL_FORMS = new Set(['inc', 'llc', 'llp', 'ltd', 'plc', 'gmbh', 'corp', 'corporation', 'limited']);

const TYPE_IT = 'type the first and last name.';
const MORE_THAN_ONE_PERSON = "looks like more than one person: type one person's first and last name.";
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * How a full name is split. A name that does not fit one of these shapes is left unsure, never guessed:
 * a wrong split looks right in the review and is imported unnoticed.
 *
 * - Trim; fold runs of whitespace into one space. An empty value gives `{ first: '', last: '' }` (the review's
 *   required-field rule then marks it).
 * - Titles at the start are dropped (the template has no title field): Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame,
 *   Rev, Fr — with or without a dot, any case, several in a row ("Prof. Dr.").
 * - Suffixes at the end are kept with the last name: Jr, Sr, II, III, IV, PhD, MD, DDS, DMD, DVM, JD, Esq, MBA, CPA,
 *   RN, with or without dots ("Martin Luther King Jr." → "Martin Luther" / "King Jr."). A suffix after a comma
 *   ("John Smith, Jr.") is the same suffix, not a "Last, First" comma; the last name then reads "Smith Jr.".
 * - "Last, First [Middle]" (exactly one comma left after suffixes): last = before the comma, first = after it
 *   (titles at the start of either side dropped). An empty side is unsure; more than one comma is unsure.
 * - Two words → first, last ("A. Johnson" → "A." / "Johnson"). A hyphenated part is one word ("Mary-Jane").
 * - Surname particles start the last name: de, da, das, do, dos, del, della, der, den, di, du, la, le, van, von,
 *   ter, ten, bin, binti, al, el, st, st., any case ("Sven de Vries" → "Sven" / "de Vries", "Eddie Van Halen" →
 *   "Eddie" / "Van Halen"). "y" joins two surnames, so the word before it starts the last name ("José Ortega y
 *   Gasset" → "José" / "Ortega y Gasset"). A particle that is the first word is a given name when capitalised
 *   ("Van Morrison", "Al Gore"); lower-case ("de Vries") it is a last name with no first name: unsure. A particle
 *   that is the last word is an ordinary surname ("Anh Le").
 * - Three words, no particle: "First Middle Last" → "First Middle" / "Last" (given names stay together).
 * - Four or more words, no particle: unsure ("José Luis Rodríguez Zapatero" may have a double surname), unless the
 *   word before the last is an initial, which is never part of a surname ("J. R. R. Tolkien" → "J. R. R." /
 *   "Tolkien", "George H. W. Bush" → "George H. W." / "Bush").
 * - One word is unsure. So is a value that is not one person's name: digits, "@", "&", "+", " and ", "/",
 *   brackets, or a company's legal form (Inc, LLC, Ltd, GmbH…).
 * - The name's own letters are never dropped or changed: capitalisation and accents stay as typed.
 */
export function splitFullName(value: string): NameSplit {
	const name = value.trim().replace(/\s+/g, ' ');
	if (name === '') return { first: '', last: '' };
	const notOnePerson = notOnePersonReason(name);
	if (notOnePerson) return { unsure: notOnePerson };

	const { parts, suffixes } = takeSuffixes(name);
	if (parts.length > 2) {
		return {
			unsure: `${quote(name)} has more than one comma, so it is not clear which part is the last name: ${TYPE_IT}`
		};
	}
	if (parts.length === 2) return splitAtComma(name, parts[0], parts[1], suffixes);

	const all = words(parts[0]);
	const given = withoutTitles(all);
	const droppedTitle = given.length < all.length;
	const besides = besidesWhat(droppedTitle, suffixes.length);
	const split = splitWords(name, given, besides);
	return 'unsure' in split ? split : { first: split.first, last: [split.last, ...suffixes].join(' ') };
}

/**
 * The suffixes at the end of the name, and the comma-separated parts left before them. "John Smith, Jr., PhD":
 * whole parts made of suffixes come off first, so that their commas are not read as the "Last, First" comma.
 */
function takeSuffixes(name: string): { parts: string[]; suffixes: string[] } {
	const parts = name.split(',').map((part) => part.trim());
	let end = parts.length;
	while (end > 1 && parts[end - 1] !== '' && words(parts[end - 1]).every(isSuffix)) end -= 1;
	const lastWords = words(parts[end - 1]);
	let cut = lastWords.length;
	while (cut > 0 && isSuffix(lastWords[cut - 1])) cut -= 1;
	return {
		parts: [...parts.slice(0, end - 1), lastWords.slice(0, cut).join(' ')],
		suffixes: [...lastWords.slice(cut), ...parts.slice(end).flatMap(words)]
	};
}

/** Why the value is not one person's name, or undefined when it may be. */
function notOnePersonReason(name: string): string | undefined {
	const shown = quote(name);
	if (name.includes('@')) return `${shown} looks like an email address, not a name: ${TYPE_IT}`;
	if (/\p{Nd}/u.test(name)) return `${shown} has digits in it, which a person's name does not: ${TYPE_IT}`;
	if (/[&+]|(^| )and( |$)/i.test(name)) return `${shown} ${MORE_THAN_ONE_PERSON}`;
	if (name.includes('/')) {
		return `${shown} has a "/", so it may be more than one name: type one person's first and last name.`;
	}
	if (/[()[\]]/.test(name)) return `${shown} has a part in brackets: ${TYPE_IT}`;
	if (name.split(/[ ,]+/).some((word) => LEGAL_FORMS.has(word.replaceAll('.', '').toLowerCase()))) {
		return `${shown} looks like a company, not a person: type the contact's first and last name.`;
	}
	return undefined;
}

/** "Last, First [Middle]": the comma says which is which, so any number of words is fine on either side. */
function splitAtComma(name: string, before: string, after: string, suffixes: string[]): NameSplit {
	const last = withoutTitles(words(before));
	const first = withoutTitles(words(after));
	if (last.length === 0) return { unsure: `${quote(name)} has no last name before its comma: ${TYPE_IT}` };
	if (first.length === 0) return { unsure: `${quote(name)} has no first name after its comma: ${TYPE_IT}` };
	return { first: first.join(' '), last: [...last, ...suffixes].join(' ') };
}

/** The name's words, titles and suffixes already off: first and last, or why not. */
function splitWords(name: string, given: string[], besides: string): NameSplit {
	const shown = quote(name);
	const count = given.length;
	if (count === 0) return { unsure: `${shown} has no name${besides}: ${TYPE_IT}` };
	if (count === 1) {
		return { unsure: besides ? `${shown} has one word${besides}: ${TYPE_IT}` : `${shown} is one word: ${TYPE_IT}` };
	}
	if (PARTICLES.has(given[0]) && given[0] === given[0].toLowerCase()) {
		return { unsure: `${shown} looks like a last name only: ${TYPE_IT}` };
	}
	// A particle as the last word has nothing to start: "Anh Le" is an ordinary two-word name.
	const particle = given.findIndex((word, i) => i > 0 && i < count - 1 && isParticle(word));
	if (particle > 0) {
		// "y" sits between two surnames (Ortega y Gasset), so the surname starts one word earlier.
		const start = given[particle].toLowerCase() === 'y' ? particle - 1 : particle;
		if (start === 0) return { unsure: `${shown} ${MORE_THAN_ONE_PERSON}` };
		return { first: given.slice(0, start).join(' '), last: given.slice(start).join(' ') };
	}
	if (count <= 3 || isInitial(given[count - 2])) {
		return { first: given.slice(0, -1).join(' '), last: given[count - 1] };
	}
	return {
		unsure: `${shown} has ${NUMBER_WORDS[count] ?? count} words${besides} and could be split more than one way: ${TYPE_IT}`
	};
}

function words(text: string): string[] {
	return text.split(' ').filter((word) => word !== '');
}

/** Leading titles off; a value of titles only gives no words, which the caller reports. */
function withoutTitles(list: string[]): string[] {
	let start = 0;
	while (start < list.length && TITLES.has(list[start].toLowerCase().replace(/\.$/, ''))) start += 1;
	return list.slice(start);
}

function isSuffix(word: string): boolean {
	return SUFFIXES.has(word.replaceAll('.', '').toLowerCase());
}

function isParticle(word: string): boolean {
	return PARTICLES.has(word.toLowerCase());
}

/** "J", "J." or "J.R.": given-name initials, never a surname. */
function isInitial(word: string): boolean {
	return /^\p{L}(\.\p{L})*\.?$/u.test(word);
}

/** " besides its title", " besides its suffix"…: so that a count of words matches what the admin sees quoted. */
function besidesWhat(droppedTitle: boolean, suffixCount: number): string {
	const suffix = suffixCount > 1 ? 'suffixes' : 'suffix';
	if (droppedTitle && suffixCount > 0) return ` besides its title and ${suffix}`;
	if (droppedTitle) return ' besides its title';
	if (suffixCount > 0) return ` besides its ${suffix}`;
	return '';
}

/** The value in quotes, cut short: a cell may hold far more than a name, and the reason is shown on its row. */
function quote(name: string): string {
	const chars = Array.from(name);
	return `"${chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : name}"`;
}
