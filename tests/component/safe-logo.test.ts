import { describe, expect, it } from 'vitest';
import { safeLogo, sanitiseSvg } from '$lib/components/safe-logo';

const svg = (body: string, attributes = '') =>
	`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${body}</svg>`;

/** Every way the drawing could still run script. */
function expectInert(clean: string) {
	expect(clean).not.toMatch(/<script/i);
	expect(clean).not.toMatch(/\son[a-z]+=/i);
	expect(clean).not.toMatch(/javascript:/i);
	expect(clean).not.toMatch(/foreignObject/i);
	expect(clean).not.toMatch(/<(html|body|iframe|img|embed|object)\b/i);
}

describe('an SVG logo, sanitised', () => {
	it.each([
		['a <script>', svg('<script>window.__pwned = 1</script><rect width="10" height="10" fill="red"/>')],
		[
			'a CDATA script',
			svg('<script><![CDATA[ indexedDB.open("client-import") ]]></script><rect width="10" height="10"/>')
		],
		['onload on the root', svg('<rect width="10" height="10"/>', ' onload="window.__pwned = 2"')],
		['an event handler on a shape', svg('<rect width="10" height="10" onclick="alert(1)" onmouseover="alert(2)"/>')],
		['a javascript: link', svg('<a href="javascript:window.__pwned=3"><rect width="10" height="10"/></a>')],
		['a javascript: xlink', svg('<a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>')],
		[
			'a foreignObject with HTML',
			svg(
				'<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned=4"/><iframe src="javascript:alert(1)"></iframe></body></foreignObject><rect width="10" height="10"/>'
			)
		],
		[
			'an animated href',
			svg('<a><animate attributeName="href" to="javascript:alert(1)"/><rect width="10" height="10"/></a>')
		],
		['a set handler', svg('<rect width="10" height="10"><set attributeName="onmouseover" to="alert(1)"/></rect>')]
	])('keeps the drawing and drops %s', async (_, dirty) => {
		const clean = await sanitiseSvg(dirty);
		expect(clean).toBeDefined();
		expectInert(clean!);
		expect(clean).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(clean).toMatch(/<rect /);
	});

	it('is well-formed XML that still draws the same shapes, styles, gradients and inner links', async () => {
		const dirty = svg(
			'<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><style>.a{fill:url(#g)}</style></defs>' +
				'<path class="a" d="M0 0h10v10z"/><use href="#g"/><use xlink:href="#g"/><text x="1" y="9">Acme &amp; Co&#160;Ltd</text>'
		);
		const clean = (await sanitiseSvg(dirty))!;
		const parsed = new DOMParser().parseFromString(clean, 'image/svg+xml');
		expect(parsed.querySelector('parsererror')).toBeNull();
		expect(parsed.querySelector('linearGradient')).not.toBeNull();
		expect(parsed.querySelector('style')?.textContent).toBe('.a{fill:url(#g)}');
		expect(parsed.querySelector('path')?.getAttribute('d')).toBe('M0 0h10v10z');
		expect(parsed.querySelectorAll('use')).toHaveLength(2);
		expect(parsed.querySelector('text')?.textContent).toBe('Acme & Co\u00a0Ltd');
	});

	it('takes out links and images that would fetch from elsewhere when the logo is opened on its own', async () => {
		const clean = (await sanitiseSvg(
			svg(
				'<image href="https://tracker.example/p.png" width="1" height="1"/><a href="https://evil.example"><rect width="1" height="1"/></a><use href="https://evil.example/s.svg#x"/>'
			)
		))!;
		expect(clean).not.toMatch(/example/);
		const embedded = (await sanitiseSvg(
			svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>')
		))!;
		expect(embedded).toContain('data:image/png;base64,iVBORw0KGgo=');
	});

	it('gives nothing back when no drawing is left', async () => {
		expect(await sanitiseSvg('<script>alert(1)</script>')).toBeUndefined();
		expect(await sanitiseSvg('not an svg at all')).toBeUndefined();
	});
});

describe('safeLogo', () => {
	it('keeps a raster image as it is and gives an SVG back sanitised, as an SVG', async () => {
		const png = new Blob(['png'], { type: 'image/png' });
		expect(await safeLogo(png)).toBe(png);
		const logo = (await safeLogo(
			new Blob([svg('<script>x()</script><rect width="1" height="1"/>')], { type: 'image/svg+xml' })
		))!;
		expect(logo.type).toBe('image/svg+xml');
		expectInert(await logo.text());
	});

	it('shows no logo of another type, such as HTML restored from a doctored backup', async () => {
		expect(await safeLogo(new Blob(['<script>x()</script>'], { type: 'text/html' }))).toBeUndefined();
		expect(await safeLogo(new Blob(['<svg><script>x()</script></svg>'], { type: '' }))).toBeUndefined();
	});
});
