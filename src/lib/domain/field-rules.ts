// The shape of single values (emails, domains, lengths), with zod, and their plain messages.
import { z } from 'zod';

const emailSchema = z.email();
const hostnameSchema = z.hostname();

export function isEmail(value: string): boolean {
	return emailSchema.safeParse(value).success;
}

/** A domain as an admin means it: a host name with at least one dot and a letter-only top-level label. */
export function isDomainName(value: string): boolean {
	return hostnameSchema.safeParse(value).success && /\.[a-z]{2,63}$/i.test(value);
}

export function lengthOf(value: string): number {
	// Count characters as a person does (an emoji is one), not UTF-16 code units: a pair of surrogates is one.
	let length = value.length;
	for (let i = 0; i < value.length - 1; i++) {
		const code = value.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = value.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				length--;
				i++;
			}
		}
	}
	return length;
}
