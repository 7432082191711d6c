import { describe, expect, it } from 'vitest';
import {
	checkExtras,
	defaultBusinessHours,
	emptyExtras,
	WEEKDAYS,
	type BusinessHours,
	type Holiday,
	type Weekday
} from '$lib/domain/client-extras';
import {
	checkPropertyColumns,
	formatHolidays,
	formatHours,
	normaliseHours,
	parseHolidays,
	parseHours,
	propertyColumn,
	propertyName
} from '$lib/domain/extras-text';

const DAYS = WEEKDAYS.map(({ value }) => value);

/** A week with the given days open (`{ mon: ['09:00', '17:00'] }`), the others closed as the form keeps them. */
function week(open: Partial<Record<Weekday, [string, string]>>): BusinessHours {
	return {
		alwaysOpen: false,
		days: DAYS.map((day) => {
			const times = open[day];
			return times
				? { day, open: true, start: times[0], end: times[1] }
				: { day, open: false, start: '09:00', end: '17:00' };
		})
	};
}

const ALWAYS_OPEN: BusinessHours = { ...defaultBusinessHours(), alwaysOpen: true };
const CLOSED = week({});
const NINE_TO_FIVE: [string, string] = ['09:00', '17:00'];
const WORK_WEEK = week({
	mon: NINE_TO_FIVE,
	tue: NINE_TO_FIVE,
	wed: NINE_TO_FIVE,
	thu: NINE_TO_FIVE,
	fri: NINE_TO_FIVE
});

/** The hours a text reads as, or a failure naming the problem instead. */
function hoursOf(text: string): BusinessHours {
	const read = parseHours(text);
	if ('problem' in read) throw new Error(`"${text}" was refused: ${read.problem}`);
	return read.hours;
}

/** The problem a text is refused for, or a failure naming the hours it was read as. */
function hoursProblem(text: string): string {
	const read = parseHours(text);
	if (!('problem' in read)) throw new Error(`"${text}" was read as ${formatHours(read.hours)}`);
	return read.problem;
}

function holidaysOf(text: string): Holiday[] {
	const read = parseHolidays(text);
	if ('problem' in read) throw new Error(`"${text}" was refused: ${read.problem}`);
	return read.holidays;
}

function holidaysProblem(text: string): string {
	const read = parseHolidays(text);
	if (!('problem' in read)) throw new Error(`"${text}" was read as ${JSON.stringify(read.holidays)}`);
	return read.problem;
}

/** A seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number) {
	let state = seed;
	const next = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (below: number) => Math.floor(next() * below);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)];
	return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const quarter = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Normalised hours: random open days, each with a start before its end on the quarter hour. */
function randomHours(r: Random): BusinessHours {
	if (r.int(10) === 0) return ALWAYS_OPEN;
	// Few distinct times, so that days share them and group.
	const choices = Array.from({ length: 1 + r.int(3) }, () => {
		const start = r.int(95);
		return [quarter(start * 15), quarter((start + 1 + r.int(95 - start)) * 15)] as [string, string];
	});
	return week(Object.fromEntries(DAYS.filter(() => r.next() < 0.6).map((day) => [day, r.pick(choices)])));
}

const CASES = 500;

