// The Web Locks API of one browser profile, for tests in Node (which has no `navigator.locks` before v22): the
// exclusive mode as the specification has it, with `ifAvailable`, `steal`, `signal` and `query`. Give every
// "tab" of a test the same manager, as a browser gives every tab of an origin.

interface Holder {
	name: string;
	/** Rejects the holder's request (its lock was stolen). */
	stolen: (reason: DOMException) => void;
}

interface Waiter {
	name: string;
	grant: () => void;
}

export class FakeLockManager {
	private held: Holder[] = [];
	private waiting: Waiter[] = [];

	request(name: string, options: LockOptions, callback: LockGrantedCallback<unknown>): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const { signal } = options;
			if (signal?.aborted) return reject(signal.reason);
			const run = () => {
				const holder: Holder = { name, stolen: reject };
				this.held.push(holder);
				Promise.resolve()
					.then(() => callback({ name, mode: 'exclusive' }))
					.then(resolve, reject)
					.finally(() => this.release(holder));
			};
			if (options.steal) {
				for (const holder of this.held.filter((h) => h.name === name)) {
					this.held = this.held.filter((h) => h !== holder);
					holder.stolen(new DOMException('The lock was stolen.', 'AbortError'));
				}
				return run();
			}
			if (this.isBusy(name)) {
				if (options.ifAvailable) {
					return Promise.resolve()
						.then(() => callback(null))
						.then(resolve, reject);
				}
				const waiter: Waiter = { name, grant: run };
				this.waiting.push(waiter);
				signal?.addEventListener('abort', () => {
					if (!this.waiting.includes(waiter)) return;
					this.waiting = this.waiting.filter((w) => w !== waiter);
					reject(signal.reason);
				});
				return;
			}
			run();
		});
	}

	async query(): Promise<LockManagerSnapshot> {
		return {
			held: this.held.map(({ name }) => ({ name, mode: 'exclusive' as const })),
			pending: this.waiting.map(({ name }) => ({ name, mode: 'exclusive' as const }))
		};
	}

	private isBusy(name: string): boolean {
		return this.held.some((h) => h.name === name) || this.waiting.some((w) => w.name === name);
	}

	/** The callback's promise settled (or its lock was stolen): the next request waiting for the name is granted. */
	private release(holder: Holder) {
		const wasHeld = this.held.includes(holder);
		this.held = this.held.filter((h) => h !== holder);
		if (!wasHeld || this.held.some((h) => h.name === holder.name)) return;
		const next = this.waiting.find((w) => w.name === holder.name);
		if (!next) return;
		this.waiting = this.waiting.filter((w) => w !== next);
		next.grant();
	}
}
