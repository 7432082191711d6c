// The text form of what the template has no column for — business hours, holidays, a client's own properties —
// as the clients CSV writes it and the importer reads it back. The rules stay client-extras' own: this module
// only reads and writes text, then asks `checkExtras` what it thinks of the result.

import {
	checkExtras,
	defaultBusinessHours,
	emptyExtras,
	WEEKDAYS,
	type BusinessHours,
	type ClientExtras,
	type Holiday
} from './client-extras';

const ALWAYS_OPEN = '24/7';
const CLOSED = 'Closed';
const DASH = '–';
const SHORT_DAYS = WEEKDAYS.map(({ label }) => label.slice(0, 3));

/** What the form's rules say about these extras alone, the rest left empty. */
function problemsOf(extras: Partial<ClientExtras>) {
	return checkExtras({ ...emptyExtras(), ...extras });
}

// ——— Business hours ———

/**
 * The hours as their text carries them: the seven days Monday first, a closed day with the default times the
 * form gives a day that was never opened (09:00–17:00), and 24/7 with the default days behind it. Two hours
 * with the same text are the same after this.
 */
export function normaliseHours(hours: BusinessHours): BusinessHours {
	const defaults = defaultBusinessHours();
	if (hours.alwaysOpen) return { ...defaults, alwaysOpen: true };
	return {
		alwaysOpen: false,
		days: defaults.days.map((fallback) => {
			const day = hours.days.find((d) => d.day === fallback.day);
			return day?.open ? { ...day, open: true } : { ...fallback, open: false };
		})
	};
}

/** "Mon–Fri 09:00–17:00; Sat 10:00–14:00", "24/7" or "Closed": the days with the same hours together. */
export function formatHours(hours: BusinessHours): string {
	const { alwaysOpen, days } = normaliseHours(hours);
	if (alwaysOpen) return ALWAYS_OPEN;
	const byTimes = new Map<string, number[]>();
	days.forEach((day, i) => {
		if (!day.open) return;
		const times = `${day.start}${DASH}${day.end}`;
		byTimes.set(times, [...(byTimes.get(times) ?? []), i]);
	});
	if (byTimes.size === 0) return CLOSED;
	return [...byTimes].map(([times, indexes]) => `${dayList(indexes)} ${times}`).join('; ');
}

/** "Mon–Wed, Fri": a range for three days or more in a row, a comma between the rest. */
function dayList(indexes: number[]): string {
	const runs: number[][] = [];
	for (const i of indexes) {
		const run = runs.at(-1);
		if (run && run.at(-1) === i - 1) run.push(i);
		else runs.push([i]);
	}
	const runText = (run: number[]) =>
		run.length >= 3
			? `${SHORT_DAYS[run[0]]}${DASH}${SHORT_DAYS[run.at(-1)!]}`
			: run.map((i) => SHORT_DAYS[i]).join(', ');
	return runs.map(runText).join(', ');
}

const ALWAYS_OPEN_TEXT = /^(?:open\s+)?24\s*[/x×]\s*7$/i;
/** Between two days or two times: a dash of any length, or a word. */
const RANGE = /^(.+?)\s*(?:[–—-]|\s(?:to|through|thru|till|until)\s)\s*(.+)$/i;
/** Between day groups: `;`, a line break, or a comma right after a time ("…17:00, Sat …", "…5pm, Sat …"). */
const GROUP_BREAK = /[;\n]|(?<=\d|[ap]\.?m\.?)\s*,/i;
const DAY_WORDS = new Map<string, number[]>([
	['daily', [0, 1, 2, 3, 4, 5, 6]],
	['every day', [0, 1, 2, 3, 4, 5, 6]],
	['weekdays', [0, 1, 2, 3, 4]],
	['weekends', [5, 6]],
	['weekend', [5, 6]]
]);

type Read<T> = T | { problem: string };

/**
 * Hours as `formatHours` writes them, or as an admin types them: days by full or short name in any case,
 * ranges and lists (`Mon-Fri`, `monday to friday`, `Mon,Wed,Fri`, `Sun–Thu` wraps), 24- or 12-hour times
 * (`09:00`, `9:00`, `9am`, `9:30 PM`). Days not given are closed. An empty text is the default hours, as the
 * form starts with; whether an empty cell keeps a client's hours instead is the importer's choice.
 */
