import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { FileSettings } from '$lib/import/protocol';
import FileSettingsBar from '$lib/wizard/FileSettingsBar.svelte';

const WORKBOOK: FileSettings = { encoding: 'utf-8', delimiter: ',', sheet: 1, headerRow: 4 };

function renderBar(settings: FileSettings, sheets: string[] = [], canChange = true) {
	const onchange = vi.fn();
	render(FileSettingsBar, { fileName: 'clients.xlsx', settings, detected: settings, sheets, canChange, onchange });
	return onchange;
}

describe('the file settings bar of a workbook', () => {
	it('offers the sheets and the header row, not the encoding and delimiter', async () => {
		const onchange = renderBar(WORKBOOK, ['Notes', 'Clients']);
		expect(screen.queryByLabelText('Encoding')).toBeNull();
		expect(screen.queryByLabelText('Delimiter')).toBeNull();
		const sheet = screen.getByLabelText<HTMLSelectElement>('Sheet');
		expect(sheet.selectedOptions[0].textContent).toBe('Clients');
		await fireEvent.change(sheet, { target: { value: '0' } });
		// Another sheet has its header found again.
		expect(onchange).toHaveBeenLastCalledWith({ sheet: 0, headerRow: undefined });
		const headerRow = screen.getByLabelText<HTMLInputElement>('Header is row');
		expect(headerRow.value).toBe('4');
		await fireEvent.change(headerRow, { target: { value: '2' } });
		expect(onchange).toHaveBeenLastCalledWith({ headerRow: 2 });
	});

	it('puts back a header row that is no row number', async () => {
		const onchange = renderBar(WORKBOOK, ['Notes', 'Clients']);
		const headerRow = screen.getByLabelText<HTMLInputElement>('Header is row');
		await fireEvent.change(headerRow, { target: { value: '0' } });
		expect(onchange).not.toHaveBeenCalled();
		expect(headerRow.value).toBe('4');
	});

	it('says how a resumed workbook was read', () => {
		renderBar(WORKBOOK, [], false);
		expect(screen.getByText(/header in row 4\b/)).toBeInTheDocument();
		expect(screen.getByText('To read it another way, choose the file again.')).toBeInTheDocument();
	});

	it('keeps the encoding and delimiter for a CSV', () => {
		renderBar({ encoding: 'utf-8', delimiter: ',' });
		expect(screen.getByLabelText('Encoding')).toBeInTheDocument();
		expect(screen.queryByLabelText('Sheet')).toBeNull();
	});
});