describe('formatHours', () => {
	it('writes 24/7 for hours open around the clock, whatever the days behind it', () => {
		expect(formatHours(ALWAYS_OPEN)).toBe('24/7');
		expect(formatHours({ ...CLOSED, alwaysOpen: true })).toBe('24/7');
	});

	it('writes Closed when no day is open', () => {
		expect(formatHours(CLOSED)).toBe('Closed');
	});

	it('writes the default hours as one range of days', () => {
		expect(formatHours(defaultBusinessHours())).toBe('Mon–Fri 09:00–17:00');
	});

	it('writes each set of hours once, Monday first, separated by semicolons', () => {
		expect(
			formatHours({
				...WORK_WEEK,
				days: WORK_WEEK.days.map((d) => (d.day === 'sat' ? { ...d, open: true, start: '10:00', end: '14:00' } : d))
			})
		).toBe('Mon–Fri 09:00–17:00; Sat 10:00–14:00');
	});

	it('lists days with the same hours together even when they are apart', () => {
		const am: [string, string] = ['09:00', '12:00'];
		const pm: [string, string] = ['13:00', '17:00'];
		expect(formatHours(week({ mon: am, tue: pm, wed: am, thu: pm, fri: am }))).toBe(
			'Mon, Wed, Fri 09:00–12:00; Tue, Thu 13:00–17:00'
		);
	});

	it('writes a range for three days or more in a row, and two days in a row with a comma', () => {
		const times: [string, string] = ['10:00', '14:00'];
		expect(formatHours(week({ sat: times, sun: times }))).toBe('Sat, Sun 10:00–14:00');
		expect(formatHours(week({ mon: times, tue: times, wed: times, fri: times, sat: times }))).toBe(
			'Mon–Wed, Fri, Sat 10:00–14:00'
		);
	});

	it('starts the week on Monday: a Sunday to Thursday week is two runs', () => {
		const times: [string, string] = ['08:00', '16:00'];
		expect(formatHours(week({ sun: times, mon: times, tue: times, wed: times, thu: times }))).toBe(
			'Mon–Thu, Sun 08:00–16:00'
		);
	});

	it('ignores a closed day’s times, the order of the days and a day left out', () => {
		const hours: BusinessHours = {
			alwaysOpen: false,
			days: [
				{ day: 'sat', open: false, start: '06:00', end: '07:00' },
				{ day: 'tue', open: true, start: '08:30', end: '12:00' },
				{ day: 'mon', open: true, start: '08:30', end: '12:00' }
			]
		};
		expect(formatHours(hours)).toBe('Mon, Tue 08:30–12:00');
	});
});

describe('normaliseHours', () => {
	it('gives the seven days Monday first, closed days with the form’s default times', () => {
		const hours: BusinessHours = {
			alwaysOpen: false,
			days: [
				{ day: 'sun', open: false, start: '01:00', end: '02:00' },
				{ day: 'wed', open: true, start: '10:00', end: '11:00' }
			]
		};
		expect(normaliseHours(hours)).toEqual(week({ wed: ['10:00', '11:00'] }));
	});

	it('keeps the default days behind 24/7', () => {
		expect(normaliseHours({ ...CLOSED, alwaysOpen: true })).toEqual(ALWAYS_OPEN);
	});

	it('leaves normalised hours as they are', () => {
		expect(normaliseHours(defaultBusinessHours())).toEqual(defaultBusinessHours());
		expect(normaliseHours(CLOSED)).toEqual(CLOSED);
	});
});

