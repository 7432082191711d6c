import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ClientForm from '$lib/client-form/ClientForm.svelte';
import { resetDemo } from '$lib/db/demo';
import { listGroups } from '$lib/db/groups';
import { loadWorkspaceSnapshot } from '$lib/db/snapshot';
import { listTechnicians } from '$lib/db/technicians';
import { toClientRecord } from '$lib/domain/client';
import { indexWorkspace } from '$lib/domain/workspace';
import { sampleRow } from '$lib/csv/sample-csv';
import { goto } from '$app/navigation';

vi.mock('$app/navigation', () => ({ beforeNavigate: () => {}, goto: vi.fn() }));
vi.mock('$app/paths', () => ({ resolve: (path: string) => path, asset: (path: string) => path }));

async function props() {
	const [snapshot, technicians, groups] = await Promise.all([
		loadWorkspaceSnapshot({ withClients: false }),
		listTechnicians(),
		listGroups()
	]);
	return { workspace: indexWorkspace(snapshot), technicians, groups };
}

beforeEach(async () => {
	await resetDemo();
});

/** Whether leaving the page now would ask first (the browser's "Leave site?" on unload). */
function warnsOnLeave(): boolean {
	const unload = new Event('beforeunload', { cancelable: true });
	window.dispatchEvent(unload);
	return unload.defaultPrevented;
}

