// A map from key hashes (whole numbers from 1 to 2^31 − 1) to a row number or a list, kept in two typed arrays by
// open addressing: a look-up reads a slot or a few neighbouring ones where a Map of a million numbers follows
// chains across its table, and the garbage collector never walks the arrays. The uniqueness index keeps a file's
// keys so (uniqueness.ts).

/** Slots at first: a table grows by doubling, kept at most half full. */
const MIN_SLOTS = 1024;

export class HashSlots<List> {
	/** The hash in each slot (0: empty). */
	private hashes = new Int32Array(MIN_SLOTS);
	/** Each slot's row number (0 or more), or −1 − the index of its list in `lists`. */
	private entries = new Int32Array(MIN_SLOTS);
	private filled = 0;
	private readonly lists: (List | undefined)[] = [];
	/** Indexes of `lists` free for the next list. */
	private readonly freeLists: number[] = [];

	get size(): number {
		return this.filled;
	}

	get(hash: number): number | List | undefined {
		const slot = this.slotOf(hash);
		if (this.hashes[slot] === 0) return undefined;
		const entry = this.entries[slot];
		return entry >= 0 ? entry : this.lists[-1 - entry];
	}

	/** Maps a hash to a row number (0 or more) or a list. */
	set(hash: number, value: number | List): void {
		let slot = this.slotOf(hash);
		if (this.hashes[slot] === 0) {
			if ((this.filled + 1) * 2 > this.hashes.length) {
				this.grow();
				slot = this.slotOf(hash);
			}
			this.hashes[slot] = hash;
			this.filled++;
		} else {
			const entry = this.entries[slot];
			if (entry < 0 && this.lists[-1 - entry] === value) return;
			this.freeList(entry);
		}
		this.entries[slot] = typeof value === 'number' ? value : this.keepList(value);
	}

	delete(hash: number): void {
		const mask = this.hashes.length - 1;
		let hole = this.slotOf(hash);
		if (this.hashes[hole] === 0) return;
		this.freeList(this.entries[hole]);
		this.filled--;
		// The slots after the hole, up to the next empty one, whose hash would no longer be found past the hole
		// move back into it, one after the other (no marker of a deleted slot is left to lengthen later look-ups).
		for (let next = (hole + 1) & mask; this.hashes[next] !== 0; next = (next + 1) & mask) {
			const home = this.hashes[next] & mask;
			if (((next - home) & mask) >= ((next - hole) & mask)) {
				this.hashes[hole] = this.hashes[next];
				this.entries[hole] = this.entries[next];
				hole = next;
			}
		}
		this.hashes[hole] = 0;
		this.entries[hole] = 0;
	}

	/** The slot holding a hash, or the empty slot where it would go. */
	private slotOf(hash: number): number {
		const mask = this.hashes.length - 1;
		let slot = hash & mask;
		while (this.hashes[slot] !== 0 && this.hashes[slot] !== hash) slot = (slot + 1) & mask;
		return slot;
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

	private grow(): void {
		const { hashes, entries } = this;
		this.hashes = new Int32Array(hashes.length * 2);
		this.entries = new Int32Array(hashes.length * 2);
		for (let i = 0; i < hashes.length; i++) {
			if (hashes[i] === 0) continue;
			const slot = this.slotOf(hashes[i]);
			this.hashes[slot] = hashes[i];
			this.entries[slot] = entries[i];
		}
	}
}
