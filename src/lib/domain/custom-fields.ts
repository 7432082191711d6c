// Custom fields defined in Settings: each adds a column after the template's own (headed with its name) and
// a field under the form's Additional properties, checked by its type.
import { cleanCustomValue } from './fixers';
import type { RowIssue } from './issues';
import { REQUIRED_COLUMNS, TEMPLATE_COLUMNS } from './template';

export const CUSTOM_FIELD_TYPES = [
	{ value: 'text', label: 'Text' },
	{ value: 'number', label: 'Number' },
	{ value: 'date', label: 'Date' },
	{ value: 'dropdown', label: 'Dropdown' },
	{ value: 'checkbox', label: 'Checkbox' }
] as const;

export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]['value'];

export interface CustomField {
	id: string;
	name: string;
	type: CustomFieldType;
	required: boolean;
	/** The dropdown's options. */
	options: string[];
}

const TRUE_WORDS = ['true', 'yes'];
const FALSE_WORDS = ['false', 'no'];

function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Checks one trimmed value of a custom field; `column` is where the field sits in the row. */
export function checkCustomValue(field: CustomField, value: string, column: number): RowIssue | undefined {
	const issue = (code: RowIssue['code'], message: string): RowIssue => {
		const fix = cleanCustomValue(field, value);
		return {
			column,
			severity: 'error',
			code,
			message: fix === undefined ? message : `${message.replace(/\.$/, '')}: use ${fix}.`,
			...(fix !== undefined && { fix: { kind: 'custom_value', value: fix } })
		};
	};
	if (value === '') return field.required ? issue('required', `${field.name} is required: fill it in.`) : undefined;
	switch (field.type) {
		case 'number':
			return /^-?\d+(\.\d+)?$/.test(value)
				? undefined
				: issue('custom_number', `${field.name} must be a number, like 12 or 3.5 ("${value}" is not).`);
		case 'date':
			return isIsoDate(value)
				? undefined
				: issue('custom_date', `${field.name} must be a date written YYYY-MM-DD, like 2026-03-31 ("${value}" is not).`);
		case 'dropdown': {
			const option = field.options.find((o) => o.toLowerCase() === value.toLowerCase());
			if (option === value) return undefined;
			if (option) return issue('custom_option', `${field.name} "${value}" should be written "${option}"`);
			return issue(
				'custom_option',
				`${field.name} "${value}" is not one of its options: ${field.options.map((o) => `"${o}"`).join(', ')}.`
			);
		}
		case 'checkbox':
			return [...TRUE_WORDS, ...FALSE_WORDS].includes(value.toLowerCase())
				? undefined
				: issue('custom_checkbox', `${field.name} must be true, false, yes or no ("${value}" is not).`);
		default:
			return undefined;
	}
}

/** The stored form of a valid value: a checkbox as `true`/`false`, a dropdown option as the field writes it. */
export function normaliseCustomValue(field: CustomField, value: string): string {
	const trimmed = value.trim();
	if (field.type === 'checkbox' && trimmed !== '') return String(TRUE_WORDS.includes(trimmed.toLowerCase()));
	if (field.type === 'dropdown') return field.options.find((o) => o.toLowerCase() === trimmed.toLowerCase()) ?? trimmed;
	return trimmed;
}

/** An example value for the sample CSV. */
export function exampleCustomValue(field: CustomField): string {
	switch (field.type) {
		case 'number':
			return '12';
		case 'date':
			return '2026-01-31';
		case 'dropdown':
			return field.options[0] ?? '';
		case 'checkbox':
			return 'yes';
		default:
			return 'Example';
	}
}

/**
 * A file's full template: the standard columns, then one per custom field, then the file's own extra columns
 * (Hours, Holidays, properties, ClientId: all optional); and which of them are required.
 */
export interface TemplateShape {
	columns: readonly string[];
	required: readonly string[];
}

export function templateShape(customFields: readonly CustomField[], extraColumns: readonly string[] = []): TemplateShape {
	return {
		columns: [...TEMPLATE_COLUMNS, ...customFields.map((f) => f.name), ...extraColumns],
		required: [...REQUIRED_COLUMNS, ...customFields.filter((f) => f.required).map((f) => f.name)]
	};
}

export const STANDARD_SHAPE: TemplateShape = templateShape([]);
