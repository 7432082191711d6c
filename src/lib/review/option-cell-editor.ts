// A searchable list editor for the review grid's select columns (ag-grid Community has no rich select): type
// to rank the options (exact code, name, alias, prefix, substring), arrows move, Enter or Tab keeps the
// highlighted one, Escape cancels. Plain DOM, text only.
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { rankOptions, type SearchOption } from '$lib/domain/option-search';
import type { ReviewRow } from '$lib/review/review-session.svelte';

export interface ListOption extends SearchOption {
	/** What the list shows, when not the label ("GB · United Kingdom"). */
	display?: string;
}

export interface OptionEditorParams {
	/** The cell's options; the editor adds the cell's current value when it is not one of them. */
	options: (params: ICellEditorParams<ReviewRow>) => readonly ListOption[];
}

/** Matches shown at once: enough to scan, few enough to draw on every key. */
const SHOWN = 50;
let editors = 0;

export class OptionCellEditor implements ICellEditorComp<ReviewRow> {
	private readonly gui = document.createElement('div');
	private readonly input = document.createElement('input');
	private readonly list = document.createElement('ul');
	private readonly more = document.createElement('p');
	private params!: ICellEditorParams<ReviewRow> & OptionEditorParams;
	private options: readonly ListOption[] = [];
	private matches: ListOption[] = [];
	private active = -1;
	private readonly id = `option-editor-${++editors}`;

	init(params: ICellEditorParams<ReviewRow> & OptionEditorParams) {
		this.params = params;
		const current = String(params.value ?? '');
		const options = params.options(params);
		this.options = options.some((o) => o.value === current)
			? options
			: [{ value: current, label: current }, ...options];

		const column = params.colDef.headerName ?? params.column.getColId();
		this.gui.className = 'option-editor';
		this.input.type = 'text';
		this.input.autocomplete = 'off';
		this.input.spellcheck = false;
		this.input.setAttribute('role', 'combobox');
		this.input.setAttribute('aria-label', `Find ${column}`);
		this.input.setAttribute('aria-expanded', 'true');
		this.input.setAttribute('aria-autocomplete', 'list');
		this.input.setAttribute('aria-controls', `${this.id}-list`);
		this.list.id = `${this.id}-list`;
		this.list.setAttribute('role', 'listbox');
		this.list.setAttribute('aria-label', column);
		this.more.className = 'option-editor-more';
		this.gui.append(this.input, this.list, this.more);

		// A printable key that started the edit is the start of the search; Enter, F2 or a double click keep the value.
		const typed = params.eventKey?.length === 1 ? params.eventKey : '';
		this.input.value = typed;
		this.input.addEventListener('input', () => this.search());
		this.input.addEventListener('keydown', (event) => this.onKey(event));
		this.list.addEventListener('mousedown', (event) => {
			const item = (event.target as HTMLElement).closest('li');
			if (!item) return;
			event.preventDefault();
			this.activate(Number(item.dataset.index));
			params.stopEditing();
		});
		this.search();
		if (!typed) this.activate(this.matches.findIndex((o) => o.value === current));
	}

	private search() {
		this.matches = rankOptions(this.input.value, this.options);
		this.list.replaceChildren(
			...this.matches.slice(0, SHOWN).map((option, index) => {
				const item = document.createElement('li');
				item.id = `${this.id}-${index}`;
				item.dataset.index = String(index);
				item.setAttribute('role', 'option');
				item.textContent = option.display ?? (option.label || '(empty)');
				return item;
			})
		);
		const hidden = this.matches.length - SHOWN;
		this.more.textContent =
			this.matches.length === 0 ? 'No match' : hidden > 0 ? `${hidden} more: type more to narrow` : '';
		this.activate(this.matches.length > 0 ? 0 : -1);
	}

	private activate(index: number) {
		if (index >= SHOWN || index >= this.matches.length) return;
		this.list.children[this.active]?.setAttribute('aria-selected', 'false');
		this.active = index;
		const item = this.list.children[index] as HTMLElement | undefined;
		if (!item) {
			this.input.removeAttribute('aria-activedescendant');
			return;
		}
		item.setAttribute('aria-selected', 'true');
		this.input.setAttribute('aria-activedescendant', item.id);
		item.scrollIntoView?.({ block: 'nearest' });
	}

	private onKey(event: KeyboardEvent) {
		const last = Math.min(this.matches.length, SHOWN) - 1;
		const moves: Record<string, number> = {
			ArrowDown: Math.min(this.active + 1, last),
			ArrowUp: Math.max(this.active - 1, 0),
			PageDown: Math.min(this.active + 10, last),
			PageUp: Math.max(this.active - 10, 0)
		};
		if (event.key in moves) {
			// The grid would move to another cell; in the list the arrows move the highlight.
			event.preventDefault();
			event.stopPropagation();
			if (last >= 0) this.activate(moves[event.key]);
		} else if (event.key === 'Home' || event.key === 'End' || event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
			event.stopPropagation(); // caret keys stay in the search box
		}
		// Enter and Tab reach the grid, which stops editing and reads getValue; Escape cancels.
	}

	getGui() {
		return this.gui;
	}

	afterGuiAttached() {
		// ag-grid wraps a popup editor in an unnamed dialog: name it after the column.
		this.gui.closest('[role="dialog"]')?.setAttribute('aria-label', this.list.getAttribute('aria-label') ?? '');
		this.input.focus();
		const end = this.input.value.length;
		this.input.setSelectionRange(end, end);
		this.list.children[this.active]?.scrollIntoView?.({ block: 'nearest' });
	}

	getValue() {
		return this.matches[this.active]?.value ?? this.params.value;
	}

	/** Nothing matched: the cell keeps its value. */
	isCancelAfterEnd() {
		return this.active < 0;
	}

	isPopup() {
		return true;
	}
}
