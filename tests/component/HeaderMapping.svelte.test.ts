import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { STANDARD_SHAPE, templateShape } from '$lib/domain/custom-fields';
import { COL } from '$lib/domain/template';
import { checkHeader } from '$lib/import/header';
import HeaderMapping from '$lib/wizard/HeaderMapping.svelte';
import type { ColumnShaping } from '$lib/import/column-plan';
import userEvent from '@testing-library/user-event';

const HEADER = ['Company', 'Surname', 'Notes'];

function renderMapping(samples: string[][], rememberedAt: string | null = null, mapping = checkHeader(HEADER).mapping) {
	const props = $state({
		check: checkHeader(HEADER),
		shape: STANDARD_SHAPE,
		mapping,
		shaping: { joins: {}, fixed: {} },
		samples,
		firstRows: [],
		rememberedAt,
		oncontinue: () => {},
		oncancel: () => {}
	});
	return render(HeaderMapping, props);
}

const CRM_HEADER = ['Company name', 'Contact name', 'Email', 'Street Address', 'Street Address 2', 'Time Zone'];
const CRM_ROWS = [
	['Northwind', 'Maria Garcia', 'maria@northwind.example', '100 Market St', 'Suite 400', 'Pacific Time'],
	['Contoso', 'Cher', 'cher@contoso.example', '1 Main St', '', 'Eastern Time'],
	['Fabrikam', 'de la Cruz, Juan', 'juan@fabrikam.example', '', 'Unit 2', 'CET']
];

/** The mapping screen of a CRM export, its mapping and shaping kept as state the test can read. */
function renderCrm(oncontinue: () => void = () => {}) {
	const check = checkHeader(CRM_HEADER);
	const props = $state({
		check,
		shape: STANDARD_SHAPE,
		mapping: [...check.mapping],
		shaping: { joins: {}, fixed: {} } as ColumnShaping,
		samples: CRM_HEADER.map(() => []),
		firstRows: CRM_ROWS,
		rememberedAt: null,
		oncontinue,
		oncancel: () => {}
	});
	render(HeaderMapping, props);
	return props;
}

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr') as HTMLElement;

