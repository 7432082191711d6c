// A problem with the file that the admin can read, thrown by the readers in the worker and shown as it is.
import type { ReadAs } from './protocol';

/** A problem with the file the admin can read; `readAs` when it was found after the reading was settled. */
export class FileProblem extends Error {
	constructor(
		message: string,
		readonly readAs?: ReadAs
	) {
		super(message);
	}
}
