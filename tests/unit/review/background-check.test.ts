import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexWorkspace, type WorkspaceIndex } from '$lib/domain/workspace';
import { unpackRows } from '$lib/domain/stored-values';
import { checkRows, type CheckRequest, type CheckResponse } from '$lib/import/check-pool';
import { checkInWorkers, prepareCheckHelpers, releaseCheckHelpers } from '$lib/review/background-check';
import { SNAPSHOT, validRow } from '../domain/valid-row';

/** A check worker in this thread: answers as check.worker.ts does, a few milliseconds later. */
class FakeWorker {
	static all: FakeWorker[] = [];
	onmessage: ((event: MessageEvent<CheckResponse>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	terminated = false;
	checked = 0;
	private workspace: WorkspaceIndex | undefined;

	constructor() {
		FakeWorker.all.push(this);
	}

	postMessage(message: CheckRequest) {
		if (this.terminated) return;
		if (message.type === 'workspace') {
			this.workspace = indexWorkspace(message.workspace);
			return;
		}
		const issues = checkRows(unpackRows(message.rows, message.count), this.workspace!);
		setTimeout(() => {
			if (this.terminated) return;
			this.checked++;
			this.onmessage?.({ data: { type: 'checked', id: message.id, issues } } as MessageEvent<CheckResponse>);
		}, 5);
	}

	terminate() {
		this.terminated = true;
	}

	fail() {
		this.onerror?.({ preventDefault() {} } as ErrorEvent);
	}
}

const rows = (name: string, count: number) =>
	Array.from({ length: count }, (_, i) =>
		validRow({ ClientName: `${name} ${i}`, PrimaryContactEmail: i % 2 === 0 ? 'not an email' : `c${i}@x.example` })
	);
const emailCodes = (issues: { code: string }[][]) => issues.map((row) => row.map((issue) => issue.code).join());
const idle = () => new Promise((resolve) => setTimeout(resolve, 250));

beforeEach(() => {
	FakeWorker.all = [];
	vi.stubGlobal('Worker', FakeWorker);
	vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
});

afterEach(() => {
	releaseCheckHelpers();
	vi.unstubAllGlobals();
});

describe('checkInWorkers', () => {
	it('starts the helpers once a review is open, and every large edit uses them', async () => {
		prepareCheckHelpers();
		await idle();
		expect(FakeWorker.all).toHaveLength(2);
		await checkInWorkers(rows('A', 10), SNAPSHOT);
		await checkInWorkers(rows('B', 10), SNAPSHOT);
		expect(FakeWorker.all).toHaveLength(2);
		expect(FakeWorker.all.reduce((sum, worker) => sum + worker.checked, 0)).toBe(2);
		expect(FakeWorker.all.some((worker) => worker.terminated)).toBe(false);
	});

	it('gives two checks at once each their own helpers and their own answers', async () => {
		prepareCheckHelpers();
		await idle();
		const first = rows('A', 4);
		const second = rows('B', 3).map((values) => values.map((value) => value.replace('not an email', 'b@x.example')));
		const [a, b] = await Promise.all([checkInWorkers(first, SNAPSHOT), checkInWorkers(second, SNAPSHOT)]);
		expect(emailCodes(a)).toEqual(['email_invalid', '', 'email_invalid', '']);
		expect(emailCodes(b)).toEqual(['', '', '']);
		expect(FakeWorker.all).toHaveLength(4);
		// One set is kept for the next edit; the other ended.
		expect(FakeWorker.all.filter((worker) => worker.terminated)).toHaveLength(2);
	});

	it('drops a free helper that fails, and the next check still gets every answer', async () => {
		prepareCheckHelpers();
		await idle();
		FakeWorker.all[0].fail();
		expect(FakeWorker.all[0].terminated).toBe(true);
		const issues = await checkInWorkers(rows('A', 6), SNAPSHOT);
		expect(emailCodes(issues)).toEqual(['email_invalid', '', 'email_invalid', '', 'email_invalid', '']);
		expect(FakeWorker.all[1].checked).toBeGreaterThan(0);
	});

	it('finishes a check under way when the page closes, then ends its helpers', async () => {
		prepareCheckHelpers();
		await idle();
		const checking = checkInWorkers(rows('A', 4), SNAPSHOT);
		releaseCheckHelpers();
		expect(emailCodes(await checking)).toEqual(['email_invalid', '', 'email_invalid', '']);
		expect(FakeWorker.all.every((worker) => worker.terminated)).toBe(true);
	});
});
