// The parse worker's work done in the test's own thread, for tests in Node, which cannot start the module
// worker `parse-client.ts` starts: the same `inspectFile` and `readFile` the worker runs, its rows packed and
// unpacked as its messages carry them, its failures worded as it words them, and a cancel that rejects the
// read at once, as terminating the worker does. `holdReads` keeps reads waiting, for a test to see a read
// under way.
import { indexWorkspace, type WorkspaceSnapshot } from '$lib/domain/workspace';
import type { ColumnMapping, ColumnShaping } from '$lib/import/column-plan';
import type { ParseJob, ReadFailure } from '$lib/import/parse-client';
import { packBatch, unpackBatch, type FileSettings, type Progress, type ReceivedRow } from '$lib/import/protocol';
import { FileProblem, inspectFile, readFile } from '$lib/import/read-file';
import { messageOf } from '$lib/wording';

let held: Promise<void> | undefined;

/** Reads started from now wait until the function returned is called. */
export function holdReads(): () => void {
	let release = () => {};
	held = new Promise((resolve) => (release = resolve));
	return () => {
		held = undefined;
		release();
	};
}

/** `inspect` and `parse` as `parse-client.ts` has them, failing with its `ReadFailure`. */
export function inProcessReader(Failure: typeof ReadFailure) {
	const failure = (error: unknown) =>
		error instanceof FileProblem
			? new Failure(error.message, error.readAs)
			: new Failure(`The file could not be read: ${messageOf(error)}.`);

	async function inspect(file: File, settings: Partial<FileSettings>, columns: string[]) {
		try {
			return { id: 0, type: 'inspected' as const, ...(await inspectFile(file, settings, columns)) };
		} catch (error) {
			throw failure(error);
		}
	}

	function parse(
		file: File,
		settings: FileSettings,
		mapping: ColumnMapping,
		shaping: ColumnShaping,
		workspace: WorkspaceSnapshot,
		onRows: (rows: ReceivedRow[], progress: Progress) => void
	): ParseJob {
		let cancelled = false;
		let abort = () => {};
		const aborted = new Promise<never>((_, reject) => {
			abort = () => reject(new DOMException('Cancelled', 'AbortError'));
		});
		const reading = (async () => {
			await held;
			try {
				return await readFile(file, {
					settings,
					mapping,
					shaping,
					workspace: indexWorkspace(workspace),
					onRows: (rows, progress) => {
						if (!cancelled) onRows(unpackBatch(packBatch(rows)), progress);
					}
				});
			} catch (error) {
				throw failure(error);
			}
		})();
		const cancel = () => {
			cancelled = true;
			abort();
		};
		return { done: Promise.race([reading, aborted]), cancel };
	}

	return { inspect, parse };
}
