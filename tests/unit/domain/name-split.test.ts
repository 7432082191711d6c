import { describe, expect, it } from 'vitest';
import { splitFullName } from '$lib/domain/name-split';

/** The reason of an unsure split, or a failure naming the split that was made instead. */
function reasonFor(value: string): string {
	const split = splitFullName(value);
	if (!('unsure' in split)) throw new Error(`"${value}" was split as ${JSON.stringify(split)}`);
	return split.unsure;
}

describe('splitFullName: the shapes it splits', () => {
	it('splits "First Last" into the first and the last word', () => {
		expect(splitFullName('Jane Smith')).toEqual({ first: 'Jane', last: 'Smith' });
	});

	it('keeps a middle name with the first name in "First Middle Last"', () => {
		expect(splitFullName('Mary Ann Evans')).toEqual({ first: 'Mary Ann', last: 'Evans' });
		expect(splitFullName('John F. Kennedy')).toEqual({ first: 'John F.', last: 'Kennedy' });
	});

	it('reads "Last, First" as the last name before the comma', () => {
		expect(splitFullName('Smith, Jane')).toEqual({ first: 'Jane', last: 'Smith' });
	});

	it('keeps every word after the comma as the first name in "Last, First Middle"', () => {
		expect(splitFullName('Smith, Jane Alice')).toEqual({ first: 'Jane Alice', last: 'Smith' });
	});

	it('trusts the comma with any number of words on either side', () => {
		expect(splitFullName('Rodríguez Zapatero, José Luis')).toEqual({ first: 'José Luis', last: 'Rodríguez Zapatero' });
		expect(splitFullName('van Beethoven, Ludwig')).toEqual({ first: 'Ludwig', last: 'van Beethoven' });
	});

	it('starts the last name at a particle: de Vries', () => {
		expect(splitFullName('Sven de Vries')).toEqual({ first: 'Sven', last: 'de Vries' });
	});

	it('starts the last name at the first of several particles: de la Cruz', () => {
		expect(splitFullName('Juan de la Cruz')).toEqual({ first: 'Juan', last: 'de la Cruz' });
	});

	it('starts the last name at van and von', () => {
		expect(splitFullName('Ludwig van Beethoven')).toEqual({ first: 'Ludwig', last: 'van Beethoven' });
		expect(splitFullName('Wernher von Braun')).toEqual({ first: 'Wernher', last: 'von Braun' });
	});

	it('recognises a capitalised particle and keeps its capital: Van Halen', () => {
		expect(splitFullName('Eddie Van Halen')).toEqual({ first: 'Eddie', last: 'Van Halen' });
	});

	it('starts the last name at bin', () => {
		expect(splitFullName('Mohammed bin Rashid')).toEqual({ first: 'Mohammed', last: 'bin Rashid' });
	});

	it('keeps all given names before a particle together', () => {
		expect(splitFullName('Vincent Willem van Gogh')).toEqual({ first: 'Vincent Willem', last: 'van Gogh' });
	});

	it('starts the last name one word before "y", which joins two surnames', () => {
		expect(splitFullName('José Ortega y Gasset')).toEqual({ first: 'José', last: 'Ortega y Gasset' });
	});

	it('reads a capitalised particle as the first word as a given name: Van Morrison, Al Gore', () => {
		expect(splitFullName('Van Morrison')).toEqual({ first: 'Van', last: 'Morrison' });
		expect(splitFullName('Al Gore')).toEqual({ first: 'Al', last: 'Gore' });
	});

	it('reads a particle as the last word as an ordinary surname: Anh Le', () => {
		expect(splitFullName('Anh Le')).toEqual({ first: 'Anh', last: 'Le' });
		expect(splitFullName('Thi Anh Le')).toEqual({ first: 'Thi Anh', last: 'Le' });
	});

	it('drops titles at the start, with or without a dot, in any case', () => {
		expect(splitFullName('Dr. Jane Smith')).toEqual({ first: 'Jane', last: 'Smith' });
		expect(splitFullName('Mrs Jane Smith')).toEqual({ first: 'Jane', last: 'Smith' });
		expect(splitFullName('prof Jane Smith')).toEqual({ first: 'Jane', last: 'Smith' });
		expect(splitFullName('MX. Sam Lee')).toEqual({ first: 'Sam', last: 'Lee' });
	});

	it('drops every title of a run of titles', () => {
		expect(splitFullName('Prof. Dr. Hans Müller')).toEqual({ first: 'Hans', last: 'Müller' });
	});

	it('drops each title the template has no field for', () => {
		for (const title of ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sir', 'Dame', 'Rev', 'Fr']) {
			expect(splitFullName(`${title} Jane Smith`)).toEqual({ first: 'Jane', last: 'Smith' });
			expect(splitFullName(`${title}. Jane Smith`)).toEqual({ first: 'Jane', last: 'Smith' });
		}
	});

	it('keeps a title-like word that is not at the start', () => {
		expect(splitFullName('Jane Dame')).toEqual({ first: 'Jane', last: 'Dame' });
	});

	it('drops a title at the start of either side of a "Last, First" comma', () => {
		expect(splitFullName('Smith, Dr. Jane')).toEqual({ first: 'Jane', last: 'Smith' });
		expect(splitFullName('Dr. Smith, Jane')).toEqual({ first: 'Jane', last: 'Smith' });
	});

	it('keeps a suffix such as Jr. with the last name', () => {
		expect(splitFullName('Martin Luther King Jr.')).toEqual({ first: 'Martin Luther', last: 'King Jr.' });
	});

	it('keeps a numeral suffix such as III with the last name', () => {
		expect(splitFullName('Thurston Howell III')).toEqual({ first: 'Thurston', last: 'Howell III' });
	});

	it('reads a suffix after a comma as a suffix, not as "Last, First"', () => {
		expect(splitFullName('John Smith, Jr.')).toEqual({ first: 'John', last: 'Smith Jr.' });
	});

	it('keeps several suffixes, with or without commas, in their order', () => {
		expect(splitFullName('John Smith, Jr., PhD')).toEqual({ first: 'John', last: 'Smith Jr. PhD' });
		expect(splitFullName('Jane Doe M.D.')).toEqual({ first: 'Jane', last: 'Doe M.D.' });
	});

	it('keeps a suffix with the last name in "Last, First" too', () => {
		expect(splitFullName('King, Martin Luther Jr.')).toEqual({ first: 'Martin Luther', last: 'King Jr.' });
		expect(splitFullName('Smith, John, Jr.')).toEqual({ first: 'John', last: 'Smith Jr.' });
		expect(splitFullName('Smith Jr., John')).toEqual({ first: 'John', last: 'Smith Jr.' });
	});

	it('recognises suffixes in any case and with or without dots', () => {
		for (const suffix of ['Jr', 'jr.', 'SR.', 'II', 'iv', 'PhD', 'Ph.D.', 'MD', 'Esq.', 'DDS']) {
			expect(splitFullName(`John Smith ${suffix}`)).toEqual({ first: 'John', last: `Smith ${suffix}` });
		}
	});

	it('drops the title and keeps the suffix together', () => {
		expect(splitFullName('Dr. Martin Luther King Jr.')).toEqual({ first: 'Martin Luther', last: 'King Jr.' });
		expect(splitFullName('Mr. John Smith, Esq.')).toEqual({ first: 'John', last: 'Smith Esq.' });
	});

	it('reads an initial as a first name: A. Johnson', () => {
		expect(splitFullName('A. Johnson')).toEqual({ first: 'A.', last: 'Johnson' });
	});

	it('splits four words or more when an initial stands before the last word: J. R. R. Tolkien', () => {
		expect(splitFullName('J. R. R. Tolkien')).toEqual({ first: 'J. R. R.', last: 'Tolkien' });
		expect(splitFullName('George H. W. Bush')).toEqual({ first: 'George H. W.', last: 'Bush' });
		expect(splitFullName('Mary Anne K Smith')).toEqual({ first: 'Mary Anne K', last: 'Smith' });
	});

	it('reads initials written together as one word: J.R.R. Tolkien', () => {
		expect(splitFullName('J.R.R. Tolkien')).toEqual({ first: 'J.R.R.', last: 'Tolkien' });
	});

	it('keeps a hyphenated name as one word', () => {
		expect(splitFullName('Mary-Jane Smith-Jones')).toEqual({ first: 'Mary-Jane', last: 'Smith-Jones' });
		expect(splitFullName('Jean-Luc Picard')).toEqual({ first: 'Jean-Luc', last: 'Picard' });
	});

	it('keeps accents, apostrophes and non-Latin letters as typed', () => {
		expect(splitFullName('Zoë Ångström')).toEqual({ first: 'Zoë', last: 'Ångström' });
		expect(splitFullName("Siobhán O'Brien")).toEqual({ first: 'Siobhán', last: "O'Brien" });
		expect(splitFullName('Дмитрий Шостакович')).toEqual({ first: 'Дмитрий', last: 'Шостакович' });
	});

	it('keeps the capitalisation as typed, lower or upper case', () => {
		expect(splitFullName('jane smith')).toEqual({ first: 'jane', last: 'smith' });
		expect(splitFullName('JANE SMITH')).toEqual({ first: 'JANE', last: 'SMITH' });
		expect(splitFullName('SMITH, JANE')).toEqual({ first: 'JANE', last: 'SMITH' });
	});

	it('trims and folds runs of spaces, tabs and non-breaking spaces into one space', () => {
		expect(splitFullName('  Mary \t Ann\u00a0  Evans  ')).toEqual({ first: 'Mary Ann', last: 'Evans' });
		expect(splitFullName(' Smith ,   Jane ')).toEqual({ first: 'Jane', last: 'Smith' });
	});

	it('gives two empty names for an empty or blank value, for the required-field rule to mark', () => {
		expect(splitFullName('')).toEqual({ first: '', last: '' });
		expect(splitFullName('   \t ')).toEqual({ first: '', last: '' });
	});
});

