// The current UTC offset of a zone, for the timezone list. The zone names come from the tz database
// packages; the browser's Intl only computes today's offset for a name it is given.
const cache = new Map<string, string>();

export function currentOffset(zone: string, now = new Date()): string {
	const known = cache.get(zone);
	if (known !== undefined) return known;
	let offset = '';
	try {
		const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
			.formatToParts(now)
			.find((p) => p.type === 'timeZoneName')?.value;
		offset = part === 'GMT' ? 'UTC+00:00' : (part?.replace('GMT', 'UTC') ?? '');
	} catch {
		offset = '';
	}
	cache.set(zone, offset);
	return offset;
}