export function parseHours(text: string): Read<{ hours: BusinessHours }> {
	const cell = text.trim();
	if (!cell) return { hours: defaultBusinessHours() };
	if (ALWAYS_OPEN_TEXT.test(cell)) return { hours: { ...defaultBusinessHours(), alwaysOpen: true } };
	const hours = normaliseHours({ alwaysOpen: false, days: [] });
	if (cell.toLowerCase() === CLOSED.toLowerCase()) return { hours };
	const problem = (what: string) => ({ problem: `Hours "${cell}" ${what}.` });
	const given = new Set<number>();
	for (const group of cell.split(GROUP_BREAK)) {
		if (!group.trim()) continue;
		const read = readGroup(group.trim());
		if ('problem' in read) return problem(read.problem);
		for (const i of read.days) {
			if (given.has(i)) {
				return problem(`gives ${WEEKDAYS[i].label} twice: give each day once, with one opening and one closing time`);
			}
			given.add(i);
			if (read.times) hours.days[i] = { ...hours.days[i], open: true, ...read.times };
		}
	}
	const [first] = problemsOf({ businessHours: hours });
	return first ? { problem: `Hours "${cell}": ${first.message}` } : { hours };
}

/** One group, "Mon–Fri 09:00–17:00" or "Sat, Sun closed": its days and, unless closed, their times. */
function readGroup(group: string): Read<{ days: number[]; times?: { start: string; end: string } }> {
	const digit = group.search(/\d/);
	if (digit < 0) {
		const closed = /^(.*?)\s*:?\s*closed$/i.exec(group);
		const days = readDays(closed ? closed[1] : group, group);
		if ('problem' in days || closed) return days;
		return { problem: `gives "${group}" without times: write them after the days, as ${group} 09:00–17:00` };
	}
	const days = readDays(group.slice(0, digit).trim().replace(/:$/, ''), group);
	if ('problem' in days) return days;
	const times = readTimes(group.slice(digit).trim());
	return 'problem' in times ? times : { ...days, times };
}

function readDays(text: string, group: string): Read<{ days: number[] }> {
	const items = text
		.trim()
		.split(/\s*(?:[,&/]|\band\b)\s*/i)
		.filter(Boolean);
	if (items.length === 0) {
		return {
			problem: `gives "${group}" without its days: write the days first, as Mon–Fri 09:00–17:00 (a day has one opening and one closing time)`
		};
	}
	const days: number[] = [];
	for (const item of items) {
		const named = DAY_WORDS.get(item.toLowerCase().replace(/\s+/g, ' '));
		if (named) {
			days.push(...named);
			continue;
		}
		const range = RANGE.exec(item);
		const ends = range ? [range[1], range[2]] : [item];
		const unknown = ends.find((end) => dayIndex(end) < 0);
		if (unknown !== undefined) return { problem: `has "${unknown}", which is not a day: write days as Mon or Monday` };
		const [from, to = from] = ends.map(dayIndex);
		// A range may pass Sunday: "Sun–Thu" is Sunday to Thursday.
		days.push(...Array.from({ length: ((to - from + 7) % 7) + 1 }, (_, k) => (from + k) % 7));
	}
	return { days };
}

/** The weekday's index from its name, its first letters (two at least, "Tu", "Thurs") or plural; else -1. */
function dayIndex(word: string): number {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (w.length < 2) return -1;
	return WEEKDAYS.findIndex(({ label }) => {
		const name = label.toLowerCase();
		return name.startsWith(w) || `${name}s` === w;
	});
}

function readTimes(text: string): Read<{ start: string; end: string }> {
	const range = RANGE.exec(text);
	if (!range) {
		return /^\d{1,2}$/.test(text)
			? { problem: 'has a time without minutes: write times as 09:00' }
			: { problem: `gives "${text}" without a closing time: write both, as 09:00–17:00` };
	}
	const start = readTime(range[1]);
	if ('problem' in start) return start;
	const end = readTime(range[2]);
	return 'problem' in end ? end : { start: start.time, end: end.time };
}

/** `HH:MM` from "09:00", "9:00", "9am" or "9:30 p.m."; the hour's range is the form's rule to judge. */
function readTime(token: string): Read<{ time: string }> {
	const text = token.trim();
	const twentyFour = /^(\d{1,2}):(\d{2})$/.exec(text);
	if (twentyFour) return { time: `${twentyFour[1].padStart(2, '0')}:${twentyFour[2]}` };
	const twelve = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i.exec(text);
	if (twelve && Number(twelve[1]) >= 1 && Number(twelve[1]) <= 12) {
		const hour = (Number(twelve[1]) % 12) + (twelve[3].toLowerCase() === 'p' ? 12 : 0);
		return { time: `${String(hour).padStart(2, '0')}:${twelve[2] ?? '00'}` };
	}
	if (/^\d{1,2}$/.test(text)) return { problem: 'has a time without minutes: write times as 09:00' };
	return { problem: `has "${text}", which is not a time: write times as 09:00 or 9am` };
}

