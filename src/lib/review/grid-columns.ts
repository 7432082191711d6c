// The review grid's columns: the pinned spreadsheet row number, then the template's columns, each with its
// editor, its marks and its messages, all read from the row's issues (computed once by the rules module).
import type { ColDef, IHeaderParams, IInnerHeaderComponent, ITooltipParams } from 'ag-grid-community';
import { subdivisionsOf } from '$lib/domain/countries';
import { countryOptions } from '$lib/domain/country-lookup';
import { WHOLE_ROW, type RowIssue, type Severity } from '$lib/domain/issues';
import { HOLIDAYS_COLUMN } from '$lib/domain/extra-columns';
import { propertyName } from '$lib/domain/extras-text';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import { CANONICAL_ZONES } from '$lib/domain/timezones';
import type { ReviewRow } from '$lib/review/review-session.svelte';
import type { WorkspaceIndex } from '$lib/domain/workspace';
import { plural } from '$lib/wording';
import { OptionCellEditor, type ListOption, type OptionEditorParams } from './option-cell-editor';

export const ROW_NUMBER_COLUMN = 'row';
/** What a row does: adds a client, updates one (how many fields), or changes nothing. */
export const CHANGE_COLUMN = 'change';

/** A row's change in a few words, for its Change cell. */
export function changeText(row: ReviewRow | undefined): string {
	const change = row?.change;
	if (!change) return 'New';
	if (change.kind === 'update') return `Update · ${plural(change.changes.length, 'field')}`;
	return change.kind === 'unchanged' ? 'No change' : 'Update skipped';
}

/** The change a row's update makes to a cell, if it makes one. */
export function cellChange(row: ReviewRow | undefined, column: number) {
	return row?.change?.kind === 'update' ? row.change.changes.find((c) => c.column === column) : undefined;
}

function severityAt(row: ReviewRow | undefined, column: number): Severity | undefined {
	let found: Severity | undefined;
	for (const issue of row?.issues ?? []) {
		if (issue.column !== column) continue;
		if (issue.severity === 'error') return 'error';
		found = 'warning';
	}
	return found;
}

export function issuesAt(row: ReviewRow | undefined, column: number): RowIssue[] {
	return (row?.issues ?? []).filter((issue) => issue.column === column);
}

function tooltip(column: number) {
	return (params: ITooltipParams<ReviewRow>) => {
		const messages = issuesAt(params.data, column).map(
			(i) => `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message}`
		);
		const changed = cellChange(params.data, column);
		if (changed) messages.push(`Now: ${changed.from || '(empty)'} → from the file: ${changed.to || '(empty)'}`);
		return messages.length > 0 ? messages.join('\n') : undefined;
	};
}

function marks(column: number) {
	return {
		'cell-error': (p: { data?: ReviewRow }) => severityAt(p.data, column) === 'error',
		'cell-warning': (p: { data?: ReviewRow }) => severityAt(p.data, column) === 'warning',
		'cell-changed': (p: { data?: ReviewRow }) =>
			severityAt(p.data, column) === undefined && cellChange(p.data, column) !== undefined
	};
}

export interface ColumnContext {
	technicianEmails: () => string[];
	errorCount: (column: number) => number;
	/** Calls the listener whenever the counts may have changed; returns the function that stops it. */
	onCountsChanged: (listener: () => void) => () => void;
	/** Whether cells can be edited (not while another tab edits the review). */
	canEdit: () => boolean;
	/** Called with the new value of a cell; the review applies it and tells the grid what changed. */
	onEdit: (row: ReviewRow, column: number, value: string) => void;
}

const LARGE_TEXT: Partial<ColDef<ReviewRow>> = {
	cellEditor: 'agLargeTextCellEditor',
	cellEditorPopup: true,
	cellEditorParams: { maxLength: 10_000 }
};

