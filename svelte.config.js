import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Any static host as it comes: every page is prerendered as a folder's index.html (see trailingSlash in
		// src/routes/+layout.ts), so no host needs a fallback page or a rewrite rule.
		// BUILD_DIR lets the e2e tests build a second copy under a sub-path without touching build/.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build'
		}),
		paths: { base: process.env.BASE_PATH ?? '' },
		// Prerendered pages carry this as a <meta> tag, with hashes of SvelteKit's own inline script.
		// Styles may be inline: Svelte and ag-grid's Theming API add <style> elements at run time.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'blob:', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
