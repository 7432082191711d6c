// Nothing is lost: a killed tab, another tab's client, another tab's upgrade.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { downloadText, fixture, openPage, resetDemoData, startApp, watchConsole } from './harness.js';

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const summary = async (page) => (await page.locator('.summary').innerText()).replace(/\s+/g, ' ');

test('a tab killed during a review comes back to the same review, with every edit', async () => {
	const { page, context } = await openPage(app, '/import');
	await page.getByRole('button', { name: 'Try with an example file' }).click();
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	const details = page.getByRole('complementary', { name: 'Selected cell' });
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await details.getByText('Row 2 · ClientName').waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.ag-cell-inline-editing input').fill('Contoso Dental Group Manhattan');
	await page.keyboard.press('Enter');
	await details.getByText('No problem here.').waitFor();
	await page.getByText('Your review is saved in this browser.').waitFor();
	const before = await summary(page);

	// Not a polite reload: the renderer is crashed.
	const cdp = await context.newCDPSession(page);
	const crashed = page.waitForEvent('crash');
	cdp.send('Page.crash').catch(() => {});
	await crashed;

	const again = await context.newPage();
	const errors = watchConsole(again);
	await again.goto(app.url + '/import');
	await again.getByRole('heading', { name: 'Resume your review?' }).waitFor();
	await again.getByRole('button', { name: 'Resume' }).click();
	await again.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	assert.equal(await summary(again), before);
	await again.getByRole('gridcell', { name: 'Contoso Dental Group Manhattan' }).waitFor();
	assert.deepEqual(errors, []);
	await context.close();
});

test('a client added in another tab during a review is noticed by the commit, which writes nothing', async () => {
	const { page, context } = await openPage(app, '/import');
	await page.locator('input[type=file]').setInputFiles(fixture('clients-valid.csv'));
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();

	const other = await context.newPage();
	await other.goto(app.url + '/clients/new');
	await other.getByLabel(/^Client name/).fill('Falcon Falcon Motors 33248');
	await other.getByLabel(/^Primary contact first name/).fill('Ann');
	await other.getByLabel(/^Primary contact last name/).fill('Lee');
	await other.getByLabel(/^Primary contact email/).fill('ann@other-tab.example');
	await other.getByLabel(/^Site name/).fill('HQ');
	const country = other.getByRole('combobox', { name: 'Country', exact: true });
	await country.pressSequentially('India');
	await country.press('Enter');
	await other.getByRole('button', { name: 'Save', exact: true }).click();
	await other.getByRole('heading', { level: 1, name: 'Falcon Falcon Motors 33248' }).waitFor();
	await other.close();

	await page.getByRole('button', { name: 'Import 50 clients' }).click();
	await page
		.getByRole('alert')
		.getByText(/Nothing was imported: row 2 no longer fits the workspace/)
		.waitFor();
	// The row naming the client saved meanwhile is now its update, for the admin to see before importing again.
	await page
		.getByRole('region', { name: 'This file names existing clients' })
		.getByRole('status')
		.filter({ hasText: /^\s*49\s+new\s+·\s+1\s+updated\s+·\s+0\s+unchanged\s*$/ })
		.waitFor();
	assert.match(await summary(page), /^50 rows 0 rows with errors 0 errors\b/);
	const count = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const request = indexedDB.open('client-import');
				request.onsuccess = () => {
					const c = request.result.transaction('clients').objectStore('clients').count();
					c.onsuccess = () => {
						resolve(c.result);
						request.result.close();
					};
				};
			})
	);
	assert.equal(count, 1);
	await context.close();
});

test('an upgrade from another tab tells this tab to reload instead of hanging', async () => {
	const { page, context } = await openPage(app, '/technicians');
	await page.getByRole('cell', { name: 'Alice Johnson', exact: true }).waitFor();
	const other = await context.newPage();
	await other.goto(app.url + '/no-app-here');
	const upgraded = await other.evaluate(
		() =>
			new Promise((resolve) => {
				const request = indexedDB.open('client-import', 1000);
				request.onupgradeneeded = () => {};
				request.onsuccess = () => {
					resolve('upgraded');
					request.result.close();
				};
				request.onblocked = () => resolve('blocked');
			})
	);
	assert.equal(upgraded, 'upgraded');
	await page
		.getByRole('alert')
		.getByText('This app was updated in another tab, so this tab must reload to go on.')
		.waitFor();
	await context.close();
});

test('a workspace backup restores every client after a reset, and persistent storage is shown', async () => {
	const { page, context } = await openPage(app, '/import');
	await page.locator('input[type=file]').setInputFiles(fixture('clients-valid.csv'));
	await page.getByRole('button', { name: 'Import 50 clients' }).click();
	await page.getByRole('heading', { name: 'Imported 50 clients', exact: true }).waitFor();

	await page.goto(app.url + '/settings');
	await page
		.getByText(/^Persistent storage:/)
		.getByText(/granted|not granted|not supported/)
		.waitFor();
	const backup = await downloadText(page, () => page.getByRole('button', { name: 'Back up workspace' }).click());
	assert.match(backup.name, /^client-import-backup-\d{4}-\d{2}-\d{2}\.json$/);

	await resetDemoData(page);
	await page.getByRole('status').getByText('The demo workspace is back').waitFor();

	await page
		.getByLabel('Restore from backup…')
		.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
	await page
		.getByRole('alert')
		.getByText(/This file is not a valid workspace backup/)
		.waitFor();
	await page
		.getByLabel('Restore from backup…')
		.setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
	const dialog = page.getByRole('dialog', { name: 'Restore from backup?' });
	await dialog.getByText(/:\s+50 clients, 8 technicians and\s+5 groups\./).waitFor();
	await dialog.getByRole('button', { name: 'Replace everything' }).click();
	await page.getByRole('status').getByText(`Restored the workspace from ${backup.name}.`).waitFor();
	await page.goto(app.url + '/');
	await page.getByText('50 clients · 8 technicians · 5 groups', { exact: true }).waitFor();
	await context.close();
});
