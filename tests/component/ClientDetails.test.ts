import { render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ClientDetails from '$lib/clients/ClientDetails.svelte';
import { addCustomField } from '$lib/db/custom-fields';
import { resetDemo } from '$lib/db/demo';
import { loadWorkspaceSnapshot } from '$lib/db/snapshot';
import { toClientRecord, type ClientRecord } from '$lib/domain/client';
import { indexWorkspace } from '$lib/domain/workspace';
import { sampleRow } from '$lib/csv/sample-csv';

/** The sample row, stored in the demo workspace: Bruno Costa manages it; two groups. */
async function sampleClient(custom: string[] = []): Promise<ClientRecord> {
	const snapshot = await loadWorkspaceSnapshot();
	const workspace = indexWorkspace(snapshot);
	const row = sampleRow(['bruno.costa@northwind-it.example'], ['Service Desk', 'Field Engineers']);
	return toClientRecord([...row, ...custom], workspace, { id: 'c1', createdAt: '2026-01-01T00:00:00.000Z' });
}

/** The text beside a label in the details' lists. */
function valueOf(label: string): string {
	const term = screen.getByText(label, { selector: 'dt' });
	return term.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

beforeEach(async () => {
	await resetDemo();
});

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
	Object.assign(URL, { createObjectURL, revokeObjectURL });
});

describe('ClientDetails', () => {
	it('shows every template field as text, in the four sections', async () => {
		render(ClientDetails, { client: await sampleClient() });
		for (const heading of [
			'Client details',
			'Site and business hours',
			'Client configurations',
			'Additional properties'
		]) {
			expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
		}
		expect(valueOf('Primary contact')).toBe('Maria Garcia');
		expect(valueOf('Phone')).toBe('+1 2125550188');
		expect(valueOf('Secondary contact')).toBe('James Lee');
		expect(valueOf('Secondary contact email')).toBe('james.lee@contoso-dental.example');
		expect(valueOf('Logo')).toBe('Not given');
		expect(valueOf('State or region')).toBe('New York (US-NY)');
		expect(valueOf('Country')).toBe('United States');
		expect(valueOf('Timezone')).toBe('America/New_York');
		const hours = screen.getByText('Working hours', { selector: 'dt' }).nextElementSibling as HTMLElement;
		expect(
			within(hours)
				.getAllByRole('listitem')
				.map((item) => item.textContent?.replace(/\s+/g, ' '))
		).toEqual([
			'Monday 09:00–17:00',
			'Tuesday 09:00–17:00',
			'Wednesday 09:00–17:00',
			'Thursday 09:00–17:00',
			'Friday 09:00–17:00',
			'Saturday Closed',
			'Sunday Closed'
		]);
		expect(valueOf('Holidays')).toBe('None');
		expect(valueOf('Email domains')).toBe('contoso-dental.example, contosodental.example');
		expect(await screen.findByText('Bruno Costa (bruno.costa@northwind-it.example)')).toBeInTheDocument();
		expect(await screen.findByText('Service Desk, Field Engineers')).toBeInTheDocument();
		expect(screen.getByText('No additional properties.')).toBeInTheDocument();
	});

	it('shows 24 × 7, holidays, custom fields and the client’s own properties', async () => {
		await addCustomField({ name: 'Contract tier', type: 'dropdown', required: false, options: ['Gold'] });
		await addCustomField({ name: 'On-site support', type: 'checkbox', required: false, options: [] });
		const client = {
			...(await sampleClient(['Gold', 'yes'])),
			businessHours: { alwaysOpen: true, days: [] },
			holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
			properties: [{ name: 'Door code', value: '<b>4711</b>' }]
		};
		render(ClientDetails, { client });
		expect(valueOf('Working hours')).toBe('24 × 7');
		expect(screen.getByText(/Christmas Day/).querySelector('time')).toHaveAttribute('datetime', '2026-12-25');
		expect(await screen.findByText('Contract tier', { selector: 'dt' })).toBeInTheDocument();
		expect(valueOf('Contract tier')).toBe('Gold');
		expect(valueOf('On-site support')).toBe('Yes');
		expect(valueOf('Door code')).toBe('<b>4711</b>');
	});

	it('shows the logo through an object URL, revoked when the page goes', async () => {
		// jsdom has no object URLs: these stand in, and record what the component asks of them.
		const create = vi.fn(() => 'blob:logo-1');
		const revoke = vi.fn();
		Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
		const logo = new Blob(['png'], { type: 'image/png' });
		const { unmount } = render(ClientDetails, { client: { ...(await sampleClient()), logo } });
		const image = await screen.findByRole('img', { name: 'Contoso Dental Group logo' });
		expect(image).toHaveAttribute('src', 'blob:logo-1');
		expect(create).toHaveBeenCalledWith(logo);
		expect(revoke).not.toHaveBeenCalled();
		unmount();
		expect(revoke).toHaveBeenCalledWith('blob:logo-1');
	});

	it('shows a stored SVG logo only sanitised, and a logo of another type not at all', async () => {
		const create = vi.fn((blob: Blob) => (blob.type === 'image/svg+xml' ? 'blob:logo-svg' : 'blob:other'));
		Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
		const logo = new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><script>x()</script><rect/></svg>'], {
			type: 'image/svg+xml'
		});
		const { unmount } = render(ClientDetails, { client: { ...(await sampleClient()), logo } });
		const image = await screen.findByRole('img', { name: 'Contoso Dental Group logo' });
		expect(image).toHaveAttribute('src', 'blob:logo-svg');
		const shown = await (create.mock.calls[0][0] as Blob).text();
		expect(shown).toContain('<rect');
		expect(shown).not.toMatch(/script|onload/);
		unmount();

		const html = new Blob(['<script>x()</script>'], { type: 'text/html' });
		render(ClientDetails, { client: { ...(await sampleClient()), logo: html } });
		// The account manager and groups come from the database last: once they show, the logo was judged.
		await screen.findByText('Bruno Costa (bruno.costa@northwind-it.example)');
		await screen.findByText('Service Desk, Field Engineers');
		expect(screen.queryByRole('img', { name: 'Contoso Dental Group logo' })).toBeNull();
		expect(valueOf('Logo')).toBe('');
		expect(create).toHaveBeenCalledTimes(1);
	});
});
