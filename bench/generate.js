// The benchmark's client files: template CSVs of any size, the same bytes for the same seed, with realistic
// values valid for the contract's rules and about 3 % problem rows of five kinds, each giving exactly one error.
// Every row is a pure function of (seed, index), so a duplicate can copy an earlier row without keeping it.
// Run directly: `node bench/generate.js 10000 [file]` writes bench/out/clients-10000.csv and prints its counts.
// For the update phase, `updateFiles` writes a pair of clean files: clients to import first, and the same
// clients again with one in ten changed.
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COUNTRIES, FIRST_NAMES, LAST_NAMES, NAME_KINDS, NAME_WORDS, SITE_NAMES } from './client-values.js';
import { mulberry32 } from '../tests/helpers/seeded-random.js';

/** Bump when the output changes, so cached files are written again. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20250501;
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

/** The template's header, exactly as the contract (and tests/fixtures/clients-valid.csv) writes it. */
export const TEMPLATE_HEADER =
	'ClientName,PrimaryContactFirstName,PrimaryContactLastName,PrimaryContactEmail,Code,PhoneNumber,' +
	'SecondaryContactFirstName,SecondaryContactLastName,SecondaryContactEmail,SiteName,AddressLine,City,State,' +
	'Country,PostalCode,Timezone,EmailDomains,AccountManager,TechnicianGroups';

/** Base share of rows given a problem; a duplicate name also marks the earlier row it copies (~3 % in all). */
const PROBLEM_SHARE = 0.025;
export const PROBLEM_KINDS = ['timezone-link', 'bad-email', 'phone-spaces', 'duplicate-name', 'country-usa'];

// ---- Deterministic randomness ----------------------------------------------------------------------------

/** A row's own generator: seeded from the file's seed and the row index, so any row can be rebuilt alone. */
function rowRandom(seed, index) {
	let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	const random = mulberry32(h ^ (h >>> 15));
	const pick = (list) => list[Math.floor(random() * list.length)];
	const digits = (count) => {
		let text = '';
		for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
		return text;
	};
	const between = (low, high) => low + Math.floor(random() * (high - low + 1));
	return { random, pick, digits, between };
}

// ---- The rows ---------------------------------------------------------------------------------------------

const COUNTRY_TABLE = COUNTRIES.flatMap((country) => Array(country.weight).fill(country));
const WITH_LINKS = COUNTRIES.filter((country) => country.states.some((state) => state.link));

const ASCII = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ø: 'o', ö: 'o', ü: 'u', ë: 'e', è: 'e' };
const asciiOf = (text) =>
	text
		.toLowerCase()
		.replace(/[^\x20-\x7e]/g, (c) => ASCII[c] ?? '')
		.replace(/[^a-z0-9]/g, '');

/** A unique number per row: the index spread over 7 digits, so names look varied yet never collide. */
const serialOf = (index) => 1_000_000 + ((index * 7_368_787) % 8_999_999);

/** A field as CSV writes it: quoted only when it must be. */
const csvField = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The kind of problem row `index` has, or undefined; decided by the row's own first random draws. */
function problemOf(seed, index) {
	const r = rowRandom(seed ^ 0x5bd1e995, index);
	return r.random() < PROBLEM_SHARE ? r.pick(PROBLEM_KINDS) : undefined;
}

/** Row `index` (0 = the first data row) as template values, clean. */
function cleanRow(seed, index) {
	const r = rowRandom(seed, index);
	const country = r.pick(COUNTRY_TABLE);
	const state = r.pick(country.states);
	const first = r.pick(FIRST_NAMES);
	const last = r.pick(LAST_NAMES);
	const base = `${r.pick(NAME_WORDS)} ${r.pick(NAME_WORDS)} ${r.pick(NAME_KINDS)}`;
	const suffix = r.random() < 0.4 ? ` ${r.pick(country.suffixes)}` : '';
	const name = `${base} ${serialOf(index)}${suffix}`;
	const domain = `${asciiOf(`${base} ${serialOf(index)}`)}.${country.code === 'US' ? 'com' : r.pick(['com', country.code.toLowerCase()])}`;
	const withSecondary = r.random() < 0.2;
	const secondFirst = r.pick(FIRST_NAMES);
	const number = country.number(r, r.pick(state.phone));
	const multiLine = r.random() < 0.02;
	const address = multiLine
		? `Suite ${r.between(1, 900)}\nBuilding ${r.between(1, 12)}`
		: ['DE', 'NL'].includes(country.code)
			? `${r.pick(country.streets)} ${r.between(1, 250)}`
			: `${r.between(1, 999)} ${r.pick(country.streets)}`;
	const stateCell = r.random() < 0.1 ? `${country.code}-${state.code}` : state.code;
	return {
		country,
		state,
		number,
		values: [
			name,
			first,
			last,
			`${asciiOf(first)}.${asciiOf(last)}@${domain}`,
			r.random() < 0.5 ? country.callingCode : `+${country.callingCode}`,
			number,
			withSecondary ? secondFirst : '',
			withSecondary ? r.pick(LAST_NAMES) : '',
			withSecondary ? `${asciiOf(secondFirst)}@${domain}` : '',
			r.pick(SITE_NAMES),
			address,
			r.pick(state.cities),
			stateCell,
			r.random() < 0.05 ? country.code.toLowerCase() : country.code,
			country.postal(r),
			state.zone,
			r.random() < 0.15 ? `${domain}, ${domain.replace(/\.[a-z]+$/, '.net')}` : domain,
			'',
			''
		]
	};
}

