// isValidPhoneNumber('+' + code + number) of libphonenumber-js (its 'min' metadata), with each calling code's regular
// expressions compiled once instead of on every call: the same answers at a fraction of the cost.
//
// The library parses and validates an international number in these steps (source/parse.js and helpers), which
// `isValidInternational` follows one for one, reading the same metadata:
//   1. The calling code is the first prefix of the digits after `+` that is a calling code; calling codes are
//      prefix-free, so for a real code it is that code and the rest is the number (extractCountryCallingCode).
//   2. The numbering plan of the code's main country (its first) is selected, and a national prefix and carrier code
//      are stripped from the number, or its transform rule applied, as the plan's national_prefix_for_parsing says;
//      the stripping is undone when it turns a number that fits the plan's pattern into one that does not, or when
//      what is left is too short or of an impossible length for its country (extractNationalNumber).
//   3. Parsing fails when the national number has fewer than 2 or more than 17 digits (parse).
//   4. The country is the only one of the code, or the first of its countries whose leading digits start the national
//      number, or (for one without leading digits) whose type patterns match it (getCountryByCallingCode); when none
//      does, the main country's plan stays selected.
//   5. Valid: with type patterns in the plan, the national number matches its general pattern and one of the ten
//      types' patterns, the type's possible lengths allowing its length (getNumberType); without them, it matches
//      the general pattern (isValid).
// tests/unit/domain/phone-validity.test.ts compares the two on hundreds of thousands of numbers of every code.
import metadataJson from 'libphonenumber-js/min/metadata';

/** A country's numbering plan as the v4 metadata writes it (libphonenumber-js source/metadata.js reads it so). */
type PlanJson = [
	callingCode: string,
	iddPrefix: unknown,
	nationalNumberPattern: string,
	possibleLengths: number[] | undefined,
	formats: unknown,
	nationalPrefix: string | undefined,
	nationalPrefixFormattingRule: unknown,
	nationalPrefixForParsing: string | undefined,
	nationalPrefixTransformRule: string | undefined,
	nationalPrefixIsOptional: unknown,
	leadingDigits: string | undefined,
	types: ([pattern: string, possibleLengths?: number[]] | 0 | undefined)[] | 0 | undefined
];

const metadata = metadataJson as unknown as {
	country_calling_codes: Record<string, string[]>;
	countries: Record<string, PlanJson>;
};

interface TypeRule {
	pattern: RegExp;
	lengths: readonly number[] | undefined;
}

/** What validation reads from one country's plan, compiled. */
interface Territory {
	/** The general national number pattern, anchored at both ends (matchesEntirely). */
	nationalNumber: RegExp;
	possibleLengths: readonly number[] | undefined;
	/** Anchored at the start only: `search(leadingDigits) === 0` is a match at the first digit. */
	leadingDigits: RegExp | undefined;
	/** The type patterns in the metadata's order, or undefined when the plan has none (then only the general one counts). */
	types: TypeRule[] | undefined;
}

interface CallingCodePlan {
	/** The code's countries, main one first, as getCountryByCallingCode walks them. */
	territories: Territory[];
	/** The main country's national_prefix_for_parsing (or its national prefix), anchored at the start. */
	prefixForParsing: RegExp | undefined;
	transformRule: string | undefined;
}

const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;

const entirely = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function territoryOf(plan: PlanJson): Territory {
	const possibleLengths = plan[3];
	const typesJson = plan[11];
	// hasTypes(): a non-empty types array. Of its ten types (fixed line, mobile, toll free, …) one counts when it
	// has a pattern; its lengths default to the plan's.
	const types =
		typesJson && typesJson.length > 0
			? typesJson
					.slice(0, 10)
					.flatMap((type): TypeRule[] =>
						type && type[0] ? [{ pattern: entirely(type[0]), lengths: type[1] || possibleLengths }] : []
					)
			: undefined;
	return {
		nationalNumber: entirely(plan[2]),
		possibleLengths,
		leadingDigits: plan[10] ? new RegExp(`^(?:${plan[10]})`) : undefined,
		types
	};
}

const plans = new Map<string, CallingCodePlan>();

/** The compiled plan of a calling code, built on first use: most files use a handful of codes. */
function planOf(code: string): CallingCodePlan {
	let plan = plans.get(code);
	if (!plan) {
		const countries = metadata.country_calling_codes[code].map((country) => metadata.countries[country]);
		const main = countries[0];
		const prefixForParsing = main[7] || main[5];
		plan = {
			territories: countries.map(territoryOf),
			prefixForParsing: prefixForParsing ? new RegExp(`^(?:${prefixForParsing})`) : undefined,
			transformRule: main[8]
		};
		plans.set(code, plan);
	}
	return plan;
}

/** getNumberType(...) !== undefined: the general pattern, then any type whose lengths allow the number's. */
function hasType(territory: Territory, types: TypeRule[], national: string): boolean {
	if (!territory.nationalNumber.test(national)) return false;
	for (const type of types) {
		if (type.lengths && !type.lengths.includes(national.length)) continue;
		if (type.pattern.test(national)) return true;
	}
	return false;
}

/** getCountryByCallingCode: the territory the national number belongs to, or undefined. */
function territoryFor(plan: CallingCodePlan, national: string): Territory | undefined {
	const { territories } = plan;
	if (territories.length === 1) return territories[0];
	for (const territory of territories) {
		if (territory.leadingDigits) {
			if (national && territory.leadingDigits.test(national)) return territory;
		} else if (territory.types && hasType(territory, territory.types, national)) {
			return territory;
		}
	}
	return undefined;
}

/** checkNumberLength(...) is neither TOO_SHORT nor INVALID_LENGTH (a number too long counts as possible there). */
function isPossibleIncomplete(lengths: readonly number[] | undefined, length: number): boolean {
	if (!lengths) return true;
	if (lengths[0] === length) return true;
	if (lengths[0] > length) return false;
	if (lengths[lengths.length - 1] < length) return true;
	return lengths.indexOf(length, 1) >= 0;
}

/** extractNationalNumber with the main country's plan selected: the number without its national prefix, if any. */
function nationalNumberOf(plan: CallingCodePlan, number: string): string {
	if (!plan.prefixForParsing) return number;
	const match = plan.prefixForParsing.exec(number);
	if (!match) return number;
	const groups = match.length - 1;
	const hasCapturedGroups = groups > 0 && Boolean(match[groups]);
	const national =
		plan.transformRule && hasCapturedGroups
			? number.replace(plan.prefixForParsing, plan.transformRule)
			: number.slice(match[0].length);
	if (national === number) return number;
	const main = plan.territories[0];
	if (main.nationalNumber.test(number) && !main.nationalNumber.test(national)) return number;
	if (main.possibleLengths) {
		const territory = territoryFor(plan, national) ?? main;
		if (!isPossibleIncomplete(territory.possibleLengths, national.length)) return number;
	}
	return national;
}

/**
 * isValidPhoneNumber(`+${code}${number}`), for a calling code of a country (one getCountries() has) and a number
 * of digits only.
 */
export function isValidInternational(code: string, number: string): boolean {
	const plan = planOf(code);
	const national = nationalNumberOf(plan, number);
	if (national.length < MIN_LENGTH_FOR_NSN || national.length > MAX_LENGTH_FOR_NSN) return false;
	const territory = territoryFor(plan, national) ?? plan.territories[0];
	return territory.types ? hasType(territory, territory.types, national) : territory.nationalNumber.test(national);
}
