// The app lives in the browser (IndexedDB, workers): no server rendering; every page is a prerendered shell.
export const ssr = false;
export const prerender = true;
