// A review that starts from an empty table rather than a file: clients typed (or pasted) in by hand.
import { templateShape } from '$lib/domain/custom-fields';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import type { ParsedRow } from '../import/protocol';
import { PASTED_SETTINGS } from '../import/paste';
import type { ReviewSource } from '../review/review-session.svelte';

export const BY_HAND_NAME = 'Entered by hand';
/** Empty rows the table starts with; Add row (or a paste past the last) makes more. */
export const BY_HAND_ROWS = 5;

/** The review's source: the template's columns (custom fields included), each fed from its own. */
export function byHandSource(workspace: WorkspaceSnapshot): ReviewSource {
	const columns = [...templateShape(workspace.customFields).columns];
	return {
		fileName: BY_HAND_NAME,
		settings: PASTED_SETTINGS,
		header: columns,
		mapping: columns.map((_, index) => index),
		byHand: true
	};
}

/** The first empty rows, numbered from 2 as a sheet under its header would be. */
export function byHandRows(width: number, count = BY_HAND_ROWS): ParsedRow[] {
	return Array.from({ length: count }, (_, i) => ({
		rowNumber: i + 2,
		values: Array<string>(width).fill(''),
		issues: []
	}));
}
