// The app lives in the browser (IndexedDB, workers): no server rendering; every page is a prerendered shell.
// Each page is a folder (clients/index.html, served at /clients/): any static host serves a folder's index.html,
// and redirects /clients to /clients/, with no configuration. A page for one client takes its id from the
// query string (clients/view/?id=…), so it is a file too.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'always';
