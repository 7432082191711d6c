import { it } from 'vitest';
import { judgeZone, zonesForCountry } from '$lib/domain/timezones';
import { checkRow } from '$lib/domain/rules';
import { COL } from '$lib/domain/template';
import { EMPTY_WORKSPACE } from '$lib/domain/workspace';
import { sampleRow } from '$lib/import/sample-csv';
it('probe', () => {
  for (const n of ['Europe/Busingen','America/Creston','Pacific/Pohnpei','US/Michigan','America/Indiana/Indianapolis']) console.log(n, JSON.stringify(judgeZone(n)));
  console.log(zonesForCountry('NL'), zonesForCountry('DK'), zonesForCountry('DE'), zonesForCountry('FM'), zonesForCountry('CA').includes('America/Creston'));
  const r = sampleRow([], []); r[COL.Country] = 'NL'; r[COL.State] = ''; r[COL.Timezone] = 'Europe/Amsterdamm';
  console.log(JSON.stringify(checkRow(r, EMPTY_WORKSPACE)));
  r[COL.Country] = 'DK'; console.log(JSON.stringify(checkRow(r, EMPTY_WORKSPACE)));
});
