// A workspace and a valid row to start tests from: the sample CSV's row, built from this workspace's own
// technicians and groups, with columns overridden by name.
import { COL } from '$lib/domain/template';
import type { TemplateColumn } from '$lib/domain/template';
import { indexWorkspace } from '$lib/domain/workspace';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import { sampleRow } from '$lib/csv/sample-csv';

export const SNAPSHOT: WorkspaceSnapshot = {
	technicians: [
		{ id: 'tech-priya', email: 'Priya.Shah@msp.example', firstName: 'Priya', lastName: 'Shah' },
		{ id: 'tech-tom', email: 'tom.berg@msp.example', firstName: 'Tom', lastName: 'Berg' }
	],
	groups: [
		{ id: 'group-tier1', name: 'Tier 1' },
		{ id: 'group-network', name: 'Network Team' },
		{ id: 'group-security', name: 'Security' }
	],
	clients: [
		{ id: 'client-acme', name: 'Acme Corp', email: 'Ceo@Acme.example' },
		{ id: 'client-globex', name: 'Globex', email: 'hank@globex.example' }
	],
	signUpEmail: 'Owner@MSP.example',
	customFields: []
};

export const WORKSPACE = indexWorkspace(SNAPSHOT);

export type RowOverrides = Partial<Record<TemplateColumn, string>>;

/** A row that passes every rule against `WORKSPACE`, with the given columns replaced. */
export function validRow(overrides: RowOverrides = {}): string[] {
	const row = sampleRow(
		SNAPSHOT.technicians.map((t) => t.email),
		SNAPSHOT.groups.map((g) => g.name)
	);
	for (const [column, value] of Object.entries(overrides)) row[COL[column as TemplateColumn]] = value ?? '';
	return row;
}
