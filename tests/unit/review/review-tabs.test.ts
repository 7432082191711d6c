import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewTabs, type TabMessage } from '$lib/review/review-tabs';
import { FakeLockManager } from '../../helpers/web-locks';

/** A tab of the browser: what it hears from the others, and its hold on the review. */
function openTab() {
	const heard: TabMessage[] = [];
	const tabs = new ReviewTabs((message) => heard.push(message));
	const lost = vi.fn();
	opened.push(tabs);
	return { tabs, heard, lost, acquire: (how: 'if-free' | 'hand-over' | 'steal') => tabs.acquire(how, lost) };
}

const opened: ReviewTabs[] = [];

afterEach(() => {
	for (const tabs of opened.splice(0)) tabs.close();
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('a browser without Web Locks', () => {
	it('lets a lone tab hold the review, and says no other tab does', async () => {
		vi.stubGlobal('navigator', undefined);
		const tab = openTab();
		expect(await tab.acquire('if-free')).toBe(true);
		expect(tab.tabs.holding).toBe(true);
		expect(await tab.tabs.heldElsewhere()).toBe(false);
		tab.tabs.letGo();
		expect(tab.tabs.holding).toBe(false);
	});
});

describe('two tabs of one browser', () => {
	beforeEach(() => {
		vi.stubGlobal('navigator', { locks: new FakeLockManager() });
	});

	it('lets one tab hold the review at a time: the other is told it is open elsewhere', async () => {
		const first = openTab();
		const second = openTab();
		expect(await first.acquire('if-free')).toBe(true);
		expect(await second.acquire('if-free')).toBe(false);
		expect(second.tabs.holding).toBe(false);
		expect(await second.tabs.heldElsewhere()).toBe(true);
		expect(await first.tabs.heldElsewhere()).toBe(false);
	});

	it('tells the waiting tab once the review is free, and then lets it take it', async () => {
		const first = openTab();
		const second = openTab();
		await first.acquire('if-free');
		const free = vi.fn();
		second.tabs.whenFree(free);
		await Promise.resolve();
		expect(free).not.toHaveBeenCalled();
		first.tabs.letGo();
		await vi.waitFor(() => expect(free).toHaveBeenCalledOnce());
		expect(await second.acquire('if-free')).toBe(true);
		expect(first.lost).not.toHaveBeenCalled();
	});

	it('stops telling a tab that no longer waits', async () => {
		const first = openTab();
		const second = openTab();
		await first.acquire('if-free');
		const free = vi.fn();
		const stopWaiting = second.tabs.whenFree(free);
		stopWaiting();
		first.tabs.letGo();
		// The review is free (a third tab no longer sees it open elsewhere): the tab that stopped waiting heard nothing.
		const third = openTab();
		await vi.waitFor(async () => expect(await third.tabs.heldElsewhere()).toBe(false));
		expect(await third.acquire('if-free')).toBe(true);
		expect(free).not.toHaveBeenCalled();
	});

	it('hands the review over once the tab editing it lets go, without telling that tab it lost it', async () => {
		const first = openTab();
		const second = openTab();
		await first.acquire('if-free');
		const taking = second.acquire('hand-over');
		await Promise.resolve();
		expect(second.tabs.holding).toBe(false);
		first.tabs.letGo();
		expect(await taking).toBe(true);
		expect(second.tabs.holding).toBe(true);
		expect(first.lost).not.toHaveBeenCalled();
	});

	it('takes the review from a tab that does not let go within 5 seconds, and that tab learns it lost it', async () => {
		vi.useFakeTimers();
		// A timeout signal runs on Node's own clock: one on the faked timers, for the 5 seconds to pass at once.
		vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
			const controller = new AbortController();
			setTimeout(() => controller.abort(new DOMException('Timed out', 'TimeoutError')), ms);
			return controller.signal;
		});
		const first = openTab();
		const second = openTab();
		await first.acquire('if-free');
		const taking = second.acquire('hand-over');
		await vi.advanceTimersByTimeAsync(4_999);
		expect(second.tabs.holding).toBe(false);
		expect(first.lost).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(await taking).toBe(true);
		expect(first.lost).toHaveBeenCalledOnce();
		expect(first.tabs.holding).toBe(false);
		expect(second.tabs.holding).toBe(true);
	});

	it('takes the review at once when the admin chose a file to replace it, and the other tab learns it lost it', async () => {
		const first = openTab();
		const second = openTab();
		await first.acquire('if-free');
		expect(await second.acquire('steal')).toBe(true);
		await vi.waitFor(() => expect(first.lost).toHaveBeenCalledOnce());
		expect(first.tabs.holding).toBe(false);
		expect(await first.acquire('if-free')).toBe(false);
	});

	it('lets the review go when the tab closes', async () => {
		const first = openTab();
		await first.acquire('if-free');
		const second = openTab();
		expect(await second.tabs.heldElsewhere()).toBe(true);
		first.tabs.close();
		await vi.waitFor(async () => expect(await second.tabs.heldElsewhere()).toBe(false));
		expect(await second.acquire('if-free')).toBe(true);
	});
});

describe('messages between tabs', () => {
	it('reach every other tab, not the one that sent them, and none after a tab closed', async () => {
		const first = openTab();
		const second = openTab();
		const third = openTab();
		third.tabs.close();
		const committed: TabMessage = { type: 'committed', reviewId: 'r1', fileName: 'clients.csv', imported: 3 };
		first.tabs.post(committed);
		second.tabs.post({ type: 'discarded', reviewId: null });
		await vi.waitFor(() => expect(first.heard).toHaveLength(1));
		await vi.waitFor(() => expect(second.heard).toHaveLength(1));
		expect(first.heard).toEqual([{ type: 'discarded', reviewId: null }]);
		expect(second.heard).toEqual([committed]);
		expect(third.heard).toEqual([]);
	});
});
