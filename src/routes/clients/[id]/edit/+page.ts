// A client's id is known only in the browser: this page is served by the SPA fallback, not prerendered.
export const prerender = false;