describe('parseHours: what it reads', () => {
	it('reads an empty text as the default hours, Monday to Friday 09:00–17:00', () => {
		expect(hoursOf('')).toEqual(defaultBusinessHours());
		expect(hoursOf('   ')).toEqual(defaultBusinessHours());
	});

	it('reads 24/7 in its usual spellings, the app’s own "24 × 7" among them', () => {
		for (const text of ['24/7', '24x7', '24X7', '24×7', '24 × 7', ' 24 / 7 ', 'Open 24/7']) {
			expect(hoursOf(text), text).toEqual(ALWAYS_OPEN);
		}
	});

	it('reads Closed, in any case, as every day closed', () => {
		expect(hoursOf('Closed')).toEqual(CLOSED);
		expect(hoursOf('closed')).toEqual(CLOSED);
		expect(hoursOf(' CLOSED ')).toEqual(CLOSED);
	});

	it('reads what formatHours writes', () => {
		expect(hoursOf('Mon–Fri 09:00–17:00; Sat 10:00–14:00')).toEqual(
			week({ ...Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, NINE_TO_FIVE])), sat: ['10:00', '14:00'] })
		);
	});

	it('closes the days not given, with the default times the form keeps for them', () => {
		expect(hoursOf('Wed 10:00–11:00')).toEqual(week({ wed: ['10:00', '11:00'] }));
	});

	it('reads a hyphen, a spaced dash, an em dash, "to", "through" and "thru" between days and between times', () => {
		for (const text of [
			'Mon-Fri 09:00-17:00',
			'Mon - Fri 09:00 - 17:00',
			'Mon — Fri 09:00—17:00',
			'Mon to Fri 09:00 to 17:00',
			'Monday through Friday 09:00 through 17:00',
			'Mon thru Fri 09:00 until 17:00',
			'Mon till Fri 09:00 till 17:00'
		]) {
			expect(hoursOf(text), text).toEqual(WORK_WEEK);
		}
	});

	it('reads day names in full or short, in any case, with a dot or as a plural', () => {
		for (const text of [
			'monday-friday 09:00-17:00',
			'MONDAY–FRIDAY 09:00–17:00',
			'mon–fri 09:00–17:00',
			'Mon.–Fri. 09:00–17:00',
			'Mo–Fr 09:00–17:00',
			'Mondays to Fridays 09:00–17:00'
		]) {
			expect(hoursOf(text), text).toEqual(WORK_WEEK);
		}
		expect(hoursOf('Tues, Thurs 09:00–17:00')).toEqual(week({ tue: NINE_TO_FIVE, thu: NINE_TO_FIVE }));
	});

	it('reads a list of days, with or without spaces, and with "and" or "&"', () => {
		const mwf = week({ mon: ['09:00', '12:00'], wed: ['09:00', '12:00'], fri: ['09:00', '12:00'] });
		for (const text of [
			'Mon,Wed,Fri 09:00-12:00',
			'Mon, Wed, Fri 09:00–12:00',
			'Mon, Wed and Fri 09:00–12:00',
			'Mon & Wed & Fri 09:00–12:00',
			'Mon/Wed/Fri 09:00–12:00'
		]) {
			expect(hoursOf(text), text).toEqual(mwf);
		}
	});

	it('reads lists and ranges mixed', () => {
		const times: [string, string] = ['10:00', '14:00'];
		expect(hoursOf('Mon–Wed, Fri, Sat 10:00–14:00')).toEqual(
			week({ mon: times, tue: times, wed: times, fri: times, sat: times })
		);
	});

	it('reads a range past Sunday as going on to Monday', () => {
		const times: [string, string] = ['08:00', '16:00'];
		expect(hoursOf('Sun–Thu 08:00–16:00')).toEqual(
			week({ sun: times, mon: times, tue: times, wed: times, thu: times })
		);
		expect(hoursOf('Fri–Mon 08:00–16:00')).toEqual(week({ fri: times, sat: times, sun: times, mon: times }));
	});

	it('reads daily, every day, weekdays and weekends', () => {
		const allWeek = week(Object.fromEntries(DAYS.map((d) => [d, NINE_TO_FIVE])));
		expect(hoursOf('Daily 09:00–17:00')).toEqual(allWeek);
		expect(hoursOf('Every day 09:00–17:00')).toEqual(allWeek);
		expect(hoursOf('Weekdays 09:00–17:00')).toEqual(WORK_WEEK);
		expect(hoursOf('Weekdays 09:00–17:00; Weekends 10:00–12:00')).toEqual(
			week({
				...Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, NINE_TO_FIVE])),
				sat: ['10:00', '12:00'],
				sun: ['10:00', '12:00']
			})
		);
	});

	it('reads 12-hour times with am and pm in their usual spellings', () => {
		for (const text of [
			'Mon–Fri 9am–5pm',
			'Mon–Fri 9:00am-5:00pm',
			'Mon - Fri 9 AM - 5 PM',
			'Mon–Fri 9 a.m. to 5 p.m.',
			'Mon–Fri 09:00 AM–05:00 PM'
		]) {
			expect(hoursOf(text), text).toEqual(WORK_WEEK);
		}
		expect(hoursOf('Mon 9:30 AM - 5 PM')).toEqual(week({ mon: ['09:30', '17:00'] }));
	});

	it('reads 12am as midnight and 12pm as noon', () => {
		expect(hoursOf('Mon 12am–12pm')).toEqual(week({ mon: ['00:00', '12:00'] }));
		expect(hoursOf('Mon 12:30pm–11:45pm')).toEqual(week({ mon: ['12:30', '23:45'] }));
	});

	it('reads a 24-hour time with a one-digit hour', () => {
		expect(hoursOf('Mon–Fri 9:00–17:00')).toEqual(WORK_WEEK);
	});

	it('reads a colon after the days', () => {
		expect(hoursOf('Mon–Fri: 09:00–17:00')).toEqual(WORK_WEEK);
	});

	it('reads groups separated by line breaks, or by a comma after a time', () => {
		const expected = week({
			...Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, NINE_TO_FIVE])),
			sat: ['10:00', '14:00']
		});
		expect(hoursOf('Mon–Fri 09:00–17:00\nSat 10:00–14:00')).toEqual(expected);
		expect(hoursOf('Mon–Fri 09:00–17:00\r\nSat 10:00–14:00')).toEqual(expected);
		expect(hoursOf('Mon–Fri 09:00–17:00, Sat 10:00–14:00')).toEqual(expected);
		expect(hoursOf('Mon-Fri 9am-5pm, Sat 10am-2pm')).toEqual(expected);
		expect(hoursOf('Mon-Fri 9 a.m.-5 p.m., Sat 10 a.m.-2 p.m.')).toEqual(expected);
	});

	it('skips empty groups, as after a last semicolon', () => {
		expect(hoursOf('Mon–Fri 09:00–17:00;')).toEqual(WORK_WEEK);
		expect(hoursOf('; Mon–Fri 09:00–17:00 ;; ')).toEqual(WORK_WEEK);
	});

	it('reads days written as closed', () => {
		expect(hoursOf('Mon–Fri 09:00–17:00; Sat, Sun closed')).toEqual(WORK_WEEK);
		expect(hoursOf('Mon–Fri 09:00–17:00; Sat–Sun: Closed')).toEqual(WORK_WEEK);
	});
});

