// `npm run bench:phone`: the "number fits its calling code" check per call, libphonenumber-js's isValidPhoneNumber
// (as the check was) against phone-validity.ts (as it is), in Node (V8, as in Chromium). Two sets of inputs: the
// benchmark file's phones (realistic: mostly valid numbers of a dozen countries) and the seeded corpus the unit test
// compares them on (every calling code, half of it spoiled). Options:
//   --rows 100000       rows of the benchmark file to read phones from (default 100,000)
//   --corpus 200000     size of the seeded corpus (default 200,000)
//   --rounds 5          timed passes over each set; the fastest is reported (default 5)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { runnerImport } from 'vite';
import { clientFile } from './generate.js';
import { loadAverage } from './report.js';

const { values } = parseArgs({
	options: {
		rows: { type: 'string', default: '100000' },
		corpus: { type: 'string', default: '200000' },
		rounds: { type: 'string', default: '5' }
	}
});
const count = (text) => Number(text.replace(/[_\s]/g, ''));

// The TypeScript modules, loaded through Vite as the tests load them (configFile: false: no SvelteKit needed).
const load = async (path) => (await runnerImport(path, { configFile: false, logLevel: 'error' })).module;
const { isValidInternational } = await load('./src/lib/domain/phone-validity.ts');
const { callingCodeDigits, isRealCallingCode } = await load('./src/lib/domain/phone.ts');
const { phoneCorpus } = await load('./tests/unit/domain/phone-corpus.ts');

/** The phones of the benchmark file that reach the check: digits only, 4 to 15 of them, a real calling code. */
function filePhones(rows) {
	const { data } = Papa.parse(readFileSync(clientFile(rows).path, 'utf8'), { skipEmptyLines: true });
	const [header, ...body] = data;
	const codeAt = header.indexOf('Code');
	const phoneAt = header.indexOf('PhoneNumber');
	return body.flatMap((row) => {
		const code = callingCodeDigits(row[codeAt]);
		const number = row[phoneAt];
		const fits = code !== undefined && isRealCallingCode(code) && /^\d{4,15}$/.test(number);
		return fits ? [{ code, number }] : [];
	});
}

const old = (code, number) => isValidPhoneNumber(`+${code}${number}`);
const now = isValidInternational;

/** Fastest of `rounds` passes, in µs a call, with how many inputs were valid (which also keeps the calls alive). */
function time(check, inputs, rounds) {
	let best = Infinity;
	let valid = 0;
	for (let round = 0; round < rounds; round++) {
		valid = 0;
		const started = process.hrtime.bigint();
		for (const { code, number } of inputs) if (check(code, number)) valid++;
		best = Math.min(best, Number(process.hrtime.bigint() - started) / 1000 / inputs.length);
	}
	return { us: best, valid };
}

const sets = [
	['benchmark file phones', filePhones(count(values.rows))],
	['seeded corpus', phoneCorpus(count(values.corpus))]
];
const rounds = count(values.rounds);
console.log(`Node ${process.version}, load average ${loadAverage()}, fastest of ${rounds} passes\n`);
console.log('| Inputs | Calls | Valid | isValidPhoneNumber | phone-validity.ts | Faster |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, inputs] of sets) {
	const first = process.hrtime.bigint();
	now(inputs[0].code, inputs[0].number);
	for (const { code, number } of inputs) now(code, number);
	const firstPass = Number(process.hrtime.bigint() - first) / 1000 / inputs.length;
	const before = time(old, inputs, rounds);
	const after = time(now, inputs, rounds);
	if (before.valid !== after.valid) throw new Error(`${name}: ${before.valid} valid before, ${after.valid} after`);
	console.log(
		`| ${name} | ${inputs.length.toLocaleString('en')} | ${((100 * after.valid) / inputs.length).toFixed(0)} % | ` +
			`${before.us.toFixed(2)} µs | ${after.us.toFixed(2)} µs (first pass ${firstPass.toFixed(2)}) | ` +
			`${(before.us / after.us).toFixed(1)}× |`
	);
}
