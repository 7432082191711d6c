import { describe, expect, it } from 'vitest';
import { stateZonesOf } from '$lib/domain/zone-states';

const zonesOf = (country: string, state: string) => stateZonesOf(country).byState.get(state);

describe('stateZonesOf', () => {
	it('marks the zone covering a state’s most areas apart from those covering a part', () => {
		// "MST - BC (most areas)", "MST - BC (Creston)", "MST - BC (Dawson Cr, Ft St John)", "MST - BC (Ft Nelson)".
		expect(zonesOf('CA', 'CA-BC')).toEqual([
			{ zone: 'America/Creston', most: false },
			{ zone: 'America/Dawson_Creek', most: false },
			{ zone: 'America/Edmonton', most: false },
			{ zone: 'America/Fort_Nelson', most: false },
			{ zone: 'America/Vancouver', most: true }
		]);
		expect(zonesOf('US', 'US-MI')).toEqual([
			{ zone: 'America/Detroit', most: true },
			{ zone: 'America/Menominee', most: false }
		]);
	});

	it('reads a state named in full, in halves, or without its accents', () => {
		// "Newfoundland, Labrador (SE)" and "Atlantic - Labrador (most areas)": both halves of Newfoundland and Labrador.
		expect(zonesOf('CA', 'CA-NL')).toEqual([
			{ zone: 'America/Goose_Bay', most: true },
			{ zone: 'America/St_Johns', most: true }
		]);
		// "Pará (east), Amapá" and "Pará (west)".
		expect(zonesOf('BR', 'BR-PA')).toEqual([
			{ zone: 'America/Belem', most: false },
			{ zone: 'America/Santarem', most: false }
		]);
	});

	it('takes a bracket of tz’s own codes as the whole state, and does not read it for other states', () => {
		// "Salta (SA, LP, NQ, RN)".
		expect(zonesOf('AR', 'AR-A')).toEqual([{ zone: 'America/Argentina/Salta', most: true }]);
		// "Central - MI (Wisconsin border)" says nothing of Wisconsin.
		expect(zonesOf('US', 'US-WI')).toBeUndefined();
	});

	it('keeps the zones whose comment names no state as the country’s general ones', () => {
		const us = stateZonesOf('US');
		expect([...us.general]).toEqual(['America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/New_York']);
		expect(us.byState.get('US-ND')?.every((z) => !z.most)).toBe(true);
		expect(us.byState.get('US-TX')).toBeUndefined();
	});

	it('has nothing for a country without subdivisions in its zones’ comments', () => {
		expect(stateZonesOf('DE').byState.size).toBe(0);
	});
});