const COL = { name: 0, email: 3, phone: 5, city: 11, state: 12, country: 13, zone: 15 };

/** Puts one problem into a clean row; every kind yields exactly one error on that row. */
function spoil(row, kind, seed, index, copied) {
	const r = rowRandom(seed ^ 0x27d4eb2f, index);
	const v = row.values;
	if (kind === 'timezone-link') {
		if (!row.state.link) {
			const country = r.pick(WITH_LINKS);
			const state = r.pick(country.states.filter((s) => s.link));
			Object.assign(row, { country, state });
			v[COL.phone] = country.number(r, r.pick(state.phone));
			v[4] = country.callingCode;
			v[COL.state] = state.code;
			v[COL.country] = country.code;
			v[11] = r.pick(state.cities);
			v[14] = country.postal(r);
		}
		v[COL.zone] = row.state.link;
	} else if (kind === 'bad-email') {
		const [local, domain] = v[COL.email].split('@');
		v[COL.email] = r.pick([
			`${local}.at.${domain}`,
			`${local}@${domain.replace(/\.[a-z]+$/, '')}`,
			`${local}@@${domain}`,
			`${local} @${domain}`
		]);
	} else if (kind === 'phone-spaces') {
		v[COL.phone] = row.country.grouped(v[COL.phone]);
	} else if (kind === 'duplicate-name') {
		const name = copied.values[COL.name];
		v[COL.name] = r.pick([name, name, name.toUpperCase(), name.replace(' ', '  ')]);
	} else if (kind === 'country-usa') {
		const us = COUNTRIES[0];
		const state = r.pick(us.states);
		v[4] = us.callingCode;
		v[COL.phone] = us.number(r, r.pick(state.phone));
		v[11] = r.pick(state.cities);
		v[COL.state] = state.code;
		v[COL.country] = 'USA';
		v[14] = us.postal(r);
		v[COL.zone] = state.zone;
	}
}

/**
 * Writes `rows` data rows to `path` and returns what the app must report: rows, rows with errors, errors,
 * warnings (none), and how many rows of each problem kind.
 */
export function generateCsv({ rows, path, seed = DEFAULT_SEED }) {
	const problems = Object.fromEntries(PROBLEM_KINDS.map((kind) => [kind, 0]));
	const copiedRows = new Set();
	let duplicateTargets = 0;
	const bytes = writeRows(path, rows, (index) => {
		const row = cleanRow(seed, index);
		let kind = problemOf(seed, index);
		let copied;
		if (kind === 'duplicate-name') {
			copied = pickEarlierCleanRow(seed, index, copiedRows);
			if (copied === undefined) kind = undefined;
			else {
				copiedRows.add(copied);
				duplicateTargets++;
			}
		}
		if (kind) {
			spoil(row, kind, seed, index, copied === undefined ? undefined : cleanRow(seed, copied));
			problems[kind]++;
		}
		return row.values;
	});
	const problemRows = Object.values(problems).reduce((a, b) => a + b, 0);
	const rowsWithErrors = problemRows + duplicateTargets;
	return {
		rows,
		seed,
		version: GENERATOR_VERSION,
		bytes,
		problems: { ...problems, 'duplicate-name (copied row)': duplicateTargets },
		expected: { rows, rowsWithErrors, errors: rowsWithErrors, warnings: 0 }
	};
}

/** An earlier row, clean and not yet copied, for a duplicate name; near the row, as duplicates often are. */
function pickEarlierCleanRow(seed, index, copiedRows) {
	if (index < 2) return undefined;
	const r = rowRandom(seed ^ 0x165667b1, index);
	for (let attempt = 0; attempt < 20; attempt++) {
		const candidate = index - 1 - Math.floor(r.random() * Math.min(index, 5000));
		if (candidate >= 0 && !copiedRows.has(candidate) && problemOf(seed, candidate) === undefined) return candidate;
	}
	return undefined;
}

/** The file for `rows`, written once per size, seed and generator version (kept in bench/out/). */
export function clientFile(rows, { seed = DEFAULT_SEED, dir = OUT_DIR } = {}) {
	const path = join(dir, `clients-${rows}.csv`);
	const metaPath = `${path}.json`;
	if (existsSync(path) && existsSync(metaPath)) {
		const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
		if (meta.version === GENERATOR_VERSION && meta.seed === seed && meta.bytes === statSync(path).size) {
			return { path, ...meta };
		}
	}
	// Written aside and renamed, so a run beside this one never reads a half-written file.
	const partial = `${path}.${process.pid}.partial`;
	const meta = generateCsv({ rows, path: partial, seed });
	renameSync(partial, path);
	writeFileSync(`${metaPath}.${process.pid}`, JSON.stringify(meta, null, '\t') + '\n');
	renameSync(`${metaPath}.${process.pid}`, metaPath);
	return { path, ...meta };
}

