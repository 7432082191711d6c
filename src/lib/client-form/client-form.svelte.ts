// The new-client and edit-client form's state: its fields as the template's values (so the import's rules
// judge them), the form-only extras, what the admin has touched, the problems to show, and whether anything
// differs from what was last loaded or saved.
import { checkExtras, emptyExtras, type ClientExtras } from '$lib/domain/client-extras';
import type { ClientRecord, RecordLookups } from '$lib/domain/client';
import { toTemplateValues } from '$lib/domain/client';
import { fixLabel } from '$lib/domain/fixers';
import type { IssueFix, RowIssue } from '$lib/domain/issues';
import { checkRow } from '$lib/domain/rules';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { WorkspaceIndex } from '$lib/domain/workspace';

export interface FieldError {
	/** The id of the form control, for the error summary's links. */
	field: string;
	message: string;
	severity: RowIssue['severity'];
	/** The problem's one right answer, offered as a button beside it: what it says, and taking it. */
	fix?: { label: string; apply: () => void };
}

/** The id of the control for a column of the row: the template column's name, or `custom-<id>`. */
export function fieldIdOf(column: number, workspace: WorkspaceIndex): string {
	return column < TEMPLATE_COLUMNS.length
		? `field-${TEMPLATE_COLUMNS[column]}`
		: `field-custom-${workspace.customFields[column - TEMPLATE_COLUMNS.length]?.id}`;
}

/** What the form holds, to compare with what it held when loaded or saved; the logo, a Blob, by identity. */
interface Content {
	fields: string;
	logo: Blob | null;
}

function contentOf(values: string[], extras: ClientExtras): Content {
	const { logo, ...rest } = extras;
	return { fields: JSON.stringify([values, rest]), logo };
}

export class ClientFormState {
	values = $state<string[]>([]);
	extras = $state<ClientExtras>(emptyExtras());
	/** Field ids the admin has left at least once: their errors show from then on. */
	touched = $state<Record<string, boolean>>({});
	submitted = $state(false);
	/** Clashes with stored clients, found through the database's indexes (see `checkAgainstDatabase`). */
	clashes = $state.raw<RowIssue[]>([]);

	/** The form's content as last loaded or saved (or empty, for a new client). */
	private saved = $state.raw<Content>({ fields: '', logo: null });

	/**
	 * True when the form differs from what was last loaded or saved: leaving then asks first. Derived, so
	 * undoing an edit by hand makes the form clean again (the form is small: comparing it is cheap).
	 */
	readonly dirty: boolean = $derived.by(() => {
		const now = contentOf(this.values, this.extras);
		return now.fields !== this.saved.fields || now.logo !== this.saved.logo;
	});

	constructor(
		private readonly workspace: () => WorkspaceIndex,
		readonly clientId: string | null = null
	) {
		this.values = workspace().columns.map(() => '');
		this.markClean();
	}

	/** Fills the form from a stored client (Edit client). */
	load(client: ClientRecord, lookups: RecordLookups): void {
		this.values = toTemplateValues(client, lookups);
		this.extras = {
			logo: client.logo,
			businessHours: structuredClone($state.snapshot(client.businessHours)),
			holidays: client.holidays.map((h) => ({ ...h })),
			properties: client.properties.map((p) => ({ ...p }))
		};
		this.markClean();
	}

	/** What the form holds now counts as unchanged: once it is loaded, saved or emptied. */
	markClean(): void {
		this.saved = contentOf(this.values, this.extras);
	}

	set(column: number, value: string): void {
		this.values[column] = value;
	}

	/** Takes a problem's fix: its value, and the second cell it fills (a phone's calling code). */
	applyFix(column: number, fix: IssueFix): void {
		this.set(column, fix.value);
		if (fix.also) this.set(fix.also.column, fix.also.value);
	}

	get(column: number): string {
		return this.values[column] ?? '';
	}

	touch(field: string): void {
		this.touched[field] = true;
	}

	/** Every problem of the form, in the form's order. */
	readonly errors: FieldError[] = $derived.by(() => {
		const workspace = this.workspace();
		const rowIssues = [
			...checkRow(this.values, workspace, { selfClientId: this.clientId ?? undefined }),
			...this.clashes.filter((i) => i.code === 'name_exists' || i.code === 'email_exists')
		];
		const fromRules = rowIssues.map((issue): FieldError => ({
			field: fieldIdOf(issue.column, workspace),
			message: issue.message,
			severity: issue.severity,
			...(issue.fix && { fix: { label: fixLabel(issue.fix), apply: () => this.applyFix(issue.column, issue.fix!) } })
		}));
		const fromExtras = checkExtras(this.extras).map((p) => ({ ...p, severity: 'error' as const }));
		return [...fromRules, ...fromExtras];
	});

	/** The problems to show beside a field now: once it was left, or after a save was tried. */
	errorsOf(field: string): FieldError[] {
		return this.submitted || this.touched[field] ? this.errors.filter((e) => e.field === field) : [];
	}

	get blocking(): FieldError[] {
		return this.errors.filter((e) => e.severity === 'error');
	}

	reset(): void {
		this.values = this.workspace().columns.map(() => '');
		this.extras = emptyExtras();
		this.touched = {};
		this.submitted = false;
		this.markClean();
	}

	/** The country code the State and Timezone lists follow. */
	get country(): string {
		return this.get(COL.Country).trim().toUpperCase();
	}
}
