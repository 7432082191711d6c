// The app shell and the workspace: first run, navigation, deep links, technicians, groups, settings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, downloadText, openPage, resetDemoData, startApp } from './harness.js';

const TEMPLATE_HEADER =
	'ClientName,PrimaryContactFirstName,PrimaryContactLastName,PrimaryContactEmail,Code,PhoneNumber,SecondaryContactFirstName,SecondaryContactLastName,SecondaryContactEmail,SiteName,AddressLine,City,State,Country,PostalCode,Timezone,EmailDomains,AccountManager,TechnicianGroups';

const PAGES = [
	{ link: 'Clients', path: '/clients/', heading: 'Clients' },
	{ link: 'New client', path: '/clients/new/', heading: 'New client' },
	{ link: 'Import', path: '/import/', heading: 'Import clients' },
	{ link: 'Technicians', path: '/technicians/', heading: 'Technicians' },
	{ link: 'Groups', path: '/groups/', heading: 'Technician groups' },
	{ link: 'Settings', path: '/settings/', heading: 'Settings' }
];

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

test('first run shows the demo workspace with no console error', async () => {
	const { page, context, consoleErrors } = await openPage(app);
	await page.getByRole('banner').getByText('Northwind IT Services').waitFor();
	await page.getByText('0 clients · 8 technicians · 5 groups', { exact: true }).waitFor();
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('every navigation link opens its page, also after a reload on the deep link', async () => {
	const { page, context, consoleErrors } = await openPage(app);
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const { link, path, heading } of PAGES) {
		await nav.getByRole('link', { name: link, exact: true }).click();
		await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
		assert.equal(new URL(page.url()).pathname, new URL(app.url + path).pathname);
		await page.reload();
		await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
		assert.equal(await nav.getByRole('link', { name: link, exact: true }).getAttribute('aria-current'), 'page');
	}
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('no page has an accessibility violation that axe-core finds', async () => {
	const { page, context } = await openPage(app);
	for (const { path, heading } of [{ path: '/', heading: 'Your clients, in one place' }, ...PAGES]) {
		await page.goto(app.url + path);
		await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
		assert.deepEqual(await axeViolations(page), [], `axe violations on ${path}`);
	}
	await context.close();
});

test('a technician can be added, edited and deleted, and emails stay unique', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/technicians');
	const form = page.getByRole('form', { name: 'Add a technician' });
	await form.getByLabel('First name').fill('Zoe');
	await form.getByLabel('Last name').fill('Quinn');
	await form.getByLabel('Email').fill('zoe.quinn@northwind-it.example');
	await form.getByRole('button', { name: 'Add technician' }).click();
	const row = page.getByRole('row', { name: /Zoe Quinn/ });
	await row.waitFor();

	await form.getByLabel('First name').fill('Other');
	await form.getByLabel('Last name').fill('Person');
	await form.getByLabel('Email').fill('ZOE.QUINN@northwind-it.example');
	await form.getByRole('button', { name: 'Add technician' }).click();
	await page.getByRole('alert').getByText('Zoe Quinn already has the email zoe.quinn@northwind-it.example.').waitFor();

	await row.getByRole('button', { name: 'Edit Zoe Quinn' }).click();
	const editForm = page.getByRole('form', { name: 'Edit technician' });
	await editForm.getByLabel('Last name').fill('Quinn-Harper');
	await editForm.getByRole('button', { name: 'Save changes' }).click();
	await page.getByRole('row', { name: /Zoe Quinn-Harper/ }).waitFor();

	await page.getByRole('button', { name: 'Delete Zoe Quinn-Harper' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete technician?' });
	await dialog.getByText('They manage no clients.').waitFor();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('row', { name: /Zoe Quinn-Harper/ }).waitFor({ state: 'detached' });
	assert.equal(await page.getByRole('row').count(), 1 + 8);
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('a group can be added, renamed and deleted, and names stay unique', async () => {
	const { page, context, consoleErrors } = await openPage(app, '/groups');
	const form = page.getByRole('form', { name: 'Add a group' });
	await form.getByLabel('Group name').fill('Backup Team');
	await form.getByRole('button', { name: 'Add group' }).click();
	await page.getByRole('row', { name: /Backup Team/ }).waitFor();

	await form.getByLabel('Group name').fill('service desk');
	await form.getByRole('button', { name: 'Add group' }).click();
	await page.getByRole('alert').getByText('A group named "Service Desk" already exists.').waitFor();

	await page.getByRole('button', { name: 'Edit Backup Team' }).click();
	const editForm = page.getByRole('form', { name: 'Edit group' });
	await editForm.getByLabel('Group name').fill('Backup & Recovery');
	await editForm.getByRole('button', { name: 'Save changes' }).click();
	await page.getByRole('row', { name: /Backup & Recovery/ }).waitFor();

	await page.getByRole('button', { name: 'Delete Backup & Recovery' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete group?' });
	await dialog.getByText('No client uses it.').waitFor();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('row', { name: /Backup & Recovery/ }).waitFor({ state: 'detached' });
	assert.deepEqual(consoleErrors, []);
	await context.close();
});

test('the sample CSV downloads with the exact template header and the workspace names', async () => {
	const { page, context } = await openPage(app, '/import');
	const { name, text } = await downloadText(page, () =>
		page.getByRole('button', { name: 'Download sample CSV' }).click()
	);
	assert.equal(name, 'clients-sample.csv');
	const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
	assert.equal(header, TEMPLATE_HEADER);
	// The first technician by last name and the first two groups by name, as the lists show them.
	assert.match(row, /,bruno\.costa@northwind-it\.example,"Cloud & Microsoft 365, Field Engineers"$/);
	await context.close();
});

/** A field's value once the page has loaded it from the database (it starts empty), or as it is after 5 s. */
async function loadedValue(field, expected) {
	let value = await field.inputValue();
	for (let tries = 0; value !== expected && tries < 50; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		value = await field.inputValue();
	}
	return value;
}

test('settings save the sign-up email and reset the demo data after a confirmation', async () => {
	const { page, context } = await openPage(app, '/settings');
	await page.getByLabel('Sign-up email').fill('not-an-email');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('alert').getByText('is not a valid email address').waitFor();
	await page.getByLabel('Workspace name').fill('Contoso MSP');
	await page.getByLabel('Sign-up email').fill('admin@contoso.example');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.getByRole('banner').getByText('Contoso MSP').waitFor();
	await page.reload();
	assert.equal(await loadedValue(page.getByLabel('Sign-up email'), 'admin@contoso.example'), 'admin@contoso.example');

	await resetDemoData(page);
	await page.getByRole('banner').getByText('Northwind IT Services').waitFor();
	assert.equal(
		await loadedValue(page.getByLabel('Sign-up email'), 'owner@northwind-it.example'),
		'owner@northwind-it.example'
	);
	await context.close();
});