describe('parseHours: the problems it reports', () => {
	it('refuses a time without minutes', () => {
		expect(hoursProblem('Mon–Fri 9–5')).toBe('Hours "Mon–Fri 9–5" has a time without minutes: write times as 09:00.');
		expect(hoursProblem('Mon–Fri 09:00–5')).toBe(
			'Hours "Mon–Fri 09:00–5" has a time without minutes: write times as 09:00.'
		);
		expect(hoursProblem('Mon 9')).toBe('Hours "Mon 9" has a time without minutes: write times as 09:00.');
	});

	it('refuses what is not a time, naming it', () => {
		expect(hoursProblem('Mon–Fri 9.30–17.00')).toBe(
			'Hours "Mon–Fri 9.30–17.00" has "9.30", which is not a time: write times as 09:00 or 9am.'
		);
		expect(hoursProblem('Mon–Fri 0900–1700')).toBe(
			'Hours "Mon–Fri 0900–1700" has "0900", which is not a time: write times as 09:00 or 9am.'
		);
		expect(hoursProblem('Mon 13pm–14pm')).toBe(
			'Hours "Mon 13pm–14pm" has "13pm", which is not a time: write times as 09:00 or 9am.'
		);
		expect(hoursProblem('Mon 0am–5am')).toContain('"0am", which is not a time');
		expect(hoursProblem('Mon 9:5–17:00')).toContain('"9:5", which is not a time');
	});

	it('refuses one time without the other', () => {
		expect(hoursProblem('Mon–Fri 09:00')).toBe(
			'Hours "Mon–Fri 09:00" gives "09:00" without a closing time: write both, as 09:00–17:00.'
		);
	});

	it('refuses times without their days', () => {
		expect(hoursProblem('09:00–17:00')).toBe(
			'Hours "09:00–17:00" gives "09:00–17:00" without its days: write the days first, as Mon–Fri 09:00–17:00 (a day has one opening and one closing time).'
		);
	});

	it('refuses two sets of hours for a day, which the form cannot hold', () => {
		expect(hoursProblem('Mon–Fri 09:00–12:00, 13:00–17:00')).toBe(
			'Hours "Mon–Fri 09:00–12:00, 13:00–17:00" gives "13:00–17:00" without its days: write the days first, as Mon–Fri 09:00–17:00 (a day has one opening and one closing time).'
		);
	});

	it('refuses a day given twice, naming it', () => {
		expect(hoursProblem('Mon–Fri 09:00–17:00; Fri 10:00–12:00')).toBe(
			'Hours "Mon–Fri 09:00–17:00; Fri 10:00–12:00" gives Friday twice: give each day once, with one opening and one closing time.'
		);
		expect(hoursProblem('Mon, Mon 09:00–17:00')).toContain('gives Monday twice');
		expect(hoursProblem('Mon–Fri 09:00–17:00; Mon closed')).toContain('gives Monday twice');
	});

	it('refuses a word that is not a day, naming it', () => {
		expect(hoursProblem('Mnday 09:00–17:00')).toBe(
			'Hours "Mnday 09:00–17:00" has "Mnday", which is not a day: write days as Mon or Monday.'
		);
		expect(hoursProblem('Mon–Fryday 09:00–17:00')).toContain('"Fryday", which is not a day');
		expect(hoursProblem('M–F 09:00–17:00')).toContain('"M", which is not a day');
		expect(hoursProblem('Mon Fri 09:00–17:00')).toContain('"Mon Fri", which is not a day');
		expect(hoursProblem('Holidays closed')).toContain('"Holidays", which is not a day');
		expect(hoursProblem('constructor 09:00–17:00')).toContain('"constructor", which is not a day');
	});

	it('refuses days without times', () => {
		expect(hoursProblem('Sat')).toBe(
			'Hours "Sat" gives "Sat" without times: write them after the days, as Sat 09:00–17:00.'
		);
		expect(hoursProblem('Mon–Fri 09:00–17:00; Sat')).toContain('gives "Sat" without times');
	});

	it('refuses "closed" without its days among other groups', () => {
		expect(hoursProblem('Mon 09:00–17:00; closed')).toContain('gives "closed" without its days');
	});

	it('refuses a closing time not after the opening time, with the form’s message', () => {
		expect(hoursProblem('Mon–Fri 17:00–09:00')).toBe(
			'Hours "Mon–Fri 17:00–09:00": Monday: closing time must be after opening time (17:00).'
		);
		expect(hoursProblem('Wed 09:00–09:00')).toBe(
			'Hours "Wed 09:00–09:00": Wednesday: closing time must be after opening time (09:00).'
		);
		expect(hoursProblem('Sat 9:00–5:00')).toBe(
			'Hours "Sat 9:00–5:00": Saturday: closing time must be after opening time (09:00).'
		);
	});

	it('refuses an hour or minute out of range, with the form’s message', () => {
		expect(hoursProblem('Mon 09:00–25:00')).toBe(
			'Hours "Mon 09:00–25:00": Monday: give opening and closing times as HH:MM.'
		);
		expect(hoursProblem('Tue 09:60–17:00')).toBe(
			'Hours "Tue 09:60–17:00": Tuesday: give opening and closing times as HH:MM.'
		);
		expect(hoursProblem('Mon 9am–12am')).toBe(
			'Hours "Mon 9am–12am": Monday: closing time must be after opening time (09:00).'
		);
	});

	it('says what the form says for every problem the form finds in what it read', () => {
		const read = { ...emptyExtras(), businessHours: week({ thu: ['18:00', '08:00'] }) };
		expect(hoursProblem('Thu 18:00–08:00')).toBe(`Hours "Thu 18:00–08:00": ${checkExtras(read)[0].message}`);
	});

	it('quotes the text trimmed', () => {
		expect(hoursProblem('  Mon 9–5  ')).toBe('Hours "Mon 9–5" has a time without minutes: write times as 09:00.');
	});
});

