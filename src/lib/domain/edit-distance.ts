// How far apart two texts are in typos: letters added, dropped or changed, or two neighbours swapped.

/** Three rows of the edit-distance table, reused: a typo search compares thousands of names. */
let tableRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Letters that differ between two texts (one added, dropped, changed, or two neighbours swapped: `clientnmae`
 * is one edit from `clientname`); past `max`, some number above it (`max + 1` once the search stops early): a
 * bound keeps a search of every zone or country name cheap.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	// What both start and end with costs nothing: zone names share their area (`america `).
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
	if (start > 0 || end > 0) return editDistance(a.slice(start, a.length - end), b.slice(start, b.length - end), max);
	if (tableRows[0].length <= b.length) tableRows = tableRows.map(() => new Int32Array(2 * b.length + 2));
	let [before, previous, current] = tableRows;
	for (let j = 0; j <= b.length; j++) previous[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let least = i;
		for (let j = 1; j <= b.length; j++) {
			let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
			current[j] = d;
			if (d < least) least = d;
		}
		if (least > max) return max + 1;
		[before, previous, current] = [previous, current, before];
	}
	return previous[b.length];
}
