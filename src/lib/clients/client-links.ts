// Where one client's pages are: a single prerendered page each, the client named by the id in the query string,
// so a static host serves them as files (no fallback page, no rewrite rule).
import { resolve } from '$app/paths';

export const clientPageHref = (id: string) => resolve(`/clients/view/?id=${encodeURIComponent(id)}`);
export const editClientHref = (id: string) => resolve(`/clients/edit/?id=${encodeURIComponent(id)}`);
