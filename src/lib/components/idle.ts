// When the page's work runs: in its idle moments (what prepares the next step, never what the admin waits
// for), and in slices that let the page draw and take input between them.

/**
 * Calls `run` when the page has nothing else to do, or after `timeoutMs` at the latest (soon, where the
 * browser cannot tell). Returns the function that calls it off.
 */
export function whenIdle(run: () => void, timeoutMs = 2000): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(run, { timeout: timeoutMs });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(run, 200);
	return () => clearTimeout(handle);
}

interface Scheduler {
	yield(): Promise<void>;
}

/**
 * A pause between slices of long work: the page draws and takes input, then the work goes on at once. A
 * timeout would do the same, but chained timeouts wait 4 ms each: 50 slices would idle for 200 ms.
 */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resume) => setTimeout(resume, 0));
}

/** Items a slice of `eachInSlices` visits: some milliseconds of simple work each. */
const SLICE = 50_000;

/**
 * Visits every item, a slice at a time with a pause between (nextTask): a walk of a million rows, a few tens of
 * milliseconds, never holds the page in one task.
 */
export async function eachInSlices<T>(items: readonly T[], visit: (item: T) => void): Promise<void> {
	for (let start = 0; start < items.length; start += SLICE) {
		if (start > 0) await nextTask();
		const end = Math.min(items.length, start + SLICE);
		for (let i = start; i < end; i++) visit(items[i]);
	}
}

/**
 * Calls `run` in a task of its own once the page has drawn its next frame: what the page changed before it is
 * laid out by then, not in `run` when it measures the page. Returns the function that calls it off.
 */
export function afterNextFrame(run: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
