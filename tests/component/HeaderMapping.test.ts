import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { STANDARD_SHAPE } from '$lib/domain/custom-fields';
import { COL } from '$lib/domain/template';
import { checkHeader } from '$lib/import/header';
import HeaderMapping from '$lib/wizard/HeaderMapping.svelte';

const HEADER = ['Company', 'Surname', 'Notes'];

function renderMapping(samples: string[][], rememberedAt: string | null = null, mapping = checkHeader(HEADER).mapping) {
	return render(HeaderMapping, {
		check: checkHeader(HEADER),
		shape: STANDARD_SHAPE,
		mapping,
		samples,
		rememberedAt,
		oncontinue: () => {},
		oncancel: () => {}
	});
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
});
