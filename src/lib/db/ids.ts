// Record ids: UUIDs of version 7 (RFC 9562), which begin with the time they were made. Ids made one after the
// other sort in that order, so the clients of an import go in at the end of the clients store's key order rather
// than scattered through it, and IndexedDB writes them faster (docs/benchmark.md, "The import"). Random bytes
// come from `crypto.getRandomValues`, which works without a secure context: a static site may be served over
// plain http on an intranet host, where `crypto.randomUUID` is missing.

/** Random bytes drawn a block at a time: an import makes a million ids. */
const RANDOM_BLOCK = 8 * 1024;
let randomBytes = new Uint8Array(0);
let randomAt = 0;

function nextRandomByte(): number {
	if (randomAt === randomBytes.length) {
		randomBytes = crypto.getRandomValues(new Uint8Array(RANDOM_BLOCK));
		randomAt = 0;
	}
	return randomBytes[randomAt++];
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function randomHex(bytes: number): string {
	let hex = '';
	for (let i = 0; i < bytes; i++) hex += HEX[nextRandomByte()];
	return hex;
}

/** The millisecond of the last id made, and how many were made in it before the latest. */
let lastMs = 0;
let sequence = 0;
/** Ids one millisecond may hold in order (the 12 bits after the version). */
const SEQUENCE_LIMIT = 0x1000;

/** A new id, sorting after every id made before it in this page (even within one millisecond, or after the clock went back). */
export function newId(): string {
	let ms = Date.now();
	if (ms > lastMs) sequence = 0;
	else {
		ms = lastMs;
		if (++sequence === SEQUENCE_LIMIT) {
			// More ids in a millisecond than its sequence holds: the next millisecond is taken early.
			ms++;
			sequence = 0;
		}
	}
	lastMs = ms;
	const time = ms.toString(16).padStart(12, '0');
	const variant = HEX[(nextRandomByte() & 0x3f) | 0x80];
	return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${randomHex(1)}-${randomHex(6)}`;
}