describe('hours: round trip', () => {
	it('reads back what it writes, for every normalised business hours', () => {
		const r = random(1);
		for (let n = 0; n < CASES; n++) {
			const hours = randomHours(r);
			expect(normaliseHours(hours)).toEqual(hours);
			expect(parseHours(formatHours(hours)), formatHours(hours)).toEqual({ hours });
		}
	});

	it('reads back any business hours as their normalised form', () => {
		const r = random(2);
		for (let n = 0; n < CASES; n++) {
			const hours = randomHours(r);
			const stored: BusinessHours = {
				alwaysOpen: hours.alwaysOpen,
				days: hours.days
					.filter(() => r.next() < 0.9)
					.map((day) =>
						day.open || r.next() < 0.5 ? day : { ...day, start: quarter(r.int(96) * 15), end: quarter(r.int(96) * 15) }
					)
					.sort(() => r.next() - 0.5)
			};
			expect(parseHours(formatHours(stored))).toEqual({ hours: normaliseHours(stored) });
			expect(formatHours(normaliseHours(stored))).toBe(formatHours(stored));
		}
	});

	it('reads the same hours however an admin spells them', () => {
		const r = random(3);
		const dayName = (i: number) => {
			const full = WEEKDAYS[i].label;
			return r.pick([
				full,
				full.slice(0, 3),
				full.toLowerCase(),
				full.toUpperCase().slice(0, 3),
				`${full.slice(0, 3)}.`
			]);
		};
		const time = (hhmm: string) => {
			const [h, m] = hhmm.split(':').map(Number);
			if (r.next() < 0.5) return r.next() < 0.5 ? hhmm : `${h}:${String(m).padStart(2, '0')}`;
			const hour12 = h % 12 || 12;
			const suffix = r.pick(h < 12 ? ['am', 'AM', ' am', ' a.m.'] : ['pm', 'PM', ' pm', ' p.m.']);
			return m === 0 && r.next() < 0.5 ? `${hour12}${suffix}` : `${hour12}:${String(m).padStart(2, '0')}${suffix}`;
		};
		const dash = () => r.pick(['–', '-', ' - ', ' to ', ' through ', '—']);
		for (let n = 0; n < CASES; n++) {
			const hours = randomHours(r);
			if (hours.alwaysOpen) continue;
			const groups = hours.days.flatMap((day, i) =>
				day.open ? [`${dayName(i)} ${time(day.start)}${dash()}${time(day.end)}`] : []
			);
			const text = groups.length === 0 ? r.pick(['Closed', 'closed']) : groups.join(r.pick(['; ', ';', '\n', ', ']));
			expect(parseHours(text), text).toEqual({ hours });
		}
	});
});