function editorFor(column: number, workspace: WorkspaceIndex, context: ColumnContext): Partial<ColDef<ReviewRow>> {
	const select = (options: OptionEditorParams['options']) => ({
		cellEditor: OptionCellEditor,
		cellEditorParams: { options } satisfies OptionEditorParams
	});
	const plain = (values: readonly string[]): ListOption[] => values.map((value) => ({ value, label: value }));
	const blank: ListOption = { value: '', label: '', display: '(empty)' };
	switch (column) {
		case COL.Country: {
			const countries: ListOption[] = [
				blank,
				...countryOptions().map((c) => ({ ...c, display: `${c.code} · ${c.label}` }))
			];
			return select(() => countries);
		}
		case COL.State:
			return select((params) => [
				blank,
				...subdivisionsOf(params.data?.value(COL.Country) ?? '').map((s) => ({
					value: s.code,
					label: s.name,
					aliases: [s.code.slice(s.code.indexOf('-') + 1)],
					display: `${s.code} · ${s.name}`
				}))
			]);
		case COL.Timezone: {
			const zones = CANONICAL_ZONES.map((zone) => ({
				value: zone,
				label: zone,
				aliases: [zone.slice(zone.lastIndexOf('/') + 1)]
			}));
			return select(() => zones);
		}
		case COL.AccountManager:
			return select(() => [blank, ...plain(context.technicianEmails())]);
		case COL.AddressLine:
			return LARGE_TEXT;
		default: {
			// Holidays and a property's value may run over several lines.
			const name = workspace.columns[column];
			if (column >= workspace.firstExtraColumn && (name === HOLIDAYS_COLUMN || propertyName(name) !== undefined)) {
				return LARGE_TEXT;
			}
			const field = workspace.customFields[column - TEMPLATE_COLUMNS.length];
			if (field?.type === 'dropdown') {
				const options = [blank, ...plain(field.options)];
				return select(() => options);
			}
			if (field?.type === 'checkbox') {
				const options = [blank, ...plain(['true', 'false'])];
				return select(() => options);
			}
			return { cellEditor: 'agTextCellEditor' };
		}
	}
}

/** How often a header's error count may be rewritten: a rewrite within this time of the last waits for its end. */
const COUNT_REWRITE_MS = 250;

/**
 * A column's name and its error count. The count is updated in place when the review changes: refreshing the
 * grid's headers instead would rebuild every header on each change of the review.
 */
class ErrorCountHeader implements IInnerHeaderComponent<ReviewRow> {
	private readonly gui = document.createElement('span');
	private readonly count = document.createElement('span');
	private stop = () => {};
	/** When the count was last written, and the rewrite waiting for its turn. */
	private written = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;

	init(params: IHeaderParams<ReviewRow> & { column: number; context: ColumnContext }) {
		const { column, context } = params;
		this.count.className = 'header-error-count';
		// Template names are CamelCase without spaces: let a narrow header wrap them between their words.
		for (const [i, word] of params.displayName.split(/(?=[A-Z][a-z])/).entries()) {
			if (i > 0) this.gui.append(document.createElement('wbr'));
			this.gui.append(word);
		}
		this.gui.append(this.count);
		const update = () => {
			this.written = performance.now();
			const n = context.errorCount(column);
			const text = n > 0 ? ` (${plural(n, 'error')})` : '';
			if (this.count.textContent !== text) this.count.textContent = text;
		};
		update();
		// At most a few rewrites a second: while a file is read, the counts change with every batch, and a header's
		// text changing has the grid measure the headers again (their height follows their text).
		const changed = () => {
			if (this.timer !== undefined) return;
			const wait = this.written + COUNT_REWRITE_MS - performance.now();
			if (wait <= 0) update();
			else
				this.timer = setTimeout(() => {
					this.timer = undefined;
					update();
				}, wait);
		};
		this.stop = context.onCountsChanged(changed);
	}

	getGui() {
		return this.gui;
	}

	refresh() {
		return false;
	}

	destroy() {
		this.stop();
		clearTimeout(this.timer);
	}
}

export function buildColumnDefs(workspace: WorkspaceIndex, context: ColumnContext): ColDef<ReviewRow>[] {
	return [
		{
			colId: ROW_NUMBER_COLUMN,
			headerName: 'Row',
			valueGetter: (p) => p.data?.rowNumber,
			pinned: 'left',
			// A spreadsheet's last row number, 1,048,576, in full.
			width: 104,
			editable: false,
			sortable: true,
			cellClassRules: marks(WHOLE_ROW),
			tooltipValueGetter: tooltip(WHOLE_ROW)
		},
		{
			colId: CHANGE_COLUMN,
			headerName: 'Change',
			valueGetter: (p) => changeText(p.data),
			pinned: 'left',
			width: 150,
			editable: false,
			sortable: false,
			// Shown once the file names an existing client.
			hide: true,
			tooltipValueGetter: (p) =>
				p.data?.change ? `Names the existing client “${p.data.change.clientName}”` : 'A new client'
		},
		...workspace.columns.map((name, column): ColDef<ReviewRow> => ({
			colId: name,
			headerName: name,
			headerTooltip: name,
			headerComponentParams: {
				innerHeaderComponent: ErrorCountHeader,
				innerHeaderComponentParams: { column, context }
			},
			valueGetter: (p) => p.data?.value(column) ?? '',
			valueSetter: (p) => {
				if (p.data) context.onEdit(p.data, column, String(p.newValue ?? ''));
				return false;
			},
			editable: () => context.canEdit(),
			width: column === COL.AddressLine || column === COL.EmailDomains || column === COL.ClientName ? 190 : 140,
			cellClassRules: marks(column),
			tooltipValueGetter: tooltip(column),
			...editorFor(column, workspace, context)
		}))
	];
}
