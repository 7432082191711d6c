// The parse baseline: papaparse alone reading the same File in a plain worker, with its own defaults (10 MB
// chunks, delimiter and newline detected): no decoding choice, no checks, nothing sent back but the count.
/* global Papa */
importScripts('papaparse.min.js');

self.onmessage = (event) => {
	const started = performance.now();
	let records = 0;
	Papa.parse(event.data.file, {
		chunk: (results) => {
			records += results.data.length;
		},
		complete: () => self.postMessage({ records, ms: performance.now() - started }),
		error: (error) => self.postMessage({ error: String(error?.message ?? error) })
	});
};
