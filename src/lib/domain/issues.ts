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
	| 'group_list'
	| 'row_too_many_fields'
	| 'row_too_few_fields'
	| 'row_unclosed_quote'
	| 'name_unsplit'
	| 'custom_number'
	| 'custom_date'
	| 'custom_option'
	| 'custom_checkbox'
	| 'hours_invalid'
	| 'holidays_invalid'
	| 'client_id_duplicate_in_file';

/** The `column` of a problem of the whole row (too many fields, a broken quote), not of one cell. */
export const WHOLE_ROW = -1;

/**
 * What reading the file said of a row, beyond the rules: a ragged or broken row (of the whole row), or a full
 * name left unsplit (of its cell). A remark stays until what it speaks of is edited: its cell, or for a whole
 * row any of its cells.
 */
const FILE_REMARKS: ReadonlySet<IssueCode> = new Set<IssueCode>([
	'row_too_many_fields',
	'row_too_few_fields',
	'row_unclosed_quote',
	'name_unsplit'
]);

export function isFileRemark(issue: RowIssue): boolean {
	return FILE_REMARKS.has(issue.code);
}

/** The cells a remark on cells speaks of: a name left unsplit sits on the first name, and the last name is beside it. */
export function remarkCells(issue: RowIssue): number[] {
	return issue.code === 'name_unsplit' ? [issue.column, issue.column + 1] : [issue.column];
}

/** The kinds of certain fix: the fix panel offers each kind for the whole file at once. */
export type FixKind =
	| 'country_name'
	| 'state_name'
	| 'timezone_old_name'
	| 'timezone_windows'
	| 'timezone_offset'
	| 'timezone_from_country'
	| 'phone'
	| 'email'
	| 'domains'
	| 'account_manager'
	| 'groups'
	| 'custom_value';

/** A problem's one right answer: the cell's new value, and perhaps a second cell of the same row to fill. */
export interface IssueFix {
	kind: FixKind;
	value: string;
	/** Another cell of the row the fix fills too (a phone's calling code goes to Code). */
	also?: { column: number; value: string };
}

export interface RowIssue {
	/** Column index in the template (see `TEMPLATE_COLUMNS`), or `WHOLE_ROW`. */
	column: number;
	severity: Severity;
	code: IssueCode;
	message: string;
	/** The fix when there is exactly one right answer, offered in one click and in the fix panel. */
	fix?: IssueFix;
	/** Values that may be right when several are (an offset shared by zones): offered, never taken unasked. */
	choices?: string[];
}

export function hasError(issues: readonly RowIssue[]): boolean {
	return issues.some((issue) => issue.severity === 'error');
}

/** A row's issues in template column order, as the grid, the report and the details panel list them. */
export function sortIssues(issues: RowIssue[]): RowIssue[] {
	return issues.sort((a, b) => a.column - b.column);
}
