// One review is edited in one tab at a time. The tab editing it holds a Web Lock, which the browser releases by
// itself when the tab closes or crashes; tabs tell each other over a BroadcastChannel when a review is taken
// over, discarded, imported, begun or ended. Where these APIs are missing (old browsers, unit tests) a tab
// always gets the lock and hears nothing: it behaves as a lone tab.

const LOCK_NAME = 'client-import:review';
const CHANNEL_NAME = 'client-import:review';
/**
 * How long a take-over waits for the tab editing the review to save its last edits and let go; after that (a
 * tab frozen or busy) the lock is taken from it, and its later writes are refused by the draft.
 */
const HAND_OVER_WAIT_MS = 5000;

export type TabMessage =
	/** Another tab takes the review over: save the last edits and let go. */
	| { type: 'take-over' }
	/** The review (`null`: whichever was open) was discarded in another tab. */
	| { type: 'discarded'; reviewId: string | null }
	| { type: 'committed'; reviewId: string; fileName: string; imported: number }
	/** A review began or ended in another tab: what the import page offers may have changed. */
	| { type: 'changed' };

/** How to take the lock: only if no tab holds it, after the holder hands it over, or at once. */
export type Acquire = 'if-free' | 'hand-over' | 'steal';

const locks = (): LockManager | undefined => (typeof navigator === 'undefined' ? undefined : navigator.locks);

export class ReviewTabs {
	private readonly channel: BroadcastChannel | null;
	private letGoOfLock: (() => void) | null = null;

	constructor(onMessage: (message: TabMessage) => void) {
		this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
		if (this.channel) this.channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
	}

	/** Whether this tab holds the review. */
	get holding(): boolean {
		return this.letGoOfLock !== null;
	}

	/** Takes the review's lock; `onLost` is called if another tab takes it without this tab letting go. */
	async acquire(how: Acquire, onLost: () => void): Promise<boolean> {
		if (this.letGoOfLock) return true;
		const manager = locks();
		if (!manager) {
			this.letGoOfLock = () => {};
			return true;
		}
		const request = (options: LockOptions) =>
			new Promise<boolean>((granted) => {
				let release = () => {};
				const held = new Promise<void>((resolve) => (release = resolve));
				const mine = () => release();
				manager
					.request(LOCK_NAME, options, (lock) => {
						if (!lock) return granted(false);
						this.letGoOfLock = mine;
						granted(true);
						return held;
					})
					.catch(() => {
						// Either a wait that timed out (never granted) or a held lock stolen by another tab.
						if (this.letGoOfLock === mine) {
							this.letGoOfLock = null;
							onLost();
						} else granted(false);
					});
			});
		if (how === 'if-free') return request({ ifAvailable: true });
		if (how === 'steal') return request({ steal: true });
		return (await request({ signal: AbortSignal.timeout(HAND_OVER_WAIT_MS) })) || request({ steal: true });
	}

	letGo(): void {
		const release = this.letGoOfLock;
		this.letGoOfLock = null;
		release?.();
	}

	/** Whether another tab holds the review. */
	async heldElsewhere(): Promise<boolean> {
		const manager = locks();
		if (!manager || this.holding) return false;
		const { held = [] } = await manager.query();
		return held.some((lock) => lock.name === LOCK_NAME);
	}

	/**
	 * Calls `callback` once no tab holds the review (its tab let go, closed or crashed); returns the function
	 * that stops waiting. The lock is taken for an instant, then let go.
	 */
	whenFree(callback: () => void): () => void {
		const manager = locks();
		if (!manager) return () => {};
		const controller = new AbortController();
		manager.request(LOCK_NAME, { signal: controller.signal }, () => callback()).catch(() => {});
		return () => controller.abort();
	}

	post(message: TabMessage): void {
		this.channel?.postMessage(message);
	}

	close(): void {
		this.letGo();
		this.channel?.close();
	}
}
