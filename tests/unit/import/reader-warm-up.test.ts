import { describe, expect, it } from 'vitest';
import { warmUpReader } from '$lib/import/reader-warm-up';

describe('warmUpReader', () => {
	it('reads its own small file to the end without a problem', async () => {
		await expect(warmUpReader()).resolves.toBeUndefined();
	});
});
