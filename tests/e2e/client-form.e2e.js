// The new-client form and custom fields, end to end: filled as a user would, saved, found, edited, deleted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, downloadText, openPage, startApp } from './harness.js';

// A 1×1 PNG.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function fillRequired(page, name, email) {
	await page.getByLabel(/^Client name/).fill(name);
	await page.getByLabel(/^Primary contact first name/).fill('Maria');
	await page.getByLabel(/^Primary contact last name/).fill('Garcia');
	await page.getByLabel(/^Primary contact email/).fill(email);
	await page.getByLabel(/^Site name/).fill('Headquarters');
	await choose(page, 'Country', 'United States');
}

/** Chooses in one of the form's pickers as a person does: types what they call it, then takes the best match. */
async function choose(page, label, typed, key = 'Enter') {
	const box = page.getByRole('combobox', { name: label, exact: typeof label === 'string' });
	await box.fill('');
	await box.pressSequentially(typed);
	await box.press(key);
}

test('the pickers take what a person names, best match first, on Enter or Tab; Escape restores', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/clients/new');
	await page.getByRole('heading', { name: 'Client details' }).waitFor();
	const country = page.getByRole('combobox', { name: 'Country', exact: true });
	const zone = page.getByRole('combobox', { name: /^Timezone/ });
	for (const [typed, shown] of [
		['India', 'IN · India'],
		['UK', 'GB · United Kingdom'],
		['USA', 'US · United States'],
		['United States', 'US · United States']
	]) {
		await choose(page, 'Country', typed);
		assert.equal(await country.inputValue(), shown, typed);
	}
	await choose(page, 'State or region', 'new york');
	assert.equal(await page.getByRole('combobox', { name: 'State or region' }).inputValue(), 'New York');
	await choose(page, /^Timezone/, 'chicago');
	assert.match(await zone.inputValue(), /^America\/Chicago /);

	await choose(page, 'Country', 'Germany', 'Tab');
	assert.equal(await country.inputValue(), 'DE · Germany');
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-State');
	await choose(page, 'Country', 'united kingdom', 'Enter');
	assert.equal(await country.inputValue(), 'GB · United Kingdom');
	assert.match(await zone.inputValue(), /^Europe\/London /);
	await choose(page, /^Timezone/, 'Berlin', 'Tab');
	assert.match(await zone.inputValue(), /^Europe\/Berlin /);

	// The open list passes axe too; Escape closes it and puts the value back.
	await zone.fill('');
	await zone.pressSequentially('tokyo');
	await page.getByRole('option', { name: /^Asia\/Tokyo/ }).waitFor();
	if (process.env.SCREENSHOT_DIR)
		await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/form-pickers.png`, fullPage: true });
	assert.deepEqual(await axeViolations(page), [], 'the open list');
	await zone.press('Escape');
	assert.match(await zone.inputValue(), /^Europe\/Berlin /);
	assert.equal(await zone.getAttribute('aria-expanded'), 'false');
	assert.deepEqual(await axeViolations(page), []);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a client is filled in with keyboard and mouse, saved, found, edited and deleted', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/clients/new');
	await page.getByRole('heading', { name: 'Client details' }).waitFor();

	// Keyboard: type and tab through the first fields.
	await page.getByLabel(/^Client name/).click();
	await page.keyboard.type('Contoso Dental Group');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Maria');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Garcia');
	await page.keyboard.press('Tab');
	await page.keyboard.type('maria@contoso-dental.example');
	await page.keyboard.press('Tab');
	await page.keyboard.type('+1');
	await page.keyboard.press('Tab');
	await page.keyboard.type('2125550188');

	// Mouse: the rest.
	await page.getByLabel('Company logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('img', { name: 'Logo preview' }).waitFor();
	await page.getByLabel(/^Site name/).fill('Headquarters');
	await page.getByLabel('City').fill('New York');
	await choose(page, 'Country', 'us');
	await choose(page, 'State or region', 'ny');
	await choose(page, /^Timezone/, 'new york');
	await page.getByRole('checkbox', { name: 'Saturday' }).check();
	await page.getByLabel('Saturday opens at').fill('10:00');
	await page.getByLabel('Saturday closes at').fill('14:00');
	await page.getByRole('button', { name: 'Add holiday' }).click();
	await page.locator('#holiday-0-date').fill('2026-12-25');
	await page.locator('#holiday-0-name').fill('Christmas Day');
	await page.getByLabel('Email domains').fill('contoso-dental.example');
	await page.getByLabel('Email domains').press('Enter');
	await choose(page, 'Account manager', 'alice.johnson@');
	await page.getByLabel('Service Desk').check();
	await page.getByRole('button', { name: 'Add property' }).click();
	await page.locator('#property-0-name').fill('Door code');
	await page.locator('#property-0-value').fill('4711');
	assert.deepEqual(await axeViolations(page), [], 'the form');

	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('heading', { level: 1, name: 'Contoso Dental Group' }).waitFor();
	await page.getByText('Christmas Day').waitFor();
	await page.getByText('Door code').waitFor();
	await page.getByRole('img', { name: /logo/i }).waitFor();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true }).click();
	await page.getByRole('link', { name: 'Contoso Dental Group' }).click();
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('City').fill('Brooklyn');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page.getByRole('heading', { level: 1, name: 'Contoso Dental Group' }).waitFor();
	await page.getByText('Brooklyn').waitFor();

	await page.getByRole('button', { name: 'Delete' }).click();
	await page
		.getByRole('dialog')
		.getByRole('button', { name: /Delete/ })
		.click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	assert.equal(await page.getByRole('link', { name: 'Contoso Dental Group' }).count(), 0);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('leaving the form asks first while it holds a change, and not once the change is undone', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/clients/new');
	await page.getByRole('heading', { name: 'Client details' }).waitFor();
	const questions = [];
	page.on('dialog', async (dialog) => {
		questions.push(dialog.message());
		await dialog.dismiss();
	});
	const clients = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true });

	await page.getByRole('button', { name: 'Add holiday' }).click();
	await Promise.all([page.waitForEvent('dialog'), clients.click()]);
	assert.deepEqual(questions, ['You have unsaved changes to this client. Leave without saving?']);
	await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();

	await page.getByRole('button', { name: 'Remove holiday 1' }).click();
	await clients.click();
	await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
	assert.equal(questions.length, 1, 'no question once the form is as it was');
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a duplicate client name is refused with a message', async () => {
	const { page, context } = await openPage(app, '/clients/new');
	await fillRequired(page, 'Fabrikam', 'anna@fabrikam.example');
	await page.getByRole('button', { name: 'Save and add another' }).click();
	await page.getByRole('status').getByText('Saved Fabrikam. Add the next client.').waitFor();
	await fillRequired(page, '  FABRIKAM ', 'other@fabrikam.example');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page
		.getByRole('alert')
		.getByRole('link', {
			name: 'A client named "Fabrikam" already exists in this workspace: rename this one, or remove the row.'
		})
		.waitFor();
	await context.close();
});

test('a custom field shows in the form, in the sample CSV, and is checked in an import', async () => {
	const { page, context } = await openPage(app, '/settings');
	await page.getByLabel('Field name').fill('Contract tier');
	await page.getByLabel('Type').selectOption('dropdown');
	await page.getByLabel('Options, one per line').fill('Bronze\nSilver\nGold');
	await page.getByRole('button', { name: 'Add field' }).click();
	await page.getByRole('cell', { name: 'Contract tier', exact: true }).waitFor();

	await page.goto(app.url + '/clients/new');
	await page.getByLabel('Contract tier').selectOption('Gold');

	await page.goto(app.url + '/import');
	const { text } = await downloadText(page, () => page.getByRole('button', { name: 'Download sample CSV' }).click());
	const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
	assert.match(header, /,TechnicianGroups,Contract tier$/);
	assert.match(row, /,Bronze$/);

	const csv = `${header}\r\n${row.replace(/,Bronze$/, ',Platinum')}\r\n`;
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'tiers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.getByRole('toolbar', { name: 'Review tools' }).waitFor();
	await page.getByRole('button', { name: 'Next problem (F8)' }).click();
	await page
		.getByRole('complementary', { name: 'Selected cell' })
		.getByText('Contract tier "Platinum" is not one of its options: "Bronze", "Silver", "Gold".')
		.waitFor();
	await context.close();
});

test('a form with errors passes axe’s WCAG 2.2 AA rules, its summary links large enough to tap', async () => {
	const { page } = await openPage(app, '/clients/new/');
	await page.getByRole('heading', { name: 'Client details' }).waitFor();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	const summary = page
		.getByRole('alert')
		.filter({ has: page.getByRole('heading', { name: /problems? needs? fixing/ }) });
	await summary.getByRole('link').first().waitFor();
	const box = await summary.getByRole('link').first().boundingBox();
	assert.ok(box && box.height >= 24, `a summary link is ${box?.height} px tall`);
	assert.deepEqual(await axeViolations(page), []);
});

test('the form offers the grid’s one-click fix beside a field’s problem: a phone with its calling code', async () => {
	const { page, consoleErrors } = await openPage(app, '/clients/new/');
	await fillRequired(page, 'Berlin Dental', 'info@berlin-dental.example');
	const phone = page.getByLabel(/^Phone number/);
	await phone.fill('+49 30 1234567');
	await phone.blur();
	const fix = page.getByRole('button', { name: 'Use 301234567 with Code 49' });
	await fix.click();
	assert.equal(await phone.inputValue(), '301234567');
	assert.equal(await page.getByLabel(/^Phone calling code/).inputValue(), '49');
	await fix.waitFor({ state: 'detached' });
	assert.equal(await page.getByText(/may only contain digits/).count(), 0);
	assert.deepEqual(consoleErrors, []);
});