// ---- Files for an update: existing clients, and the same clients again with some changed ----------------

/** Bump when the update files change, so cached ones are written again. */
export const UPDATE_FILES_VERSION = 1;
/** One client in this many is changed by the update file. */
export const CHANGE_EVERY = 10;

/** Whether row `index` is one the update file changes: every tenth, spread evenly through the file. */
const isChanged = (index) => index % CHANGE_EVERY === CHANGE_EVERY - 1;

/**
 * Row `index` of the update pair, clean (no problem: every row valid, every name unique): its values in the
 * first file, and in the second, where a changed row's client has moved to another city of its country (City
 * is free text for the rules, so the row stays valid and its update changes exactly one field).
 */
export function updatePairRow(seed, index) {
	const row = cleanRow(seed, index);
	const before = row.values;
	if (!isChanged(index)) return { before, after: before, changed: false };
	const r = rowRandom(seed ^ 0x2545f491, index);
	const city = before[COL.city];
	const others = row.country.states.flatMap((state) => state.cities).filter((other) => other !== city);
	const after = [...before];
	after[COL.city] = r.pick(others);
	return { before, after, changed: true };
}

/** Writes the template's header and `rows` rows, `valuesOf(index)` each, in 4 MB writes; returns the file's size. */
function writeRows(path, rows, valuesOf) {
	mkdirSync(dirname(path), { recursive: true });
	const fd = openSync(path, 'w');
	let buffer = TEMPLATE_HEADER + '\r\n';
	try {
		for (let index = 0; index < rows; index++) {
			buffer += valuesOf(index).map(csvField).join(',') + '\r\n';
			if (buffer.length > 4_000_000) {
				writeSync(fd, buffer);
				buffer = '';
			}
		}
		writeSync(fd, buffer);
	} finally {
		closeSync(fd);
	}
	return statSync(path).size;
}

/**
 * The two files of an update, written once per size and seed (kept in bench/out/): `existing`, `rows` clean
 * clients to import first; `update`, the same clients again, one in ten (`changed`) with another City. What
 * the review of the second must count: 0 new, `changed` updated, the rest unchanged.
 */
export function updateFiles(rows, { seed = DEFAULT_SEED, dir = OUT_DIR } = {}) {
	const existing = join(dir, `clients-${rows}-existing.csv`);
	const update = join(dir, `clients-${rows}-update.csv`);
	const metaPath = `${update}.json`;
	if (existsSync(existing) && existsSync(update) && existsSync(metaPath)) {
		const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
		if (
			meta.version === UPDATE_FILES_VERSION &&
			meta.seed === seed &&
			meta.existing.bytes === statSync(existing).size &&
			meta.update.bytes === statSync(update).size
		) {
			return { ...meta, existing: { ...meta.existing, path: existing }, update: { ...meta.update, path: update } };
		}
	}
	const partial = (path) => `${path}.${process.pid}.partial`;
	let changed = 0;
	const existingBytes = writeRows(partial(existing), rows, (index) => updatePairRow(seed, index).before);
	const updateBytes = writeRows(partial(update), rows, (index) => {
		const row = updatePairRow(seed, index);
		if (row.changed) changed++;
		return row.after;
	});
	renameSync(partial(existing), existing);
	renameSync(partial(update), update);
	const clean = { rows, rowsWithErrors: 0, errors: 0, warnings: 0 };
	const meta = {
		rows,
		seed,
		version: UPDATE_FILES_VERSION,
		changed,
		changedField: 'City',
		existing: { bytes: existingBytes, expected: clean },
		update: { bytes: updateBytes, expected: clean },
		expectedChanges: { new: 0, updated: changed, unchanged: rows - changed }
	};
	writeFileSync(`${metaPath}.${process.pid}`, JSON.stringify(meta, null, '\t') + '\n');
	renameSync(`${metaPath}.${process.pid}`, metaPath);
	return { ...meta, existing: { ...meta.existing, path: existing }, update: { ...meta.update, path: update } };
}

/** What the clients must hold after the update: each name with its City, as the update file writes them. */
export function citiesAfterUpdate(rows, seed = DEFAULT_SEED) {
	const cities = [];
	for (let index = 0; index < rows; index++) {
		const { after } = updatePairRow(seed, index);
		cities.push([after[COL.name], after[COL.city]]);
	}
	return cities;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const rows = Number(process.argv[2] ?? 10_000);
	const path = process.argv[3] ?? join(OUT_DIR, `clients-${rows}.csv`);
	const started = Date.now();
	const meta = generateCsv({ rows, path });
	console.log(JSON.stringify({ path, ...meta, ms: Date.now() - started }, null, 2));
}
