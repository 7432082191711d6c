import { describe, expect, it } from 'vitest';
import { ClientMaps, EMPTY_WORKSPACE, clientNameKey, emailKey, groupKey, indexWorkspace } from '$lib/domain/workspace';
import { SNAPSHOT, WORKSPACE } from './valid-row';

describe('keys', () => {
	it('makes client names case- and space-insensitive', () => {
		expect(clientNameKey('  ACME   corp ')).toBe('acme corp');
		expect(clientNameKey('Acme\tCorp')).toBe(clientNameKey('Acme Corp'));
		expect(clientNameKey('AcmeCorp')).not.toBe(clientNameKey('Acme Corp'));
		expect(clientNameKey('   ')).toBe('');
	});

	it('makes emails case-insensitive and trimmed', () => {
		expect(emailKey(' Maria@Contoso.Example ')).toBe('maria@contoso.example');
	});

	it('makes group names case-insensitive and trimmed, keeping inner spaces', () => {
		expect(groupKey(' TIER 1 ')).toBe('tier 1');
		expect(groupKey('Tier  1')).toBe('tier  1');
	});
});

describe('indexWorkspace', () => {
	it('finds technicians by email, case-insensitively', () => {
		expect(WORKSPACE.technicianIdByEmail.get('priya.shah@msp.example')).toBe('tech-priya');
		expect(WORKSPACE.technicianIdByEmail.size).toBe(SNAPSHOT.technicians.length);
	});

	it('finds groups by key, keeping their own name and id', () => {
		expect(WORKSPACE.groupByKey.get('network team')).toEqual({ id: 'group-network', name: 'Network Team' });
	});

	it('finds existing clients by name key and by primary email', () => {
		expect(WORKSPACE.clientByNameKey.get('acme corp')).toEqual(
			expect.objectContaining({ id: 'client-acme', name: 'Acme Corp' })
		);
		expect(WORKSPACE.clientIdByEmail.get('ceo@acme.example')).toBe('client-acme');
	});

	it('keeps the sign-up email as a key', () => {
		expect(WORKSPACE.signUpEmail).toBe('owner@msp.example');
	});

	it('indexes an empty workspace as empty', () => {
		expect(EMPTY_WORKSPACE.technicianIdByEmail.size).toBe(0);
		expect(EMPTY_WORKSPACE.groupByKey.size).toBe(0);
		expect(EMPTY_WORKSPACE.clientByNameKey.size).toBe(0);
		expect(EMPTY_WORKSPACE.clientIdByEmail.size).toBe(0);
		expect(EMPTY_WORKSPACE.signUpEmail).toBe('');
	});

	it('reads a snapshot without changing it', () => {
		const snapshot = structuredClone(SNAPSHOT);
		indexWorkspace(snapshot);
		expect(snapshot).toEqual(SNAPSHOT);
	});
});

describe('ClientMaps', () => {
	const clients = [
		{ id: 'c-1', name: 'Acme  Corp', email: 'Ceo@Acme.example' },
		{ id: 'c-2', name: 'Globex', email: 'hank@globex.example' },
		{ id: 'c-3', name: 'Initech', email: 'bill@initech.example' }
	];
	const base = { technicians: [], groups: [], signUpEmail: '', customFields: [] };

	it('built a chunk at a time, gives the index the same look-ups as building them at once', () => {
		const maps = new ClientMaps().add(clients.slice(0, 2)).add(clients.slice(2));
		const lent = [...clients];
		maps.lendTo(lent);
		const index = indexWorkspace({ ...base, clients: lent });
		const whole = indexWorkspace({ ...base, clients: [...clients] });
		expect(index.clientByNameKey).toBe(maps.clientByNameKey);
		expect([...index.clientByNameKey]).toEqual([...whole.clientByNameKey]);
		expect([...index.clientIdByEmail]).toEqual([...whole.clientIdByEmail]);
		expect([...index.clientNameById]).toEqual([...whole.clientNameById]);
		expect(index.clientByNameKey.get('acme corp')?.id).toBe('c-1');
		expect(index.clientIdByEmail.get('ceo@acme.example')).toBe('c-1');
	});

	it('is lent only to a snapshot of exactly those clients', () => {
		const lent = clients.slice(0, 1);
		new ClientMaps().add(lent).lendTo(lent);
		const other = indexWorkspace({ ...base, clients: [...clients] });
		expect(other.clientNameById.size).toBe(3);
	});
});
