// The parse worker's first read, of a small file made up here, as the worker starts (while the import page is
// idle): the reader's and the rules' code is compiled and their tables are built before the admin's first
// file, whose rows are then read and checked at full speed from the first.
import { TEMPLATE_COLUMNS } from '$lib/domain/template';
import { indexWorkspace } from '$lib/domain/workspace';
import type { Progress } from './protocol';
import { readFile } from './read-file';
import { sampleCsv } from '../csv/sample-csv';

/** Enough rows for the engine to optimise the code that runs for every row, few enough to take a moment. */
const ROWS = 200;

/** Reads the made-up file; resolves with how far it read (every row, when all went well). */
export async function warmUpReader(): Promise<Progress> {
	const [header, row] = sampleCsv([], []).split('\r\n');
	// Each row its own name, as in a real file (no duplicates to mark).
	const rows = Array.from({ length: ROWS }, (_, i) => row.replace('Contoso', `Contoso ${i}`));
	return readFile(new Blob([[header, ...rows].join('\r\n')]), {
		settings: { encoding: 'utf-8', delimiter: ',' },
		mapping: TEMPLATE_COLUMNS.map((_, index) => index),
		workspace: indexWorkspace({ technicians: [], groups: [], clients: [], signUpEmail: '', customFields: [] }),
		onRows: () => {}
	});
}
