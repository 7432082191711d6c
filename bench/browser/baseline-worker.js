// The parse baseline: papaparse alone reading the same File in a plain worker, with its own defaults (10 MB
// chunks, delimiter and newline detected): no decoding choice, no checks, nothing sent back but the count.
// Warmed as the app's parse worker is, before the clock starts: asked first for `{ warmUp: true }`, it reads a
// small file made up here, so papaparse's code is compiled and running when the file comes.
/* global Papa */
importScripts('papaparse.min.js');

/** As many rows as the app's warm-up file (src/lib/import/reader-warm-up.ts), as wide as the template. */
const WARM_UP_ROWS = 200;
const COLUMNS = 19;

function warmUpFile() {
	const header = Array.from({ length: COLUMNS }, (_, i) => `Column${i}`).join(',');
	const rows = Array.from({ length: WARM_UP_ROWS }, (_, row) =>
		Array.from({ length: COLUMNS }, (_, i) => `value ${row}.${i}`).join(',')
	);
	return new Blob([[header, ...rows].join('\r\n')]);
}

self.onmessage = (event) => {
	const started = performance.now();
	let records = 0;
	Papa.parse(event.data.warmUp ? warmUpFile() : event.data.file, {
		chunk: (results) => {
			records += results.data.length;
		},
		complete: () => self.postMessage({ records, ms: performance.now() - started }),
		error: (error) => self.postMessage({ error: String(error?.message ?? error) })
	});
};
