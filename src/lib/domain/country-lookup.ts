// Stub until the lookups branch lands.
import { normaliseCountry } from './countries';
export function countryFromText(text: string): string | undefined {
	const t = text.trim().toLowerCase();
	const alias: Record<string, string> = {
		india: 'IN',
		'united states': 'US',
		usa: 'US',
		uk: 'GB',
		germany: 'DE',
		canada: 'CA',
		australia: 'AU',
		deutschland: 'DE'
	};
	return alias[t] ?? normaliseCountry(text);
}
export function searchCountries(query: string): { code: string; name: string }[] {
	return query ? [] : [];
}
export function commonCountryName(code: string): string {
	return code;
}
