import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDemo } from '$lib/db/demo';
import TechniciansPanel from '$lib/workspace/TechniciansPanel.svelte';

beforeEach(async () => {
	await resetDemo();
});

describe('TechniciansPanel', () => {
	it('lists the workspace technicians and adds one typed into the labelled fields', async () => {
		const user = userEvent.setup();
		render(TechniciansPanel);
		expect(await screen.findByRole('cell', { name: 'Alice Johnson' })).toBeInTheDocument();

		const form = screen.getByRole('form', { name: 'Add a technician' });
		await user.type(within(form).getByLabelText('First name'), 'Zoe');
		await user.type(within(form).getByLabelText('Last name'), 'Quinn');
		await user.type(within(form).getByLabelText('Email'), 'zoe@example.com');
		await user.click(within(form).getByRole('button', { name: 'Add technician' }));

		expect(await screen.findByRole('cell', { name: 'Zoe Quinn' })).toBeInTheDocument();
		expect(await screen.findByRole('status')).toHaveTextContent('Added Zoe Quinn.');
	});

	it('shows why a duplicate email is refused', async () => {
		const user = userEvent.setup();
		render(TechniciansPanel);
		const form = screen.getByRole('form', { name: 'Add a technician' });
		await user.type(within(form).getByLabelText('First name'), 'Al');
		await user.type(within(form).getByLabelText('Last name'), 'J');
		await user.type(within(form).getByLabelText('Email'), 'ALICE.johnson@northwind-it.example');
		await user.click(within(form).getByRole('button', { name: 'Add technician' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Alice Johnson already has the email alice.johnson@northwind-it.example.'
		);
	});
});
