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
	await page.getByText('<b onmouseover=alert(1)>clients</b>.csv').waitFor();
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
