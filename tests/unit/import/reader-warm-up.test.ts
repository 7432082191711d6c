import { describe, expect, it } from 'vitest';
import { warmUpReader } from '$lib/import/reader-warm-up';

describe('warmUpReader', () => {
	it('reads every one of the 200 rows of its own small file, to its last byte', async () => {
		const progress = await warmUpReader();
		expect(progress.rowsRead).toBe(200);
		expect(progress.bytesRead).toBe(progress.totalBytes);
	});
});