describe('formatHolidays', () => {
	it('writes each holiday as its date and name, separated by semicolons, in the client’s order', () => {
		expect(
			formatHolidays([
				{ date: '2026-12-25', name: 'Christmas Day' },
				{ date: '2027-01-01', name: "New Year's Day" },
				{ date: '2026-11-26', name: 'Thanksgiving' }
			])
		).toBe("2026-12-25 Christmas Day; 2027-01-01 New Year's Day; 2026-11-26 Thanksgiving");
	});

	it('writes no holidays as an empty text', () => {
		expect(formatHolidays([])).toBe('');
	});

	it('leaves commas and quotes in a name as they are: quoting the cell is the CSV writer’s job', () => {
		expect(formatHolidays([{ date: '2026-07-04', name: 'Independence Day, "the Fourth"' }])).toBe(
			'2026-07-04 Independence Day, "the Fourth"'
		);
	});

	it('escapes a semicolon, a line break and a backslash in a name with a backslash', () => {
		expect(formatHolidays([{ date: '2026-05-01', name: 'Labour Day; May Day' }])).toBe(
			'2026-05-01 Labour Day\\; May Day'
		);
		expect(formatHolidays([{ date: '2026-05-01', name: 'A\\B' }])).toBe('2026-05-01 A\\\\B');
		expect(formatHolidays([{ date: '2026-05-01', name: 'One\nTwo' }])).toBe('2026-05-01 One\\\nTwo');
	});

	it('escapes a first character that would read as a separator after the date', () => {
		expect(formatHolidays([{ date: '2026-05-01', name: '- dash' }])).toBe('2026-05-01 \\- dash');
		expect(formatHolidays([{ date: '2026-05-01', name: ': colon' }])).toBe('2026-05-01 \\: colon');
		expect(formatHolidays([{ date: '2026-05-01', name: 'Mid-year - break' }])).toBe('2026-05-01 Mid-year - break');
	});

	it('writes a name trimmed', () => {
		expect(formatHolidays([{ date: '2026-12-25', name: '  Christmas  ' }])).toBe('2026-12-25 Christmas');
	});
});

