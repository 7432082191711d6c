// Rows of strings packed as one string and the lengths of its values, for posting between workers: cloning
// one long string and transferring one buffer costs far less than cloning a hundred thousand small strings.

export interface PackedRows {
	text: string;
	/** Per row, per value, its length in UTF-16 code units; every row has `width` values. */
	lengths: Uint32Array;
	width: number;
}

export function packRows(rows: readonly (readonly string[])[], width: number): PackedRows {
	const lengths = new Uint32Array(rows.length * width);
	const parts: string[] = [];
	let i = 0;
	for (const row of rows) {
		for (let c = 0; c < width; c++) {
			const value = row[c] ?? '';
			lengths[i++] = value.length;
			parts.push(value);
		}
	}
	return { text: parts.join(''), lengths, width };
}

export function unpackRows({ text, lengths, width }: PackedRows): string[][] {
	const rows: string[][] = [];
	let offset = 0;
	for (let i = 0; i < lengths.length; i += width) {
		const row = new Array<string>(width);
		for (let c = 0; c < width; c++) {
			const end = offset + lengths[i + c];
			row[c] = text.slice(offset, end);
			offset = end;
		}
		rows.push(row);
	}
	return rows;
}
