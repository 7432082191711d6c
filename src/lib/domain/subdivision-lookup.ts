// Stub until the lookups branch lands.
import { subdivisionsOf } from './countries';
export function subdivisionFromText(country: string, text: string): string | undefined {
	const t = text.trim().toLowerCase();
	return subdivisionsOf(country).find((s) => s.name.toLowerCase() === t)?.code;
}
