// A plain static host for the built site, as any web server would be: files from build/, `.html` added to
// extension-less paths, 404.html (the SPA fallback) for everything else, everything under an optional base path.
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
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
		if (!pathname.startsWith(basePath + '/') && pathname !== basePath) {
			response.writeHead(404).end('Not found');
			return;
		}
		const relative = normalize(pathname.slice(basePath.length)).replace(/^(\.\.[/\\])+/, '');
		const candidates = [join(root, relative), join(root, relative, 'index.html'), join(root, `${relative}.html`)];
		const file = candidates.find((path) => existsSync(path) && statSync(path).isFile());
		const status = file ? 200 : 404;
		const served = file ?? join(root, '404.html');
		response.writeHead(status, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
		createReadStream(served).pipe(response);
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
