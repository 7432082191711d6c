// A module Worker for tests in Node, where there is none (Vitest's browser mode is not set up): it runs the real
// worker module, a fresh instance of it per worker, in this thread. As in a browser, messages are structured
// clones delivered in later tasks, the worker's `self` is its own, messages sent while its module loads wait
// for it, and an exception in the worker's handler reaches the page as an `error` event, not as a throw.

interface WorkerScope {
	onmessage: ((event: { data: unknown }) => void) | null;
	postMessage(message: unknown): void;
}

const scopeHolder = globalThis as { self?: unknown };

/** Runs `work` with `self` being the worker's scope, as the worker's own code sees it. */
function inScope<T>(scope: WorkerScope, work: () => T): T {
	const outside = scopeHolder.self;
	scopeHolder.self = scope;
	try {
		return work();
	} finally {
		scopeHolder.self = outside;
	}
}

/** One module loads at a time: its top-level code takes `self` from the global while it runs. */
let loading: Promise<unknown> = Promise.resolve();
let instances = 0;

const later = (run: () => void) => setTimeout(run, 0);

export class ModuleWorker {
	/** Every worker made, in order. */
	static all: ModuleWorker[] = [];
	onmessage: ((event: MessageEvent) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	terminated = false;
	/** Set: the worker's code throws on the next batch it is sent to check, as a worker that breaks does. */
	breaksOnCheck = false;
	/** The requests this worker has taken, by their `type`. */
	readonly received: string[] = [];
	private readonly scope: WorkerScope;
	private readonly loaded: Promise<void>;

	constructor(url: URL | string) {
		ModuleWorker.all.push(this);
		this.scope = {
			onmessage: null,
			postMessage: (message) => {
				const copy = structuredClone(message);
				later(() => {
					if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent);
				});
			}
		};
		// A query of its own per worker: each gets a fresh instance of the module, with its own module state.
		const instance = `${String(url)}?worker=${++instances}`;
		const load = loading.then(async () => {
			const outside = scopeHolder.self;
			scopeHolder.self = this.scope;
			try {
				await import(/* @vite-ignore */ instance);
			} finally {
				scopeHolder.self = outside;
			}
		});
		loading = load.catch(() => undefined);
		this.loaded = load.then(
			() => undefined,
			(error: unknown) => this.fail(error)
		);
	}

	postMessage(message: unknown): void {
		const copy = structuredClone(message) as { type: string };
		void this.loaded.then(() =>
			later(() => {
				if (this.terminated) return;
				this.received.push(copy.type);
				try {
					if (copy.type === 'check' && this.breaksOnCheck) throw new Error('The worker broke.');
					inScope(this.scope, () => this.scope.onmessage?.({ data: copy }));
				} catch (error) {
					this.fail(error);
				}
			})
		);
	}

	terminate(): void {
		this.terminated = true;
	}

	private fail(error: unknown) {
		later(() => {
			if (this.terminated) return;
			const message = error instanceof Error ? error.message : String(error);
			this.onerror?.({ message, error, preventDefault() {} } as ErrorEvent);
		});
	}
}