describe('the mapping screen', () => {
	it('shows each column with its first values beside it, and describes its choice with them', () => {
		renderMapping([['Acme', 'Globex'], ['Smith'], []]);
		const company = within(rowOf('Company'));
		expect(company.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Acme', 'Globex']);
		expect(screen.getByRole('combobox', { name: /file column 1 \(Company\)/ })).toHaveAccessibleDescription(
			'Acme Globex'
		);
		expect(within(rowOf('Notes')).getByText('(none in the first rows)')).toBeInTheDocument();
	});

	it('shows a value that looks like HTML as the text it is', () => {
		const { container } = renderMapping([['<img src=x onerror=alert(1)>', '<b>Acme</b>'], [], []]);
		expect(within(rowOf('Company')).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
		expect(container.querySelector('img, b')).toBeNull();
	});

	it('says when a remembered mapping was applied, and marks the columns it set otherwise', () => {
		const remembered = [COL.ClientName, COL.PrimaryContactLastName, COL.City];
		renderMapping([[], [], []], '2026-03-04T10:00:00.000Z', remembered);
		expect(screen.getByRole('status')).toHaveTextContent(
			/Applied the column mapping you confirmed for this header on .*2026/
		);
		expect(within(rowOf('Notes')).getByText('Your choice')).toBeInTheDocument();
		expect(within(rowOf('Company')).getByText('Suggested')).toBeInTheDocument();
	});

	it('previews a full name split into first and last name, and a name left whole with the reason', () => {
		renderCrm();
		expect(screen.getByRole('heading', { name: /"Contact name" → the primary contact's first and last name/ }));
		const maria = within(screen.getByRole('cell', { name: 'Maria Garcia' }).closest('tr') as HTMLElement);
		expect(maria.getByRole('cell', { name: 'Maria' })).toBeInTheDocument();
		expect(maria.getByRole('cell', { name: 'Garcia' })).toBeInTheDocument();
		const juan = within(screen.getByRole('cell', { name: 'de la Cruz, Juan' }).closest('tr') as HTMLElement);
		expect(juan.getByRole('cell', { name: 'de la Cruz' })).toBeInTheDocument();
		const cher = screen.getByRole('cell', { name: 'Cher' }).closest('tr') as HTMLElement;
		expect(cher).toHaveTextContent(/Left whole: .*"Cher"/);
	});

	it('joins the two address lines, skipping an empty part, in the order and with the separator chosen', async () => {
		const user = userEvent.setup();
		const props = renderCrm();
		expect(screen.getByRole('heading', { name: 'AddressLine is joined from 2 columns' })).toBeInTheDocument();
		const preview = () =>
			Array.from(
				screen.getByText(/Empty parts are skipped/).nextElementSibling!.querySelectorAll('li'),
				(li) => li.textContent
			);
		expect(preview()).toEqual(['100 Market St, Suite 400', '1 Main St', 'Unit 2']);
		await user.click(screen.getByRole('button', { name: 'Move Street Address 2 up in AddressLine' }));
		const separator = screen.getByRole('textbox', { name: 'Separator for AddressLine' });
		await user.clear(separator);
		await user.type(separator, ' / ');
		expect(preview()).toEqual(['Suite 400 / 100 Market St', '1 Main St', 'Unit 2']);
		expect(props.shaping.joins.AddressLine).toEqual({ order: [4, 3], separator: ' / ' });
	});

	it('offers one value for every row for each column the file lacks, and a missing required one does not block', async () => {
		const user = userEvent.setup();
		let continued = 0;
		const props = renderCrm(() => continued++);
		expect(screen.getByText(/Required column with no file column: SiteName/)).toBeInTheDocument();
		const continueButton = screen.getByRole('button', { name: 'Continue with these columns' });
		expect(continueButton).toBeEnabled();
		await user.type(screen.getByRole('textbox', { name: 'SiteName (required)' }), 'Head Office');
		expect(props.shaping.fixed.SiteName).toBe('Head Office');
		expect(screen.queryByText(/Required column with no file column/)).toBeNull();
		await user.click(continueButton);
		expect(continued).toBe(1);
	});

	it('blocks Continue only when a split name and another column fill the same cell', async () => {
		const user = userEvent.setup();
		renderCrm();
		await user.selectOptions(
			screen.getByRole('combobox', { name: /file column 3 \(Email\)/ }),
			'PrimaryContactFirstName (required)'
		);
		expect(screen.getByRole('alert')).toHaveTextContent(
			'A split name and another file column both fill PrimaryContactFirstName: choose one of them.'
		);
		expect(screen.getByRole('button', { name: 'Continue with these columns' })).toBeDisabled();
	});

	it('counts the file columns ignored as they are now, not as first suggested', async () => {
		const user = userEvent.setup();
		renderMapping([[], [], []]);
		expect(screen.getByText(/^1 file column ignored/)).toBeInTheDocument();
		await user.selectOptions(screen.getByRole('combobox', { name: /file column 3 \(Notes\)/ }), 'City');
		expect(screen.queryByText(/file columns? ignored/)).toBeNull();
	});
});

describe('the mapping screen with optional columns', () => {
	it('offers Hours and the properties the header carries, and says which property columns it cannot use', () => {
		const header = ['ClientName', 'Opening hours', 'Property: Door code', 'property: DOOR CODE', 'Property:'];
		const check = checkHeader(header);
		const props = $state({
			check,
			shape: templateShape([], check.extraColumns),
			mapping: [...check.mapping],
			shaping: { joins: {}, fixed: {} } as ColumnShaping,
			samples: header.map(() => []),
			firstRows: [],
			rememberedAt: null,
			oncontinue: () => {},
			oncancel: () => {}
		});
		render(HeaderMapping, props);
		const hours = screen.getByRole('combobox', { name: /file column 2 \(Opening hours\)/ });
		expect(within(hours).getByRole('option', { selected: true })).toHaveTextContent(/^Hours$/);
		expect(
			screen.getByText(/^Column "property: DOOR CODE" repeats a property another column already carries/)
		).toBeVisible();
		expect(
			screen.getByText(
				'Column "Property:" names no property: write its name after the colon, as "Property: Contract type".'
			)
		).toBeVisible();
	});
});
