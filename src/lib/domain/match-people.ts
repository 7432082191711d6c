// The near matches of a person or group the workspace knows: a technician written by name, initial, email or
// with a typo; a technician group shortened (`Svc Desk`, `NOC`), in part, or with a typo.
import { cleanEmail } from './fixers';
import { typoReason, typos, typoScore, type AddMatch } from './match-scoring';
import { foldText } from './option-search';
import type { WorkspaceSnapshot } from './workspace';

/** The words of a name, case and accents aside, split at spaces, dots, punctuation and camel case (SecOps). */
function wordsOf(text: string): string[] {
	const split = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
	return foldText(split.replace(/\./g, ' '))
		.split(' ')
		.filter((word) => word !== '');
}

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// ---- Technicians ----

interface TechnicianEntry {
	email: string;
	label: string;
	first: string;
	last: string;
	lastWords: string[];
	/** First and last name's words, space-separated, in both orders. */
	full: string;
	reversed: string;
	/** The email before `@`, as written (lower case) and as letters only. */
	local: string;
	localLetters: string;
	lastName: string;
}

const technicianCache = new WeakMap<WorkspaceSnapshot['technicians'], TechnicianEntry[]>();

function technicianEntries(workspace: WorkspaceSnapshot): TechnicianEntry[] {
	let entries = technicianCache.get(workspace.technicians);
	if (!entries) {
		entries = workspace.technicians.map((t) => {
			const firstWords = wordsOf(t.firstName);
			const lastWords = wordsOf(t.lastName);
			const local = t.email.slice(0, t.email.lastIndexOf('@')).toLowerCase();
			return {
				email: t.email,
				label: technicianLabel(t),
				first: firstWords.join(''),
				last: lastWords.join(''),
				lastWords,
				full: [...firstWords, ...lastWords].join(' '),
				reversed: [...lastWords, ...firstWords].join(' '),
				local,
				localLetters: wordsOf(local).join(''),
				lastName: t.lastName.trim()
			};
		});
		technicianCache.set(workspace.technicians, entries);
	}
	return entries;
}

/** How a picker shows a technician: `Alice Johnson · alice@msp.example`, or the email alone. */
export function technicianLabel(t: WorkspaceSnapshot['technicians'][number]): string {
	const name = `${t.firstName} ${t.lastName}`.trim();
	return name ? `${name} · ${t.email}` : t.email;
}

/** The technicians a written value may mean: by email, by name, or a typo away. */
export function technicianMatches(text: string, workspace: WorkspaceSnapshot, add: AddMatch) {
	const technicians = technicianEntries(workspace);
	const address = (cleanEmail(text) ?? text).toLowerCase();
	const at = address.lastIndexOf('@');
	if (at < 0) return nameMatches(text, technicians, add);
	const local = address.slice(0, at);
	for (const t of technicians) {
		const reason = address === t.email.toLowerCase() ? 'the email in it' : undefined;
		if (reason) add('email', 100, t.email, t.label, reason);
		else if (local === t.local) add('email', 96, t.email, t.label, 'same name before @');
		else {
			const d = typos(local, t.local);
			if (d !== undefined) add('typo', typoScore(d), t.email, t.label, `${typoReason(d)} before @`);
		}
	}
	nameMatches(local, technicians, add);
}

/** A technician written by name, by initial and name, by the email's name, or by a name alone. */
function nameMatches(text: string, technicians: TechnicianEntry[], add: AddMatch) {
	// "Johnson, Alice" is Alice Johnson.
	const comma = /^([^,]+),([^,]+)$/.exec(text);
	const words = wordsOf(comma ? `${comma[2]} ${comma[1]}` : text);
	const letters = words.join('');
	if (letters === '') return;
	const lower = text.toLowerCase();
	for (const t of technicians) {
		if (letters === t.first + t.last || letters === t.last + t.first) add('full', 95, t.email, t.label, 'full name');
		if (lower === t.local) add('local', 96, t.email, t.label, 'email name');
		else if (letters === t.localLetters) add('local', 90, t.email, t.label, 'email name');
		const initial = t.first.charAt(0);
		if (initial && t.last && (letters === initial + t.last || letters === t.last + initial)) {
			add('initial', 85, t.email, t.label, 'initial and last name');
		}
		if (t.first && t.last && letters === t.first + t.last.charAt(0)) {
			add('initial', 80, t.email, t.label, 'first name and initial');
		}
		const d = typos(words.join(' '), t.full) ?? typos(words.join(' '), t.reversed);
		if (d !== undefined) add('typo', typoScore(d), t.email, t.label, typoReason(d));
	}
	// A name alone: certain only when one technician carries it (a part of a double name counts).
	const byLast = technicians.filter(
		(t) => t.last === letters || (t.lastWords.length > 1 && t.lastWords.includes(letters))
	);
	const whole = byLast.find((t) => t.last === letters);
	for (const t of byLast) {
		const name = whole?.lastName ?? titleCase(letters);
		if (byLast.length === 1) add('last', 70, t.email, t.label, `last name (the only ${name})`);
		else add('last', t === whole ? 50 : 45, t.email, t.label, `last name, shared by ${byLast.length} technicians`);
	}
	const byFirst = technicians.filter((t) => t.first === letters);
	for (const t of byFirst) {
		if (byFirst.length === 1) add('first', 60, t.email, t.label, `first name (the only ${titleCase(letters)})`);
		else add('first', 40, t.email, t.label, `first name, shared by ${byFirst.length} technicians`);
	}
}

