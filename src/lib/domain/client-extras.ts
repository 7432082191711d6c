// What only the form has: the logo, business hours, holidays and a client's own properties, with their rules.
// Like the template's rules, they live here once and the form only shows what they say.

import { labelOf } from '$lib/wording';

export const WEEKDAYS = [
	{ value: 'mon', label: 'Monday' },
	{ value: 'tue', label: 'Tuesday' },
	{ value: 'wed', label: 'Wednesday' },
	{ value: 'thu', label: 'Thursday' },
	{ value: 'fri', label: 'Friday' },
	{ value: 'sat', label: 'Saturday' },
	{ value: 'sun', label: 'Sunday' }
] as const;

export type Weekday = (typeof WEEKDAYS)[number]['value'];

export interface DayHours {
	day: Weekday;
	open: boolean;
	/** `HH:MM`, 24-hour. */
	start: string;
	end: string;
}

export interface BusinessHours {
	/** Open around the clock, every day ("24 × 7"): the days are then ignored. */
	alwaysOpen: boolean;
	days: DayHours[];
}

export interface Holiday {
	/** `YYYY-MM-DD`. */
	date: string;
	name: string;
}

export interface ClientProperty {
	name: string;
	value: string;
}

export interface ClientExtras {
	logo: Blob | null;
	businessHours: BusinessHours;
	holidays: Holiday[];
	properties: ClientProperty[];
}

/** Monday to Friday, 09:00–17:00. */
export function defaultBusinessHours(): BusinessHours {
	return {
		alwaysOpen: false,
		days: WEEKDAYS.map(({ value }) => ({
			day: value,
			open: !['sat', 'sun'].includes(value),
			start: '09:00',
			end: '17:00'
		}))
	};
}

export function emptyExtras(): ClientExtras {
	return { logo: null, businessHours: defaultBusinessHours(), holidays: [], properties: [] };
}

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Why a file can't be the logo, or undefined when it can. */
export function checkLogo(file: { type: string; size: number; name: string }): string | undefined {
	if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
		return `"${file.name}" is not a PNG, JPEG, WebP or SVG image: choose one of those.`;
	}
	if (file.size > LOGO_MAX_BYTES) {
		return `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB: a logo may be at most 1 MB.`;
	}
	return undefined;
}

/** A problem of a form-only field, keyed by the field's id in the form. */
export interface FieldProblem {
	field: string;
	message: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function isDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function checkExtras(extras: ClientExtras): FieldProblem[] {
	const problems: FieldProblem[] = [];
	if (!extras.businessHours.alwaysOpen) {
		for (const day of extras.businessHours.days) {
			if (!day.open) continue;
			const label = labelOf(WEEKDAYS, day.day);
			if (!TIME.test(day.start) || !TIME.test(day.end)) {
				problems.push({
					field: `hours-${day.day}-start`,
					message: `${label}: give opening and closing times as HH:MM.`
				});
			} else if (day.start >= day.end) {
				problems.push({
					field: `hours-${day.day}-end`,
					message: `${label}: closing time must be after opening time (${day.start}).`
				});
			}
		}
	}
	const seenDates = new Set<string>();
	extras.holidays.forEach((holiday, i) => {
		if (!isDate(holiday.date))
			problems.push({ field: `holiday-${i}-date`, message: `Holiday ${i + 1}: choose a date.` });
		else if (seenDates.has(holiday.date)) {
			problems.push({
				field: `holiday-${i}-date`,
				message: `Holiday ${i + 1}: ${holiday.date} is already in the list.`
			});
		}
		seenDates.add(holiday.date);
		if (!holiday.name.trim())
			problems.push({ field: `holiday-${i}-name`, message: `Holiday ${i + 1}: give it a name.` });
	});
	const seenNames = new Set<string>();
	extras.properties.forEach((property, i) => {
		const key = property.name.trim().toLowerCase();
		if (!key) problems.push({ field: `property-${i}-name`, message: `Property ${i + 1}: give it a name.` });
		else if (seenNames.has(key)) {
			problems.push({
				field: `property-${i}-name`,
				message: `Property ${i + 1}: "${property.name.trim()}" is already a property of this client.`
			});
		}
		seenNames.add(key);
	});
	return problems;
}
