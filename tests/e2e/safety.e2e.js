// Nothing unsafe: values are text, never HTML; CSVs written are formula-safe; a CSP is in force; and the app
// asks nothing of any origin but its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { downloadText, openPage, startApp, fixture } from './harness.js';

const [HEADER, FIRST_ROW] = readFileSync(fixture('clients-valid.csv'), 'utf8').split(/\r?\n/);
const ATTACK = '<img src=x onerror="window.__pwned=1">';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

test('HTML in a file, a file name and a form is shown as text and never runs', async () => {
	const { page, context, consoleErrors, foreignRequests } = await openPage(app, '/import');
	let dialogs = 0;
	page.on('dialog', async (dialog) => {
		dialogs++;
		await dialog.dismiss();
	});
	const row = FIRST_ROW.replace(/^[^,]+/, `"${ATTACK.replace(/"/g, '""')}"`).replace(
		/,Asia\/Kolkata,/,
		',<script>window.__pwned=2</script>,'
	);
	await page.locator('input[type=file]').setInputFiles({
		name: '<b onmouseover=alert(1)>clients</b>.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`${HEADER}\n${row}\n`)
	});
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	await page.getByText('<b onmouseover=alert(1)>clients</b>.csv', { exact: true }).waitFor();
	await page.getByRole('heading', { name: 'Review of <b onmouseover=alert(1)>clients</b>.csv' }).waitFor();
	await page.getByRole('gridcell', { name: ATTACK }).waitFor();
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await page
		.getByRole('complementary', { name: 'Selected cell' })
		.getByText('<script>window.__pwned=2</script>')
		.first()
		.waitFor();
	await page.getByRole('gridcell', { name: '<script>window.__pwned=2</script>' }).hover();
	await page
		.locator('.ag-tooltip')
		.getByText(/Timezone "<script>window.__pwned=2<\/script>"/)
		.waitFor();

	await page.goto(app.url + '/clients/new/');
	await page.getByLabel(/^Client name/).fill(ATTACK);
	await page.getByLabel(/^Primary contact email/).fill('<svg onload=alert(1)>');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('alert').getByText('"<svg onload=alert(1)>" is not a valid email address').first().waitFor();

	assert.equal(await page.evaluate(() => 'window.__pwned' in window && window.__pwned), false);
	assert.equal(await page.locator('img[src="x"], b[onmouseover], svg[onload]').count(), 0);
	assert.equal(dialogs, 0);
	assert.deepEqual(consoleErrors, []);
	assert.deepEqual(foreignRequests, []);
	await context.close();
});

test('every page runs under a Content-Security-Policy, with no violation during an import', async () => {
	const { page, context, consoleErrors, foreignRequests } = await openPage(app, '/import');
	const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	for (const directive of [
		"script-src 'self' 'sha256-",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"connect-src 'self'"
	]) {
		assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
	}
	assert.ok(!/script-src[^;]*unsafe-inline/.test(csp), 'no inline script without a hash');
	await page.getByRole('button', { name: 'Try with an example file' }).click();
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	await page.getByRole('button', { name: /Import valid rows only/ }).click();
	await page
		.getByRole('dialog')
		.getByRole('button', { name: /^Import \d+ clients$/ })
		.click();
	await page.getByRole('heading', { name: /^Imported \d+ clients/ }).waitFor();
	await page.goto(app.url + '/clients/');
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	assert.deepEqual(consoleErrors, []);
	assert.deepEqual(foreignRequests, []);
	await context.close();
});

test('the error report neutralises formula-like cells', async () => {
	const { page, context } = await openPage(app, '/import');
	const evil = FIRST_ROW.replace(/^[^,]+/, '=HYPERLINK("http://evil.example";"x")').replace(
		/,Asia\/Kolkata,/,
		',@SUM(A1),'
	);
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${evil}\n`) });
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	const report = await downloadText(page, () => page.getByRole('button', { name: 'Download error report' }).click());
	assert.match(report.text, /,'@SUM\(A1\),/);
	assert.doesNotMatch(report.text, /(^|,)[=+\-@]/m);
	await context.close();
});

/** An SVG logo with every way we know to run script when it is opened as a page of its own. */
const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 20" onload="window.__pwned='onload'">
<script>window.__pwned = 'script'; indexedDB.open('client-import').onsuccess = () => { document.title = 'pwned: read IndexedDB'; };</script>
<foreignObject width="20" height="20"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned='foreignObject'"/></body></foreignObject>
<a id="link" href="javascript:window.__pwned='link'" xlink:href="javascript:window.__pwned='xlink'"><rect width="20" height="20" fill="teal" onclick="window.__pwned='onclick'"/></a>
</svg>`;

/** Opens a URL in a new tab of the same browser profile and reports whether any of the SVG's script ran. */
async function scriptRanIn(context, url) {
	const tab = await context.newPage();
	await tab.goto(url);
	await tab.evaluate(() => document.addEventListener('click', () => (window.__clickSeen = true), { capture: true }));
	await tab.mouse.click(10, 10); // the link and the rect's onclick, if they survived
	// The click reached the document; then a frame and a task later, what it set off (a handler, a javascript:
	// link) has run, if anything could.
	await tab.waitForFunction(() => window.__clickSeen === true);
	await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
	const ran = await tab.evaluate(() => ({
		pwned: /** @type {any} */ (window).__pwned ?? null,
		title: document.title,
		scripts: document.querySelectorAll('script, foreignObject').length,
		handlers: [...document.querySelectorAll('*')].flatMap((el) =>
			[...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => a.name)
		)
	}));
	await tab.close();
	return ran;
}

test('an SVG logo cannot run script, not even opened on its own in a tab', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/clients/new');
	await page.getByLabel(/^Client name/).fill('Vector Co');
	await page.getByLabel(/^Primary contact first name/).fill('Maria');
	await page.getByLabel(/^Primary contact last name/).fill('Garcia');
	await page.getByLabel(/^Primary contact email/).fill('maria@vector.example');
	await page.getByLabel(/^Site name/).fill('Headquarters');
	const country = page.getByRole('combobox', { name: 'Country', exact: true });
	await country.pressSequentially('United States');
	await country.press('Enter');
	await page
		.getByLabel('Company logo')
		.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(HOSTILE_SVG) });
	await page.getByRole('img', { name: 'Logo preview' }).waitFor();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('heading', { level: 1, name: 'Vector Co' }).waitFor();

	// The stored logo, as the client's page shows it: drawn, and inert when opened as a page of its own.
	const logo = page.getByRole('img', { name: 'Vector Co logo' });
	await logo.waitFor();
	assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo is drawn');
	const url = await logo.getAttribute('src');
	assert.match(url, /^blob:/);
	assert.deepEqual(await scriptRanIn(context, url), { pwned: null, title: '', scripts: 0, handlers: [] });

	// The stored Blob itself is the sanitised one, whatever shows it.
	const stored = await page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('client-import');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const read = open.result.transaction('clients').objectStore('clients').getAll();
					read.onsuccess = async () => {
						const client = read.result.find((c) => c.name === 'Vector Co');
						resolve({ type: client.logo.type, text: await client.logo.text() });
					};
				};
			})
	);
	assert.equal(stored.type, 'image/svg+xml');
	assert.match(stored.text, /<rect /);
	assert.doesNotMatch(stored.text, /script|foreignObject|onload|onclick|onerror|javascript:/i);
	// Chromium reports the file's handlers as refused by the CSP when the sanitiser parses it: nothing else.
	assert.deepEqual(
		consoleErrors.filter((error) => !error.startsWith('Executing inline event handler violates')),
		[]
	);
	await context.close();
});
