// A client's page is not prerendered (its id is only known in the browser): 404.html, the SPA fallback,
// serves it.
export const prerender = false;
