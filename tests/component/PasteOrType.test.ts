import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import PasteOrType from '$lib/wizard/PasteOrType.svelte';

/** A paste event as the browser sends it (jsdom has no ClipboardEvent constructor): text/plain and files. */
function paste(target: EventTarget, text: string, files: File[] = []) {
	const event = new Event('paste', { bubbles: true, cancelable: true });
	Object.defineProperty(event, 'clipboardData', {
		value: { getData: (type: string) => (type === 'text/plain' ? text : ''), files }
	});
	target.dispatchEvent(event);
	return event;
}

function setup() {
	const handlers = { onpaste: vi.fn(), onfile: vi.fn(), onbyhand: vi.fn() };
	render(PasteOrType, handlers);
	return handlers;
}

describe('pasting cells or typing them in', () => {
	it('takes cells pasted anywhere on the page, or into the labelled box, at once', () => {
		const { onpaste } = setup();
		expect(paste(document.body, 'a\tb\r\n').defaultPrevented).toBe(true);
		expect(onpaste).toHaveBeenLastCalledWith('a\tb\r\n');
		paste(screen.getByLabelText('Paste cells'), 'c\td');
		expect(onpaste).toHaveBeenLastCalledWith('c\td');
	});

	it('leaves a paste into another field, or of nothing, alone; takes a pasted file as a file', () => {
		const { onpaste, onfile } = setup();
		const other = document.body.appendChild(document.createElement('input'));
		expect(paste(other, 'typed').defaultPrevented).toBe(false);
		paste(document.body, '  \n');
		expect(onpaste).not.toHaveBeenCalled();
		const file = new File(['x'], 'clients.csv');
		paste(document.body, '', [file]);
		expect(onfile).toHaveBeenCalledWith(file);
		other.remove();
	});

	it('reads text typed into the box with its button, and opens an empty table with the other', async () => {
		const { onpaste, onbyhand } = setup();
		const read = screen.getByRole('button', { name: 'Read these cells' });
		expect(read).toBeDisabled();
		await fireEvent.input(screen.getByLabelText('Paste cells'), { target: { value: 'Acme' } });
		await fireEvent.click(read);
		expect(onpaste).toHaveBeenCalledWith('Acme');
		await fireEvent.click(screen.getByRole('button', { name: 'Enter clients by hand' }));
		expect(onbyhand).toHaveBeenCalled();
	});
});