// ---- Groups ----

interface GroupEntry {
	name: string;
	lower: string;
	words: string[];
	letters: string;
}

const groupCache = new WeakMap<WorkspaceSnapshot['groups'], GroupEntry[]>();

function groupEntries(workspace: WorkspaceSnapshot): GroupEntry[] {
	let entries = groupCache.get(workspace.groups);
	if (!entries) {
		entries = workspace.groups.map((g) => {
			const words = wordsOf(g.name);
			return { name: g.name, lower: g.name.trim().toLowerCase(), words, letters: words.join('') };
		});
		groupCache.set(workspace.groups, entries);
	}
	return entries;
}

type Shortening = 'prefixes' | 'abbreviation' | 'initials';

const SHORTENINGS: Record<Shortening, { score: number; reason: string }> = {
	prefixes: { score: 85, reason: 'word prefixes' },
	abbreviation: { score: 80, reason: 'abbreviated words' },
	initials: { score: 75, reason: 'initials of the words' }
};

/** `sv` in `service`: the same first letter, the others in order. */
function abbreviates(part: string, word: string): boolean {
	if (part.charAt(0) !== word.charAt(0)) return false;
	let at = 1;
	for (let i = 1; i < part.length; i++) {
		at = word.indexOf(part[i], at) + 1;
		if (at === 0) return false;
	}
	return true;
}

/**
 * How the written words shorten a group's words, each in turn: `Svc Desk`, `Network Ops`, `SecOps`, `secops`
 * (its letters split where they fit), `NOC`. Every group word must be shortened from its first letter, as
 * a prefix or an abbreviation (its letters in order, two or more left out); a written word break falls
 * between group words. Undefined when they do not.
 */
function shortening(words: string[], group: string[]): Shortening | undefined {
	const letters = words.join('');
	// Where a written word ends: a part of the letters never runs across it.
	const breaks = new Set<number>();
	let end = 0;
	for (const word of words) breaks.add((end += word.length));
	if (letters.length < (group.length === 1 ? 3 : 2)) return undefined;
	if (group.length > 1 && letters.length === group.length && group.every((w, j) => w.charAt(0) === letters[j])) {
		return 'initials';
	}
	// Best fit of letters[i..] to group[j..]: 2 when every part is a prefix, 1 when some is an abbreviation.
	const memo = new Map<number, number>();
	const fit = (i: number, j: number): number => {
		if (j === group.length) return i === letters.length ? 2 : 0;
		const key = i * (group.length + 1) + j;
		const known = memo.get(key);
		if (known !== undefined) return known;
		let best = 0;
		for (let k = i + 1; k <= letters.length; k++) {
			const part = letters.slice(i, k);
			const prefix = group[j].startsWith(part);
			// An abbreviation leaves out two letters at least: one left out is a typo (Helpdsk).
			if (!prefix && (part.length > group[j].length - 2 || !abbreviates(part, group[j]))) break;
			const rest = fit(k, j + 1);
			if (rest > 0) best = Math.max(best, Math.min(rest, prefix ? 2 : 1));
			if (breaks.has(k)) break;
		}
		memo.set(key, best);
		return best;
	};
	const best = fit(0, 0);
	return best === 2 ? 'prefixes' : best === 1 ? 'abbreviation' : undefined;
}

/** The groups a written value may mean: by name, shortened, in part, or a typo away. */
export function groupMatches(text: string, workspace: WorkspaceSnapshot, add: AddMatch) {
	const groups = groupEntries(workspace);
	const words = wordsOf(text);
	const letters = words.join('');
	if (letters === '') return;
	const lower = text.toLowerCase();
	for (const g of groups) {
		if (g.lower === lower || g.letters === letters) {
			add('same', 100, g.name, g.name, 'same name');
			continue;
		}
		const kind = shortening(words, g.words);
		if (kind) {
			const { score, reason } = SHORTENINGS[kind];
			add(
				'shortened',
				score,
				g.name,
				g.name,
				g.words.length === 1 && kind === 'prefixes' ? 'start of the name' : reason
			);
		}
		// "Operations" is part of two groups' names: both are offered, neither certain.
		if (words.length < g.words.length && words.every((w) => w.length >= 3 && g.words.includes(w))) {
			add('part', 55, g.name, g.name, 'part of the name');
		}
		const d = typos(words.join(' '), g.words.join(' '));
		if (d !== undefined) add('typo', typoScore(d), g.name, g.name, typoReason(d));
	}
}
