// Record ids. `crypto.randomUUID` needs a secure context; a static site may be served over plain http on
// an intranet host, so fall back to random bytes.
export function newId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
