import { describe, expect, it } from 'vitest';
import { inspectFile } from '$lib/import/read-file';

const csvFile = (text: string) => new File([text], 'export.csv', { type: 'text/csv' });

describe('the sample values inspectFile returns beside the header', () => {
	it('gives each column its first three non-empty distinct values', async () => {
		const { samples } = await inspectFile(
			csvFile(
				'Company,Surname,Notes\n' +
					'Acme,Smith,\n' +
					'Globex,Smith,\n' +
					',Jones,\n' +
					'Initech,García,\n' +
					'Umbrella,Lee,late payer\n'
			)
		);
		expect(samples).toEqual([['Acme', 'Globex', 'Initech'], ['Smith', 'Jones', 'García'], ['late payer']]);
	});

	it('looks at the first 20 rows only', async () => {
		const rows = Array.from({ length: 30 }, (_, i) => (i < 20 ? 'Acme,' : `Acme,late ${i}`));
		const { samples } = await inspectFile(csvFile(['Company,Notes', ...rows].join('\n')));
		expect(samples).toEqual([['Acme'], []]);
	});

	it('cuts long values to 60 characters and trims spaces around them', async () => {
		const long = 'x'.repeat(100);
		const { samples } = await inspectFile(csvFile(`Company,Notes\n  Acme  ,${long}\n`));
		expect(samples).toEqual([['Acme'], [`${'x'.repeat(60)}…`]]);
	});

	it('gives a column beyond a short row nothing, and ignores fields beyond the header', async () => {
		const { samples } = await inspectFile(csvFile('Company,Phone\nAcme\nGlobex,555 0100,extra\n'));
		expect(samples).toEqual([['Acme', 'Globex'], ['555 0100']]);
	});

	it('skips blank lines and keeps a value as text, quotes and all', async () => {
		const { samples } = await inspectFile(csvFile('Company\n\n"<b>Acme</b>, ""Inc"""\n'));
		expect(samples).toEqual([['<b>Acme</b>, "Inc"']]);
	});
});
