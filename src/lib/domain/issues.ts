// What a rule reports: a problem of one cell, with a stable code, a severity and a plain message.

export type Severity = 'error' | 'warning';

export type IssueCode =
	| 'required'
	| 'too_long'
	| 'email_invalid'
	| 'email_duplicate_in_file'
	| 'email_exists'
	| 'email_is_signup'
	| 'name_duplicate_in_file'
	| 'name_exists'
	| 'code_required'
	| 'code_format'
	| 'code_unknown'
	| 'phone_format'
	| 'phone_length'
	| 'phone_not_for_country'
	| 'secondary_email_required'
	| 'secondary_email_same'
	| 'site_list'
	| 'one_line'
	| 'country_required'
	| 'country_invalid'
	| 'state_invalid'
	| 'timezone_link'
	| 'timezone_case'
	| 'timezone_unknown'
	| 'domain_invalid'
	| 'technician_unknown'
	| 'group_unknown'
	| 'row_too_many_fields'
	| 'row_too_few_fields'
	| 'row_unclosed_quote'
	| 'custom_number'
	| 'custom_date'
	| 'custom_option'
	| 'custom_checkbox';

/** The `column` of a problem of the whole row (too many fields, a broken quote), not of one cell. */
export const WHOLE_ROW = -1;

export interface RowIssue {
	/** Column index in the template (see `TEMPLATE_COLUMNS`), or `WHOLE_ROW`. */
	column: number;
	severity: Severity;
	code: IssueCode;
	message: string;
	/** The value that fixes it with certainty, offered in one click (a tz link's canonical zone). */
	fix?: string;
}

export function hasError(issues: readonly RowIssue[]): boolean {
	return issues.some((issue) => issue.severity === 'error');
}
