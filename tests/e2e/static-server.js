// A plain static host for the built site, as python's http.server or nginx's default site behave: files as they
// are, a folder's index.html, a redirect that adds the slash to a folder's path, and a bare 404 for anything else
// (no `.html` added, no fallback page, so a page the build lacks fails here as on any host), all under an
// optional base path.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.csv': 'text/csv; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/** Serves `root` at http://127.0.0.1:<port><basePath>/ and resolves with { url, close }. */
export function serveStatic({ root = 'build', basePath = '', port = 0 } = {}) {
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://host');
		const pathname = decodeURIComponent(url.pathname);
		if (!pathname.startsWith(basePath + '/') && pathname !== basePath) {
			response.writeHead(404).end('Not found');
			return;
		}
		const relative = normalize(pathname.slice(basePath.length)).replace(/^(\.\.[/\\])+/, '');
		const path = join(root, relative);
		const folder = existsSync(path) && statSync(path).isDirectory();
		if (folder && !pathname.endsWith('/')) {
			response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		const file = folder ? join(path, 'index.html') : path;
		if (!existsSync(file) || !statSync(file).isFile()) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			resolve({
				url: `http://127.0.0.1:${address.port}${basePath}`,
				close: () => new Promise((done) => server.close(done))
			});
		});
	});
}
