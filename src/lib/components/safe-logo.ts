// A logo that cannot run script, even opened on its own in a tab: its object URL shares the app's origin,
// so an SVG with a <script>, an event handler or a javascript: link would run there and could read
// IndexedDB. SVGs are sanitised with DOMPurify's SVG profile when chosen, and again before any is shown
// (a logo stored earlier or restored from a backup); a logo of any type but the four allowed is never shown.
import type { DOMPurify } from 'dompurify';
import { LOGO_TYPES } from '$lib/domain/client-extras';

const SVG = 'image/svg+xml';

let purifier: DOMPurify | undefined;

/** DOMPurify on this window, loaded when a logo first needs it; its own instance so the hook stays ours. */
async function loadPurifier(): Promise<DOMPurify> {
	if (purifier) return purifier;
	const { default: createDOMPurify } = await import('dompurify');
	const instance = createDOMPurify(window);
	// A link or image may point inside the drawing or hold an embedded image, nothing else: a logo opened in a
	// tab then never fetches from elsewhere, and no URL scheme DOMPurify lets through can run anything.
	instance.addHook('afterSanitizeAttributes', (node) => {
		for (const name of ['href', 'xlink:href']) {
			const value = node.getAttribute(name)?.trim();
			if (value !== undefined && !value.startsWith('#') && !/^data:image\/(png|jpeg|gif|webp);/i.test(value)) {
				node.removeAttribute(name);
			}
		}
	});
	purifier = instance;
	return instance;
}

/** The SVG text with everything that could run script taken out, or undefined when no drawing is left. */
export async function sanitiseSvg(text: string): Promise<string | undefined> {
	const purify = await loadPurifier();
	const fragment = purify.sanitize(text, {
		USE_PROFILES: { svg: true, svgFilters: true },
		// <use> repeats a shape of the drawing itself (the hook above keeps its reference inside it).
		ADD_TAGS: ['use'],
		RETURN_DOM_FRAGMENT: true
	});
	const svg = fragment.querySelector('svg');
	// As XML, so the result is a well-formed SVG file (an HTML serialisation may not parse as one).
	return svg ? new XMLSerializer().serializeToString(svg) : undefined;
}

/** The logo as it may be stored and shown: a raster image as it is, an SVG sanitised; undefined if unusable. */
export async function safeLogo(logo: Blob): Promise<Blob | undefined> {
	if (!(LOGO_TYPES as readonly string[]).includes(logo.type)) return undefined;
	if (logo.type !== SVG) return logo;
	const clean = await sanitiseSvg(await logo.text());
	return clean === undefined ? undefined : new Blob([clean], { type: SVG });
}