describe('splitFullName: what it leaves unsure', () => {
	it('leaves one word unsure: is it a first or a last name?', () => {
		expect(reasonFor('Cher')).toBe('"Cher" is one word: type the first and last name.');
	});

	it('leaves one word after a title unsure, saying the title was not counted', () => {
		expect(reasonFor('Mr. Smith')).toBe('"Mr. Smith" has one word besides its title: type the first and last name.');
		expect(reasonFor('John Jr.')).toBe('"John Jr." has one word besides its suffix: type the first and last name.');
	});

	it('leaves a title or suffix with no name unsure', () => {
		expect(reasonFor('Dr.')).toBe('"Dr." has no name besides its title: type the first and last name.');
		expect(reasonFor('Jr.')).toBe('"Jr." has no name besides its suffix: type the first and last name.');
	});

	it('leaves four words with no particle unsure: a double surname cannot be told apart', () => {
		expect(reasonFor('José Luis Rodríguez Zapatero')).toBe(
			'"José Luis Rodríguez Zapatero" has four words and could be split more than one way: type the first and last name.'
		);
	});

	it('counts words besides the title and suffix when five words are unsure', () => {
		expect(reasonFor('Dr. Ana María García López Núñez Jr.')).toBe(
			'"Dr. Ana María García López Núñez Jr." has five words besides its title and suffix and could be split more than one way: type the first and last name.'
		);
	});

	it('leaves a couple joined by "and", "&" or "+" unsure', () => {
		const couple = "looks like more than one person: type one person's first and last name.";
		expect(reasonFor('John and Jane Smith')).toBe(`"John and Jane Smith" ${couple}`);
		expect(reasonFor('Mr AND Mrs Smith')).toBe(`"Mr AND Mrs Smith" ${couple}`);
		expect(reasonFor('John & Jane Smith')).toBe(`"John & Jane Smith" ${couple}`);
		expect(reasonFor('John + Jane Smith')).toBe(`"John + Jane Smith" ${couple}`);
	});

	it('leaves a couple joined by "y" unsure, where no surname stands before it', () => {
		expect(reasonFor('Juan y María López')).toBe(
			`"Juan y María López" looks like more than one person: type one person's first and last name.`
		);
	});

	it('does not mistake "and" inside a word for a couple', () => {
		expect(splitFullName('Anderson Brandt')).toEqual({ first: 'Anderson', last: 'Brandt' });
		expect(splitFullName('Sandy Rand')).toEqual({ first: 'Sandy', last: 'Rand' });
	});

	it('leaves a value with digits unsure', () => {
		expect(reasonFor('John Smith 2')).toBe(
			`"John Smith 2" has digits in it, which a person's name does not: type the first and last name.`
		);
		expect(reasonFor('Henry Ford 3rd')).toContain('has digits');
	});

	it('leaves an email address unsure', () => {
		expect(reasonFor('jane.smith@acme.example')).toBe(
			'"jane.smith@acme.example" looks like an email address, not a name: type the first and last name.'
		);
	});

	it('leaves a value with a slash unsure', () => {
		expect(reasonFor('Sales/Support')).toBe(
			`"Sales/Support" has a "/", so it may be more than one name: type one person's first and last name.`
		);
	});

	it('leaves a value with a part in brackets unsure', () => {
		expect(reasonFor('John Smith (Sales)')).toBe(
			'"John Smith (Sales)" has a part in brackets: type the first and last name.'
		);
		expect(reasonFor('Robert [Bob] Smith')).toContain('in brackets');
	});

	it('leaves a company name unsure, also when its legal form follows a comma', () => {
		const company = "looks like a company, not a person: type the contact's first and last name.";
		expect(reasonFor('Acme, Inc.')).toBe(`"Acme, Inc." ${company}`);
		expect(reasonFor('Globex LLC')).toBe(`"Globex LLC" ${company}`);
		expect(reasonFor('Müller GmbH')).toBe(`"Müller GmbH" ${company}`);
	});

	it('leaves a value with two "Last, First" commas unsure', () => {
		expect(reasonFor('Smith, John, Paul')).toBe(
			'"Smith, John, Paul" has more than one comma, so it is not clear which part is the last name: type the first and last name.'
		);
		expect(reasonFor('Smith,, John')).toContain('more than one comma');
	});

	it('leaves a comma with nothing after it unsure', () => {
		expect(reasonFor('Smith,')).toBe('"Smith," has no first name after its comma: type the first and last name.');
		expect(reasonFor('Smith, Dr.')).toBe(
			'"Smith, Dr." has no first name after its comma: type the first and last name.'
		);
	});

	it('leaves a comma with nothing before it unsure', () => {
		expect(reasonFor(', Jane')).toBe('", Jane" has no last name before its comma: type the first and last name.');
	});

	it('leaves a suffix after a comma with one word before it unsure', () => {
		expect(reasonFor('Smith, Jr.')).toBe('"Smith, Jr." has one word besides its suffix: type the first and last name.');
	});

	it('leaves a lower-case particle as the first word unsure: a last name with no first name', () => {
		expect(reasonFor('de Vries')).toBe('"de Vries" looks like a last name only: type the first and last name.');
		expect(reasonFor('Dr. van Helsing')).toBe(
			'"Dr. van Helsing" looks like a last name only: type the first and last name.'
		);
	});

	it('quotes a very long value cut short', () => {
		const reason = reasonFor('x'.repeat(10_000));
		expect(reason).toBe(`"${'x'.repeat(79)}…" is one word: type the first and last name.`);
	});

	it('quotes the value with its spaces folded', () => {
		expect(reasonFor('  Cher  ')).toBe('"Cher" is one word: type the first and last name.');
	});
});