describe('the client form', () => {
	it('says which required fields are missing, beside them and in a summary, on save', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		await user.click(screen.getByRole('button', { name: 'Save' }));
		const summary = await screen.findByRole('alert');
		expect(summary).toHaveTextContent('6 problems need fixing before saving');
		expect(within(summary).getByRole('link', { name: 'Client name is required: fill it in.' })).toBeInTheDocument();
		const name = screen.getByLabelText(/^Client name/);
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveAccessibleDescription(/Client name is required: fill it in\./);
	});

	it('shows a field’s problem once it is left, not before', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const email = screen.getByLabelText(/^Primary contact email/);
		await user.type(email, 'not-an-email');
		expect(screen.queryByText(/is not a valid email address/)).not.toBeInTheDocument();
		await user.tab();
		expect(screen.getByText(/"not-an-email" is not a valid email address/)).toBeInTheDocument();
	});

	it('moves focus to a field from the error summary', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		await user.click(screen.getByRole('button', { name: 'Save' }));
		const summary = await screen.findByRole('alert');
		await vi.waitFor(() => expect(summary).toHaveFocus());
		await user.click(within(summary).getByRole('link', { name: 'Site name is required: fill it in.' }));
		expect(screen.getByLabelText(/^Site name/)).toHaveFocus();
	});

	it('lists the chosen country’s states only, and suggests its timezone', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const state = picker('State or region');
		expect(state).toBeDisabled();
		await user.type(picker('Country'), 'United States{Enter}');
		await user.type(state, 'cal');
		expect(listed()).toContain('California');
		await user.clear(state);
		await user.type(state, 'ontario');
		expect(listed()).not.toContain('Ontario');
		await user.keyboard('{Escape}');
		expect(picker(/^Timezone/).value).toMatch(/^America\/Adak /);
		await user.clear(picker('Country'));
		await user.type(picker('Country'), 'Netherlands{Enter}');
		await user.type(state, 'noord');
		expect(listed()).toContain('Noord-Holland');
		expect(listed()).not.toContain('California');
		await user.keyboard('{Escape}');
		expect(picker(/^Timezone/).value).toMatch(/^Europe\/Amsterdam /);
	});

	it('refuses "@acme.com" as an email domain chip and accepts acme.com', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const domains = screen.getByLabelText('Email domains');
		await user.type(domains, '@acme.com{Enter}');
		expect(screen.getByRole('alert')).toHaveTextContent(
			'"@acme.com" is not a domain name: write the domain without @ (acme.com).'
		);
		expect(screen.queryByRole('list', { name: 'Email domains added' })).not.toBeInTheDocument();
		await user.clear(domains);
		await user.type(domains, 'acme.com,');
		expect(within(screen.getByRole('list', { name: 'Email domains added' })).getByText('acme.com')).toBeInTheDocument();
	});

	it('names the current zone when a stored client has an old timezone name', async () => {
		const user = userEvent.setup();
		const base = await props();
		const technicians = base.technicians.map((t) => t.email);
		const groups = base.groups.map((g) => g.name);
		const row = sampleRow(technicians, groups);
		const client = toClientRecord(row, base.workspace, { id: 'c1', createdAt: '2026-01-01T00:00:00Z' });
		client.site.timezone = 'Asia/Calcutta';
		render(ClientForm, {
			...base,
			client,
			lookups: {
				technicianEmailById: new Map(base.technicians.map((t) => [t.id, t.email])),
				groupNameById: new Map(base.groups.map((g) => [g.id, g.name])),
				customFields: []
			}
		});
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Timezone "Asia/Calcutta" is an old name: use Asia/Kolkata.'
		);
	});

	it('finds a country and a timezone by typing part of their names', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		await user.type(picker('Country'), 'nether{Enter}');
		expect(picker('Country')).toHaveValue('NL · Netherlands');
		await user.clear(picker(/^Timezone/));
		await user.type(picker(/^Timezone/), 'kolk{Enter}');
		expect(picker(/^Timezone/).value).toMatch(/^Asia\/Kolkata /);
		await user.clear(picker(/^Timezone/));
		await user.type(picker(/^Timezone/), 'atlantis');
		expect(screen.getByText('No timezones match “atlantis”.')).toBeInTheDocument();
	});

	it('picks the country, state and timezone a person names, best match first', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const country = picker('Country');
		for (const [typed, shown] of [
			['India', 'IN · India'],
			['UK', 'GB · United Kingdom'],
			['USA', 'US · United States'],
			['United States', 'US · United States'],
			['de', 'DE · Germany'],
			['Deutschland', 'DE · Germany']
		]) {
			await user.clear(country);
			await user.type(country, `${typed}{Enter}`);
			expect(country, typed).toHaveValue(shown);
		}
		await user.clear(country);
		await user.type(country, 'United States{Enter}');
		const state = picker('State or region');
		await user.type(state, 'ca{Enter}');
		expect(state).toHaveValue('California');
		await user.clear(state);
		await user.type(state, 'georgia{Enter}');
		expect(state).toHaveValue('Georgia');
		await user.clear(picker(/^Timezone/));
		await user.type(picker(/^Timezone/), 'new york{Enter}');
		expect(picker(/^Timezone/).value).toMatch(/^America\/New_York /);
	});

	it('takes the best match on Tab, as on Enter, and moves on', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const country = picker('Country');
		await user.type(country, 'Germany');
		await user.tab();
		expect(country).toHaveValue('DE · Germany');
		expect(picker('State or region')).toHaveFocus();
		await user.clear(country);
		await user.type(country, 'united kingdom{Enter}');
		expect(country).toHaveValue('GB · United Kingdom');
		const zone = picker(/^Timezone/);
		expect(zone.value).toMatch(/^Europe\/London /);
		await user.clear(zone);
		await user.type(zone, 'Berlin');
		await user.tab();
		expect(zone.value).toMatch(/^Europe\/Berlin /);
	});

	it('restores the value on Escape, and keeps it when nothing matches', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const country = picker('Country');
		await user.type(country, 'Germany{Enter}');
		await user.clear(country);
		await user.type(country, 'fra');
		expect(listed()).toContain('FR · France');
		await user.keyboard('{Escape}');
		expect(country).toHaveValue('DE · Germany');
		expect(country).toHaveAttribute('aria-expanded', 'false');
		await user.clear(country);
		await user.type(country, 'atlantis');
		await user.tab();
		expect(country).toHaveValue('DE · Germany');
	});

	it('finds the account manager by name or email, and empties the field to choose none', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		const manager = picker('Account manager');
		await user.type(manager, 'alice');
		await user.tab();
		expect(manager.value).toMatch(/^Alice Johnson \(/);
		await user.clear(manager);
		await user.tab();
		expect(manager).toHaveValue('');
	});
});

/** A picker of the form, by its label, as a person finds it. */
function picker(label: string | RegExp): HTMLInputElement {
	return screen.getByRole('combobox', { name: label });
}

/**
 * The options an open picker lists. jsdom has no layout, so the list is never positioned and stays
 * `visibility: hidden`: the options are found as hidden ones, by their text (a hidden one has no accessible name).
 */
