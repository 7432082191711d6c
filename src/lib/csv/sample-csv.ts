// The sample CSV offered for download: the template's header and one valid row that uses the workspace's
// own technicians and groups, so it imports as is.
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { TemplateColumn } from '$lib/domain/template';
import { exampleCustomValue, type CustomField } from '$lib/domain/custom-fields';
import { writeCsv } from './csv-writer';

export function sampleRow(technicianEmails: readonly string[], groupNames: readonly string[]): string[] {
	const example: Record<TemplateColumn, string> = {
		ClientName: 'Contoso Dental Group',
		PrimaryContactFirstName: 'Maria',
		PrimaryContactLastName: 'Garcia',
		PrimaryContactEmail: 'maria.garcia@contoso-dental.example',
		Code: '1',
		PhoneNumber: '2125550188',
		SecondaryContactFirstName: 'James',
		SecondaryContactLastName: 'Lee',
		SecondaryContactEmail: 'james.lee@contoso-dental.example',
		SiteName: 'Headquarters',
		AddressLine: '350 Fifth Avenue',
		City: 'New York',
		State: 'NY',
		Country: 'US',
		PostalCode: '10118',
		Timezone: 'America/New_York',
		EmailDomains: 'contoso-dental.example, contosodental.example',
		AccountManager: technicianEmails[0] ?? '',
		TechnicianGroups: groupNames.slice(0, 2).join(', ')
	};
	return TEMPLATE_COLUMNS.map((column) => example[column]);
}

/** The header and example row, with one column per custom field after the template's own. */
export function sampleCsv(
	technicianEmails: readonly string[],
	groupNames: readonly string[],
	customFields: readonly CustomField[] = []
): string {
	return writeCsv([
		[...TEMPLATE_COLUMNS, ...customFields.map((f) => f.name)],
		[...sampleRow(technicianEmails, groupNames), ...customFields.map(exampleCustomValue)]
	]);
}