describe('splitFullName over a table of names', () => {
	const splits: [value: string, first: string, last: string][] = [
		['Ada Lovelace', 'Ada', 'Lovelace'],
		['Grace Brewster Hopper', 'Grace Brewster', 'Hopper'],
		['Hopper, Grace', 'Grace', 'Hopper'],
		['Hopper, Grace Brewster', 'Grace Brewster', 'Hopper'],
		['Sven de Vries', 'Sven', 'de Vries'],
		['Juan de la Cruz', 'Juan', 'de la Cruz'],
		['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
		['Eddie Van Halen', 'Eddie', 'Van Halen'],
		['Ursula von der Leyen', 'Ursula', 'von der Leyen'],
		['Luiz Inácio da Silva', 'Luiz Inácio', 'da Silva'],
		['Leonardo di Caprio', 'Leonardo', 'di Caprio'],
		['Gerard ter Steegen', 'Gerard', 'ter Steegen'],
		['Mohammed bin Salman', 'Mohammed', 'bin Salman'],
		['Siti binti Ahmad', 'Siti', 'binti Ahmad'],
		['Mary St. Clair', 'Mary', 'St. Clair'],
		['Dr. Jane Goodall', 'Jane', 'Goodall'],
		['Sir Elton John', 'Elton', 'John'],
		['Rev. Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
		['John Smith, Jr.', 'John', 'Smith Jr.'],
		['Gregory House MD', 'Gregory', 'House MD'],
		['A. Johnson', 'A.', 'Johnson'],
		['J. R. R. Tolkien', 'J. R. R.', 'Tolkien'],
		['Mary-Jane Smith-Jones', 'Mary-Jane', 'Smith-Jones'],
		['François Hollande', 'François', 'Hollande'],
		['Søren Kierkegaard', 'Søren', 'Kierkegaard'],
		['  Björk   Guðmundsdóttir ', 'Björk', 'Guðmundsdóttir'],
		['Ortega y Gasset, José', 'José', 'Ortega y Gasset']
	];
	it.each(splits)('splits %j into %j and %j', (value, first, last) => {
		expect(splitFullName(value)).toEqual({ first, last });
	});

	const unsure = [
		'Cher',
		'Madonna',
		'José Luis Rodríguez Zapatero',
		'Gabriel José García Márquez',
		'John and Jane Smith',
		'Mr & Mrs Smith',
		'Agent 47',
		'info@acme.example',
		'Smith, John, Paul',
		', Jane',
		'Acme Ltd'
	];
	it.each(unsure)('leaves %j unsure, with a reason that quotes it', (value) => {
		expect(reasonFor(value)).toContain(`"${value.trim()}"`);
	});
});