function listed(): string[] {
	return screen.queryAllByRole('option', { hidden: true }).map((o) => o.textContent?.trim() ?? '');
}

/** Fills in what a new client needs to be saved. */
async function fillRequired(user: ReturnType<typeof userEvent.setup>, name: string, email: string) {
	await user.type(screen.getByLabelText(/^Client name/), name);
	await user.type(screen.getByLabelText(/^Primary contact first name/), 'Maria');
	await user.type(screen.getByLabelText(/^Primary contact last name/), 'Lopez');
	await user.type(screen.getByLabelText(/^Primary contact email/), email);
	await user.type(screen.getByLabelText(/^Site name/), 'Head office');
	await user.clear(picker(/^Timezone/));
	await user.type(picker(/^Timezone/), 'kolk{Enter}');
}

describe('the client form’s unsaved changes', () => {
	it('warn before leaving once a field is edited, and not once it is changed back', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		expect(warnsOnLeave()).toBe(false);
		const name = screen.getByLabelText(/^Client name/);
		await user.type(name, 'Acme');
		expect(warnsOnLeave()).toBe(true);
		await user.clear(name);
		expect(warnsOnLeave()).toBe(false);
		await user.type(picker('Country'), 'Netherlands{Enter}');
		expect(warnsOnLeave()).toBe(true);
	});

	it('count working hours, holidays, properties and the logo, until each is undone', async () => {
		const user = userEvent.setup();
		Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:logo'), revokeObjectURL: vi.fn() });
		render(ClientForm, await props());

		const alwaysOpen = screen.getByRole('checkbox', { name: 'Open 24 × 7' });
		await user.click(alwaysOpen);
		expect(warnsOnLeave()).toBe(true);
		await user.click(alwaysOpen);
		expect(warnsOnLeave()).toBe(false);
		await user.clear(screen.getByLabelText('Monday opens at'));
		await user.type(screen.getByLabelText('Monday opens at'), '08:00');
		expect(warnsOnLeave()).toBe(true);
		await user.clear(screen.getByLabelText('Monday opens at'));
		await user.type(screen.getByLabelText('Monday opens at'), '09:00');
		expect(warnsOnLeave()).toBe(false);

		await user.click(screen.getByRole('button', { name: 'Add holiday' }));
		expect(warnsOnLeave()).toBe(true);
		await user.click(screen.getByRole('button', { name: 'Remove holiday 1' }));
		expect(warnsOnLeave()).toBe(false);

		await user.click(screen.getByRole('button', { name: 'Add property' }));
		await user.type(screen.getByLabelText('Property name'), 'Door code');
		expect(warnsOnLeave()).toBe(true);
		await user.click(screen.getByRole('button', { name: 'Remove property 1 (Door code)' }));
		expect(warnsOnLeave()).toBe(false);

		const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
		await user.upload(screen.getByLabelText(/^Company logo/), png);
		await screen.findByRole('button', { name: 'Remove logo' });
		expect(warnsOnLeave()).toBe(true);
		await user.click(screen.getByRole('button', { name: 'Remove logo' }));
		expect(warnsOnLeave()).toBe(false);
	});

	it('are gone once the client is saved, and come back with the next edit', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		await fillRequired(user, 'Acme Dental', 'maria@acme-dental.example');
		expect(warnsOnLeave()).toBe(true);

		await user.click(screen.getByRole('button', { name: 'Save' }));
		await vi.waitFor(() => expect(goto).toHaveBeenCalled(), { timeout: 5000 });
		expect(screen.getByLabelText(/^Client name/)).toHaveValue('Acme Dental');
		expect(warnsOnLeave()).toBe(false);
		await user.type(screen.getByLabelText(/^City/), 'Pune');
		expect(warnsOnLeave()).toBe(true);
	});

	it('are gone after “Save and add another” empties the form', async () => {
		const user = userEvent.setup();
		render(ClientForm, await props());
		await fillRequired(user, 'Acme Dental', 'maria@acme-dental.example');
		await user.click(screen.getByRole('button', { name: 'Save and add another' }));
		// Saving checks the database and writes to it: slower than a keystroke on a busy machine.
		expect(await screen.findByRole('status', {}, { timeout: 5000 })).toHaveTextContent(
			'Saved Acme Dental. Add the next client.'
		);
		expect(warnsOnLeave()).toBe(false);
	});
});
