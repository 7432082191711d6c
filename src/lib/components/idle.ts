// Work for the page's idle moments: what prepares the next step, never what the admin waits for.

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
