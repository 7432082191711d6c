// The site the benchmark drives: the app's own build, copied with the benchmark's few browser files beside it
// (under /__bench/), and served as the e2e tests serve it. The app's source and build are never changed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/e2e/static-server.js';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(ROOT, 'build');
/** One copy per run, so two runs (a benchmark and `npm test`'s smoke run, say) never share it. */
const SITE = join(ROOT, 'bench', 'out', `site-${process.pid}`);
/** Where the benchmark's own browser files are served, next to the app. */
export const BENCH_PATH = '/__bench';

/** Newest modification time of anything under `path`. */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds the app when asked, or when build/ is missing or older than what it is built from. */
export function ensureBuild({ build } = {}) {
	const built = existsSync(join(BUILD, 'index.html')) ? statSync(join(BUILD, 'index.html')).mtimeMs : 0;
	const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
	const stale = Math.max(...sources.map((name) => newest(join(ROOT, name)))) > built;
	if (build === false) {
		if (!built) throw new Error('No build/ found: run `npm run build` first, or drop --no-build.');
		return false;
	}
	if (build !== true && !stale) return false;
	console.log(build === true ? 'Building the site…' : 'build/ is missing or older than src/: building…');
	try {
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
	} catch (error) {
		console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
		throw new Error('The build failed (its output is above).');
	}
	return true;
}

/** Copies build/ and the benchmark's browser files into this run's copy of the site. */
export function prepareSite() {
	rmSync(SITE, { recursive: true, force: true });
	cpSync(BUILD, SITE, { recursive: true });
	const own = join(SITE, BENCH_PATH);
	mkdirSync(own, { recursive: true });
	cpSync(join(ROOT, 'bench', 'browser', 'baseline-worker.js'), join(own, 'baseline-worker.js'));
	cpSync(require.resolve('papaparse/papaparse.min.js'), join(own, 'papaparse.min.js'));
	cpSync(join(dirname(require.resolve('dexie')), 'dexie.min.js'), join(own, 'dexie.min.js'));
}

/** Serves the copy; `close()` stops the server and removes the copy. */
export async function serveSite() {
	const server = await serveStatic({ root: SITE, basePath: process.env.BASE_PATH ?? '' });
	return {
		url: server.url,
		async close() {
			await server.close();
			rmSync(SITE, { recursive: true, force: true });
		}
	};
}
