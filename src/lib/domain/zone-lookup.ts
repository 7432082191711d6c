// Stub until the lookups branch lands.
export type ZoneGuess = { zone: string } | { choices: string[] } | undefined;
export function zoneFromWindowsName(text: string, country: string | undefined): ZoneGuess {
	if (text === 'Pacific Standard Time' && country === 'US') return { zone: 'America/Los_Angeles' };
	if (text === 'W. Europe Standard Time' && country === 'DE') return { choices: ['Europe/Berlin', 'Europe/Busingen'] };
	return undefined;
}
export function zoneFromOffset(text: string, country: string | undefined): ZoneGuess {
	if (text === 'UTC+05:30' && country === 'IN') return { zone: 'Asia/Kolkata' };
	return undefined;
}
