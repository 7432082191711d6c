// A helper of the parse worker: checks batches of rows against the rules while the parse worker reads on, so
// that checking runs on another core alongside parsing.
import { indexWorkspace, type WorkspaceIndex } from '$lib/domain/workspace';
import { unpackRows } from '$lib/domain/stored-values';
import { COL } from '$lib/domain/template';
import { sampleRow } from '../csv/sample-csv';
import { checkRows, type CheckRequest, type CheckResponse } from './check-pool';

let workspace: WorkspaceIndex | undefined;

self.onmessage = (event: MessageEvent<CheckRequest>) => {
	const request = event.data;
	if (request.type === 'workspace') {
		workspace = indexWorkspace(request.workspace);
		self.postMessage({ type: 'ready' } satisfies CheckResponse);
		return;
	}
	const issues = checkRows(unpackRows(request.rows, request.count), workspace!);
	self.postMessage({ type: 'checked', id: request.id, issues } satisfies CheckResponse);
};

/** Enough rows for the engine to optimise the rules' code, few enough to take some tens of milliseconds. */
const WARM_UP_ROWS = 2_000;

// A helper's first checks, of made-up rows, as it starts (ahead of any batch: a file's header is still being
// looked at, or a review just opened): the rules' code is optimised before the first real batch, which a cold
// helper checks several times slower.
function warmUp() {
	const workspace = indexWorkspace({ technicians: [], groups: [], clients: [], signUpEmail: '', customFields: [] });
	const row = sampleRow([], []);
	const email = row[COL.PrimaryContactEmail];
	for (let i = 0; i < WARM_UP_ROWS; i++) {
		row[COL.ClientName] = `Contoso ${i}`;
		// Some rows with a problem, so that reporting one is optimised too.
		row[COL.PrimaryContactEmail] = i % 10 === 0 ? `not an email ${i}` : email;
		checkRows([row], workspace);
	}
}

warmUp();
