// Country calling codes and the "number does not fit its country" warning, from libphonenumber-js.
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { isValidInternational } from './phone-validity';

const callingCodes = new Set<string>(getCountries().map((c) => getCountryCallingCode(c)));

/** Digits of a calling code written `1`, `+44`, `091`-free: 1–3 digits with an optional leading `+`. */
export function callingCodeDigits(value: string): string | undefined {
	const match = /^\+?(\d{1,3})$/.exec(value.trim());
	return match ? match[1] : undefined;
}

export function isRealCallingCode(digits: string): boolean {
	return callingCodes.has(digits);
}

/**
 * Whether a number of digits only fits a calling code isRealCallingCode accepts: isValidPhoneNumber of
 * `+${codeDigits}${number}`, answered by phone-validity.ts without its per-call cost (it runs for every row).
 */
export function fitsCountry(codeDigits: string, number: string): boolean {
	return isValidInternational(codeDigits, number);
}
