import { it } from 'vitest';
import { CsvStreamParser } from '$lib/import/csv-parser';
it('x', () => {
  const tricky = [
		'ClientName,AddressLine,EmailDomains,Note\r\n',
		'"Acme, Inc","Suite 1\r\nBuilding 2","acme.com, acme.net","say ""hi"""\r\n',
		'Globex,"",globex.com,"""quoted"" start"\r\n',
		'"Initech","a ""b"", c\nd",,"end, ""with"" quote"\r\n',
		'Umbrella,Main St,umbrella.com,plain\r\n'
	].join('');
  for (const size of [1, 20]) {
  const p = new CsvStreamParser(',', '\r\n');
  for (let i = 0; i < tricky.length; i += size) {
    const chunk = tricky.slice(i, i + size);
    const before = p.problems.length;
    const r = p.push(chunk);
    if (p.problems.length > before) console.log(size, i, JSON.stringify(chunk), JSON.stringify(r), JSON.stringify(p.problems.slice(before)), JSON.stringify((p as any).pending));
  }
  p.finish();
  }
  const p2 = new CsvStreamParser(',', '\n');
  console.log(JSON.stringify(p2.push('a,"b""')), JSON.stringify(p2.problems));
});
