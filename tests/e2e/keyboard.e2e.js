// The wizard by keyboard alone: choose the example file, go to the next problem, fix it, import.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startApp } from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** Presses Tab until the focused element's text or label matches; fails after 80 presses. */
async function tabTo(page, name) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement;
			return (el?.getAttribute('aria-label') || el?.textContent || '').trim();
		});
		if (name instanceof RegExp ? name.test(focused) : focused === name) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

test('choose the example, go to the next problem, fix it and import, without the mouse', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await page.getByRole('heading', { name: 'Choose a CSV file' }).waitFor();
	await tabTo(page, 'Try with an example file');
	await page.keyboard.press('Enter');
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();

	// The keyboard is at the review's heading; F8 goes to the first problem.
	await page.waitForFunction(() => document.activeElement?.id === 'review-title');
	await page.keyboard.press('F8');
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await details.getByText('Row 2 · ClientName').waitFor();
	await page.locator('.summary').getByText('9 rows with errors', { exact: true }).waitFor();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Contoso Dental Group Manhattan');
	await page.keyboard.press('Enter');
	await details.getByText('No problem here.').waitFor();
	await page.locator('.summary').getByText('7 rows with errors', { exact: true }).waitFor();

	await tabTo(page, /^Import valid rows only/);
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Import valid rows only?' });
	await dialog.waitFor();
	await tabTo(page, 'Import 5 clients');
	await page.keyboard.press('Enter');
	await page.getByRole('heading', { name: 'Imported 5 clients (7 skipped)', exact: true }).waitFor();
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('Next problem wraps around past the last problem, and says so', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/import');
	await page.getByRole('button', { name: 'Try with an example file' }).click();
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	// Previous from nowhere: the last problem.
	await page.keyboard.press('Shift+F8');
	await details.getByText(/^Row \d+ · /).waitFor();
	const last = await details.getByText(/^Row \d+ · /).innerText();
	assert.notEqual(last, 'Row 2 · ClientName');
	await page.keyboard.press('F8');
	await details.getByText('Row 2 · ClientName', { exact: true }).waitFor();
	await page.getByRole('status').getByText('Back to the first problem: there is none after the last one.').waitFor();
	await page.keyboard.press('Shift+F8');
	await details.getByText(last, { exact: true }).waitFor();
	await page.getByRole('status').getByText('Back to the last problem: there is none before the first one.').waitFor();
	assert.deepEqual(consoleErrors, []);
	await context.close();
});
