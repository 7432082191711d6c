// A helper of the parse worker: checks batches of rows against the rules while the parse worker reads on, so
// that checking runs on another core alongside parsing.
import { indexWorkspace, type WorkspaceIndex } from '$lib/domain/workspace';
import { checkRows, type CheckRequest, type CheckResponse } from './check-pool';
import { unpackRows } from './row-packing';

let workspace: WorkspaceIndex | undefined;

self.onmessage = (event: MessageEvent<CheckRequest>) => {
	const request = event.data;
	if (request.type === 'workspace') {
		workspace = indexWorkspace(request.workspace);
		self.postMessage({ type: 'ready' } satisfies CheckResponse);
		return;
	}
	const issues = checkRows(unpackRows(request.rows), workspace!);
	self.postMessage({ type: 'checked', id: request.id, issues } satisfies CheckResponse);
};
