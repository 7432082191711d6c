// What the technicians, groups and custom-fields panels share: a form that adds or edits one record, a
// message after each action, and a delete that first counts the clients it affects.
import { messageOf } from '$lib/wording';

export interface Message {
	kind: 'ok' | 'error';
	text: string;
}

export interface RecordStore<Item extends { id: string }, Input> {
	blank: () => Input;
	toInput: (item: Item) => Input;
	/** How a record is named in messages ("Alice Johnson"). */
	describe: (input: Input | Item) => string;
	add: (input: Input) => Promise<unknown>;
	update: (id: string, input: Input) => Promise<void>;
	countClients: (id: string) => Promise<number>;
	remove: (id: string) => Promise<void>;
}

export class RecordEditor<Item extends { id: string }, Input extends object> {
	editingId = $state<string | null>(null);
	form: Input;
	message = $state<Message | null>(null);
	pendingDelete = $state.raw<{ item: Item; clients: number } | null>(null);
	confirmOpen = $state(false);

	constructor(private readonly store: RecordStore<Item, Input>) {
		this.form = $state(store.blank());
	}

	edit(item: Item): void {
		this.editingId = item.id;
		this.form = this.store.toInput(item);
		this.message = null;
	}

	reset(): void {
		this.editingId = null;
		this.form = this.store.blank();
	}

	async save(): Promise<void> {
		const input = $state.snapshot(this.form) as Input;
		try {
			if (this.editingId) await this.store.update(this.editingId, input);
			else await this.store.add(input);
			this.message = { kind: 'ok', text: `${this.editingId ? 'Saved' : 'Added'} ${this.store.describe(input)}.` };
			this.reset();
		} catch (error) {
			this.fail(error);
		}
	}

	async askDelete(item: Item): Promise<void> {
		this.pendingDelete = { item, clients: await this.store.countClients(item.id) };
		this.confirmOpen = true;
	}

	async confirmDelete(): Promise<void> {
		if (!this.pendingDelete) return;
		const { item } = this.pendingDelete;
		try {
			await this.store.remove(item.id);
			if (this.editingId === item.id) this.reset();
			this.message = { kind: 'ok', text: `Deleted ${this.store.describe(item)}.` };
		} catch (error) {
			this.fail(error);
		}
	}

	private fail(error: unknown) {
		this.message = { kind: 'error', text: messageOf(error) };
	}
}
