import { describe, expect, it } from 'vitest';
import { hasError } from '$lib/domain/issues';
import type { RowIssue } from '$lib/domain/issues';

const warning: RowIssue = { column: 5, severity: 'warning', code: 'phone_not_for_country', message: 'check it' };
const error: RowIssue = { column: 0, severity: 'error', code: 'required', message: 'fill it in' };

describe('hasError', () => {
	it('is false for no issues', () => {
		expect(hasError([])).toBe(false);
	});

	it('is false for warnings only: they do not block a row', () => {
		expect(hasError([warning, warning])).toBe(false);
	});

	it('is true as soon as one issue is an error', () => {
		expect(hasError([warning, error])).toBe(true);
		expect(hasError([error])).toBe(true);
	});
});