describe('parseHolidays: what it reads', () => {
	it('reads what formatHolidays writes', () => {
		expect(holidaysOf("2026-12-25 Christmas Day; 2027-01-01 New Year's Day")).toEqual([
			{ date: '2026-12-25', name: 'Christmas Day' },
			{ date: '2027-01-01', name: "New Year's Day" }
		]);
	});

	it('reads an empty text as no holidays', () => {
		expect(holidaysOf('')).toEqual([]);
		expect(holidaysOf('  ')).toEqual([]);
	});

	it('reads holidays on separate lines, and skips empty ones', () => {
		expect(holidaysOf('2026-12-25 Christmas\n2026-12-26 Boxing Day\r\n;;')).toEqual([
			{ date: '2026-12-25', name: 'Christmas' },
			{ date: '2026-12-26', name: 'Boxing Day' }
		]);
	});

	it('reads a colon, a comma or a spaced dash after the date', () => {
		for (const text of [
			'2026-12-25: Christmas',
			'2026-12-25:Christmas',
			'2026-12-25, Christmas',
			'2026-12-25 - Christmas',
			'2026-12-25 – Christmas',
			'2026-12-25   Christmas'
		]) {
			expect(holidaysOf(text), text).toEqual([{ date: '2026-12-25', name: 'Christmas' }]);
		}
	});

	it('keeps dashes inside a name', () => {
		expect(holidaysOf('2026-06-30 Mid-year - break')).toEqual([{ date: '2026-06-30', name: 'Mid-year - break' }]);
	});

	it('reads escapes, and keeps a backslash that escapes nothing', () => {
		expect(holidaysOf('2026-05-01 Labour Day\\; May Day; 2026-05-02 A\\\\B')).toEqual([
			{ date: '2026-05-01', name: 'Labour Day; May Day' },
			{ date: '2026-05-02', name: 'A\\B' }
		]);
		expect(holidaysOf('2026-05-01 Back\\')).toEqual([{ date: '2026-05-01', name: 'Back\\' }]);
	});

	it('trims names', () => {
		expect(holidaysOf('  2026-12-25    Christmas   ;  ')).toEqual([{ date: '2026-12-25', name: 'Christmas' }]);
	});

	it('reads 29 February in a leap year', () => {
		expect(holidaysOf('2028-02-29 Leap day')).toEqual([{ date: '2028-02-29', name: 'Leap day' }]);
	});
});

describe('parseHolidays: the problems it reports', () => {
	it('refuses a holiday that does not start with an ISO date, naming it by its place and text', () => {
		expect(holidaysProblem('2026-12-25 Christmas; 01/01/2027 New Year')).toBe(
			'Holiday 2 ("01/01/2027 New Year") does not start with its date: write dates as YYYY-MM-DD, as in 2026-12-25 Christmas Day.'
		);
		expect(holidaysProblem('Christmas 2026-12-25')).toContain(
			'Holiday 1 ("Christmas 2026-12-25") does not start with its date'
		);
		expect(holidaysProblem('2026-1-1 New Year')).toContain('does not start with its date');
		expect(holidaysProblem('20261225 Christmas')).toContain('does not start with its date');
	});

	it('refuses a date that is not on the calendar', () => {
		expect(holidaysProblem('2026-02-29 Leap day')).toBe(
			'Holiday 1 ("2026-02-29 Leap day"): 2026-02-29 is not a real date: write dates as YYYY-MM-DD, as in 2026-12-25 Christmas Day.'
		);
		expect(holidaysProblem('2026-13-01 Thirteenth')).toContain('2026-13-01 is not a real date');
		expect(holidaysProblem('2026-04-31 April')).toContain('2026-04-31 is not a real date');
	});

	it('refuses a date given twice, with the form’s message', () => {
		expect(holidaysProblem('2026-12-25 Christmas; 2026-12-25 Xmas')).toBe(
			'Holiday 2: 2026-12-25 is already in the list.'
		);
	});

	it('refuses a holiday without a name, with the form’s message', () => {
		expect(holidaysProblem('2026-12-25')).toBe('Holiday 1: give it a name.');
		expect(holidaysProblem('2026-12-24 Eve; 2026-12-25 :')).toBe('Holiday 2: give it a name.');
	});

	it('counts holidays as the admin sees them: empty entries are not counted', () => {
		expect(holidaysProblem('2026-12-24 Eve;; 2026-12-25')).toBe('Holiday 2: give it a name.');
	});
});

