// A map from key hashes (whole numbers from 1 to 2^30 − 1) to a row number or a list, kept in typed arrays by
// open addressing: a look-up reads a slot or a few neighbouring ones where a Map of a million numbers follows
// chains across its table, and the garbage collector never walks the arrays. The uniqueness index keeps a file's
// keys so (uniqueness.ts).

/** Parts the table is split into by a hash's high bits: each grows on its own, so no growth copies them all. */
const PART_BITS = 6;
const PARTS = 1 << PART_BITS;
/** Where a 30-bit hash's part bits start. */
const PART_SHIFT = 30 - PART_BITS;
/** Slots a part has at first: a part grows by doubling, kept at most half full. */
const MIN_SLOTS = 64;

/**
 * One part: each slot is two numbers side by side, so that a look-up reads one place in memory: the hash (0:
 * empty) and its entry, a row number (0 or more) or −1 − the index of a list.
 */
class Part {
	slots = new Int32Array(MIN_SLOTS * 2);
	filled = 0;

	/** The slot (its index, a multiple of 2) holding a hash, or the empty one where it would go. */
	slotOf(hash: number): number {
		const { slots } = this;
		const mask = slots.length - 2;
		let at = (hash << 1) & mask;
		while (slots[at] !== 0 && slots[at] !== hash) at = (at + 2) & mask;
		return at;
	}

	/**
	 * Puts a hash not in the part yet in its empty slot `at` (from `slotOf`), the part grown first when it would
	 * be more than half full; returns the slot it is in.
	 */
	put(hash: number, at: number): number {
		if ((this.filled + 1) * 4 > this.slots.length) {
			this.grow();
			at = this.slotOf(hash);
		}
		this.filled++;
		this.slots[at] = hash;
		return at;
	}

	/** Empties a slot: the slots after it, up to the next empty one, whose hash would no longer be found move back. */
	empty(at: number): void {
		const { slots } = this;
		const mask = slots.length - 2;
		let hole = at;
		for (let next = (hole + 2) & mask; slots[next] !== 0; next = (next + 2) & mask) {
			const home = (slots[next] << 1) & mask;
			if (((next - home) & mask) >= ((next - hole) & mask)) {
				slots[hole] = slots[next];
				slots[hole + 1] = slots[next + 1];
				hole = next;
			}
		}
		slots[hole] = 0;
		slots[hole + 1] = 0;
		this.filled--;
	}

	private grow(): void {
		const old = this.slots;
		this.slots = new Int32Array(old.length * 2);
		for (let i = 0; i < old.length; i += 2) {
			if (old[i] === 0) continue;
			const at = this.slotOf(old[i]);
			this.slots[at] = old[i];
			this.slots[at + 1] = old[i + 1];
		}
	}
}

export class HashSlots<List> {
	private readonly parts = Array.from({ length: PARTS }, () => new Part());
	private readonly lists: (List | undefined)[] = [];
	/** Indexes of `lists` free for the next list. */
	private readonly freeLists: number[] = [];

	get size(): number {
		return this.parts.reduce((sum, part) => sum + part.filled, 0);
	}

	get(hash: number): number | List | undefined {
		const part = this.partOf(hash);
		const at = part.slotOf(hash);
		if (part.slots[at] === 0) return undefined;
		const entry = part.slots[at + 1];
		return entry >= 0 ? entry : this.lists[-1 - entry];
	}

	/** Maps a hash to a row number (0 or more) or a list. */
	set(hash: number, value: number | List): void {
		const part = this.partOf(hash);
		let at = part.slotOf(hash);
		if (part.slots[at] === 0) at = part.put(hash, at);
		else {
			const entry = part.slots[at + 1];
			if (entry < 0 && this.lists[-1 - entry] === value) return;
			this.freeList(entry);
		}
		part.slots[at + 1] = typeof value === 'number' ? value : this.keepList(value);
	}

	/**
	 * Maps a new hash to a row number and returns undefined, in one look-up (the most common step of reading a
	 * file); a hash already there keeps what it maps to, which is returned.
	 */
	addIfNew(hash: number, row: number): number | List | undefined {
		const part = this.partOf(hash);
		const at = part.slotOf(hash);
		if (part.slots[at] !== 0) {
			const entry = part.slots[at + 1];
			return entry >= 0 ? entry : this.lists[-1 - entry];
		}
		// The slot first: putting may grow the part, replacing its array.
		const put = part.put(hash, at);
		part.slots[put + 1] = row;
		return undefined;
	}

	delete(hash: number): void {
		const part = this.partOf(hash);
		const at = part.slotOf(hash);
		if (part.slots[at] === 0) return;
		this.freeList(part.slots[at + 1]);
		part.empty(at);
	}

	private partOf(hash: number): Part {
		return this.parts[(hash >>> PART_SHIFT) & (PARTS - 1)];
	}

	private keepList(list: List): number {
		const at = this.freeLists.pop() ?? this.lists.length;
		this.lists[at] = list;
		return -1 - at;
	}

	private freeList(entry: number): void {
		if (entry >= 0) return;
		this.lists[-1 - entry] = undefined;
		this.freeLists.push(-1 - entry);
	}
}