// ——— Holidays ———

/**
 * "2026-12-25 Christmas Day; 2027-01-01 New Year's Day", in the client's order. In a name, `;`, a line break and
 * `\` are escaped with `\`, and so is a first `:`, `,` or dash, which would read as a separator after the date.
 */
export function formatHolidays(holidays: readonly Holiday[]): string {
	return holidays.map(({ date, name }) => `${date} ${escapeName(name.trim())}`.trimEnd()).join('; ');
}

function escapeName(name: string): string {
	return name.replace(/[\\;\n]/g, (c) => `\\${c}`).replace(/^[:,\-–—]/, (c) => `\\${c}`);
}

/** The date, then what separates it from the name: spaces, `:` or `,`, or a dash with spaces around it. */
const HOLIDAY = /^(\S+?)(?:\s*[:,–—]\s*|\s+-\s+|\s+|$)([\s\S]*)$/;

/**
 * Holidays as `formatHolidays` writes them; `;` or a line break between them (empty ones skipped), and
 * `2026-12-25: Christmas` or `2026-12-25 - Christmas` also read. Names are trimmed.
 */
export function parseHolidays(text: string): Read<{ holidays: Holiday[] }> {
	const holidays: Holiday[] = [];
	for (const [i, entry] of splitEntries(text).entries()) {
		const [, date, name] = HOLIDAY.exec(entry)!;
		// A holiday on its own can only be refused for its date: that is the form's rule for a date.
		if (problemsOf({ holidays: [{ date, name: 'holiday' }] }).length > 0) {
			const how = 'write dates as YYYY-MM-DD, as in 2026-12-25 Christmas Day';
			return {
				problem: /^\d{4}-\d{2}-\d{2}$/.test(date)
					? `Holiday ${i + 1} ("${entry}"): ${date} is not a real date: ${how}.`
					: `Holiday ${i + 1} ("${entry}") does not start with its date: ${how}.`
			};
		}
		holidays.push({ date, name: name.replace(/\\([\s\S])/g, '$1') });
	}
	const [first] = problemsOf({ holidays });
	return first ? { problem: first.message } : { holidays };
}

/** The non-empty entries, trimmed, split at each `;` or line break that is not escaped; escapes kept. */
function splitEntries(text: string): string[] {
	const entries = [''];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && i + 1 < text.length) entries[entries.length - 1] += c + text[++i];
		else if (c === ';' || c === '\n') entries.push('');
		else entries[entries.length - 1] += c;
	}
	return entries.map((entry) => entry.trim()).filter(Boolean);
}

// ——— Properties ———

/** "Property: Contract type", in any case, with any spaces around the colon; the name is all after it. */
const PROPERTY_HEADER = /^\s*property\s*:([\s\S]*)$/i;

/** The column that carries a client's own property. */
export function propertyColumn(name: string): string {
	return `Property: ${name.trim()}`;
}

/** The property a column carries, or undefined when the header is not `Property: <name>` with a name. */
export function propertyName(header: string): string | undefined {
	return PROPERTY_HEADER.exec(header)?.[1].trim() || undefined;
}

export interface PropertyColumnProblem {
	/** The column's index in the header. */
	column: number;
	message: string;
}

/** Property columns the form's rules for property names refuse: no name, or a name given twice (case aside). */
export function checkPropertyColumns(headers: readonly string[]): PropertyColumnProblem[] {
	const columns = headers.flatMap((header, column) => {
		const name = PROPERTY_HEADER.exec(header)?.[1];
		return name === undefined ? [] : [{ column, header: header.trim(), name }];
	});
	return problemsOf({ properties: columns.map(({ name }) => ({ name, value: '' })) }).map(({ field }) => {
		const { column, header, name } = columns[Number(/^property-(\d+)-name$/.exec(field)![1])];
		return {
			column,
			message: name.trim()
				? `Column "${header}" repeats a property another column already carries (names are compared without case): keep one of them.`
				: `Column "${header}" names no property: write its name after the colon, as "Property: Contract type".`
		};
	});
}