describe('holidays: round trip', () => {
	const ALPHABET = ['a', 'Z', 'é', ' ', ';', '\\', ',', '"', "'", ':', '-', '–', '—', '\n', '日', '1', '=', '@'];

	function randomHolidays(r: Random): Holiday[] {
		const dates = new Set<string>();
		const holidays: Holiday[] = [];
		for (let n = r.int(6); n > 0; n--) {
			const date = new Date(Date.UTC(2000 + r.int(60), 0, 1 + r.int(366))).toISOString().slice(0, 10);
			if (dates.has(date)) continue;
			dates.add(date);
			const name = Array.from({ length: 1 + r.int(12) }, () => r.pick(ALPHABET))
				.join('')
				.trim();
			holidays.push({ date, name: name || 'Holiday' });
		}
		return holidays;
	}

	it('reads back what it writes, names with semicolons, backslashes and separators among them', () => {
		const r = random(4);
		for (let n = 0; n < CASES; n++) {
			const holidays = randomHolidays(r);
			expect(parseHolidays(formatHolidays(holidays)), formatHolidays(holidays)).toEqual({ holidays });
		}
	});
});

describe('property columns', () => {
	it('heads a property’s column with "Property: " and its name', () => {
		expect(propertyColumn('Contract type')).toBe('Property: Contract type');
		expect(propertyColumn('  Contract type ')).toBe('Property: Contract type');
	});

	it('reads the property’s name back from its column', () => {
		for (const name of ['Contract type', 'SLA: tier', 'Ünïcödé', 'a', 'Property: nested', '"Quoted", with comma']) {
			expect(propertyName(propertyColumn(name)), name).toBe(name);
		}
	});

	it('reads the header in any case, with any spaces around the colon', () => {
		expect(propertyName('property:Contract type')).toBe('Contract type');
		expect(propertyName('PROPERTY :  Contract type  ')).toBe('Contract type');
		expect(propertyName('  Property:Contract type')).toBe('Contract type');
	});

	it('keeps the name as written: its case and the colons after the first', () => {
		expect(propertyName('Property: SLA: Gold / Silver')).toBe('SLA: Gold / Silver');
	});

	it('is no property column without the colon, without a name, or with another word', () => {
		for (const header of [
			'Property - Contract type',
			'Property Contract type',
			'Properties: Contract type',
			'My property: x',
			'Property:',
			'Property:   ',
			'ClientName',
			''
		]) {
			expect(propertyName(header), header).toBeUndefined();
		}
	});
});

describe('checkPropertyColumns', () => {
	it('finds nothing wrong with distinct names, and ignores other columns', () => {
		expect(checkPropertyColumns(['ClientName', 'Property: Contract', 'Property: SLA', 'Plan'])).toEqual([]);
	});

	it('refuses a property column without a name', () => {
		expect(checkPropertyColumns(['ClientName', 'Property:  '])).toEqual([
			{
				column: 1,
				message: 'Column "Property:" names no property: write its name after the colon, as "Property: Contract type".'
			}
		]);
	});

	it('refuses a second column for the same property, case and spaces aside, as the form compares names', () => {
		expect(checkPropertyColumns(['Property: SLA', 'ClientName', 'property : sla '])).toEqual([
			{
				column: 2,
				message:
					'Column "property : sla" repeats a property another column already carries (names are compared without case): keep one of them.'
			}
		]);
	});
});
