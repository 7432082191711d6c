// What the benchmark reads through the Chrome DevTools Protocol: the JS heap of the page and its workers,
// sampled, and CPU profiles of the main thread with a summary of where its time went.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sleep } from './timings.js';

/**
 * Samples the used JS heap (V8's, CDP `Runtime.getHeapUsage`) of the page's main thread and of its dedicated
 * workers, nested ones too, every `everyMs`, keeping each phase's peaks: `{ mainThread, workers }`, where
 * `workers` is the sum over the workers alive at one sample. A spike that rises and falls between two samples
 * is missed: the peaks are lower bounds.
 */
export function sampleHeap(cdp, everyMs = 200) {
	const page = { send: (method, params) => cdp.send(method, params), on: (event, take) => cdp.on(event, take) };
	const workers = new Map();
	const watching = attachWorkers(page, workers);
	const peaks = {};
	let phase = 'load';
	let running = true;
	const usedBy = (target) => target.send('Runtime.getHeapUsage').then(({ usedSize }) => usedSize);
	const take = async () => {
		const [mainThread, ...inWorkers] = await Promise.all([
			usedBy(page),
			// A worker that ends as it is asked holds nothing any more.
			...[...workers.values()].map((worker) => usedBy(worker).catch(() => 0))
		]);
		const peak = (peaks[phase] ??= { mainThread: 0, workers: 0 });
		peak.mainThread = Math.max(peak.mainThread, mainThread);
		peak.workers = Math.max(
			peak.workers,
			inWorkers.reduce((sum, used) => sum + used, 0)
		);
	};
	const loop = (async () => {
		await watching;
		while (running) {
			await take().catch(() => (running = false));
			await sleep(everyMs);
		}
	})();
	return {
		peaks,
		async phase(name) {
			await take().catch(() => {});
			phase = name;
		},
		async stop() {
			running = false;
			await loop.catch(() => {});
			return peaks;
		}
	};
}

/** The highest of `peaks` (from `sampleHeap`) over `phases`, main thread and workers apart; null when unmeasured. */
export function peakOver(peaks, phases) {
	const highest = (key) => Math.max(...phases.map((phase) => peaks[phase]?.[key] ?? 0)) || null;
	return { mainThread: highest('mainThread'), workers: highest('workers') };
}

/**
 * Keeps `workers` (session id → a session as `{ send, on }`) to the dedicated workers of `target` (a session of
 * the same shape), and theirs, as they start and end; resolves once `target` is watched. Through auto-attach
 * without flattening, each worker is reached with `Target.sendMessageToTarget` (Playwright's CDP sessions take
 * no session id of their own).
 */
function attachWorkers(target, workers) {
	target.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
		if (targetInfo.type !== 'worker') return;
		const worker = through(target, sessionId);
		workers.set(sessionId, worker);
		// A worker's own helpers (the parse worker's check helpers) are its children, not the page's.
		attachWorkers(worker, workers).catch(() => {});
	});
	target.on('Target.detachedFromTarget', ({ sessionId }) => {
		workers.get(sessionId)?.close();
		workers.delete(sessionId);
	});
	return target.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
}

/** A session to the target `sessionId` attached to `parent`, its messages carried by the parent. */
function through(parent, sessionId) {
	const pending = new Map();
	const listeners = new Map();
	let lastId = 0;
	let closed = false;
	parent.on('Target.receivedMessageFromTarget', (event) => {
		if (event.sessionId !== sessionId) return;
		const message = JSON.parse(event.message);
		if (message.id === undefined) {
			for (const take of listeners.get(message.method) ?? []) take(message.params);
			return;
		}
		const call = pending.get(message.id);
		pending.delete(message.id);
		if (message.error) call?.reject(new Error(message.error.message));
		else call?.resolve(message.result);
	});
	return {
		send(method, params = {}) {
			if (closed) return Promise.reject(new Error('the worker is gone'));
			const id = ++lastId;
			return new Promise((resolve, reject) => {
				pending.set(id, { resolve, reject });
				const message = JSON.stringify({ id, method, params });
				parent.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
			});
		},
		on(event, take) {
			listeners.set(event, [...(listeners.get(event) ?? []), take]);
		},
		close() {
			closed = true;
			for (const call of pending.values()) call.reject(new Error('the worker is gone'));
			pending.clear();
		}
	};
}

export async function startProfile(cdp, enabled) {
	if (!enabled) return;
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
}

export async function stopProfile(cdp, enabled, file) {
	if (!enabled) return undefined;
	const { profile } = await cdp.send('Profiler.stop');
	writeFileSync(file, JSON.stringify(profile));
	return summariseProfile(profile);
}

/** The functions with the most self time: name, file:line:column in the served bundle, ms and share. */
export function summariseProfile(profile, top = 12) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const selfMs = new Map();
	profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
	const byFunction = new Map();
	let totalMs = 0;
	for (const [id, ms] of selfMs) {
		const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
		const where = url ? `${basename(url)}:${lineNumber + 1}:${columnNumber + 1}` : '';
		const key = `${functionName || '(anonymous)'} ${where}`.trim();
		byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
		totalMs += ms;
	}
	const busyMs = totalMs - (byFunction.get('(idle)') ?? 0) - (byFunction.get('(program)') ?? 0);
	return {
		totalMs: Math.round(totalMs),
		busyMs: Math.round(busyMs),
		top: [...byFunction]
			.filter(([key]) => key !== '(idle)')
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([fn, ms]) => ({ fn, ms: Math.round(ms), share: `${((ms / totalMs) * 100).toFixed(1)} %` }))
	};
}

/**
 * Starts a trace of the page's tasks (Chromium's timeline): unlike the long-task entries' wall time, each task's
 * thread time leaves out the time the machine gave to other processes.
 */
export async function startTrace(cdp, enabled) {
	if (!enabled) return;
	await cdp.send('Tracing.start', {
		categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
		transferMode: 'ReportEvents'
	});
}

/**
 * Stops the trace and gives the page's main-thread tasks over 50 ms of wall or of thread time, in their order
 * (`atMs`, `wallMs`, `threadMs`, and `gcMs` of that thread time in the collector's pauses), with the longest of each.
 */
export async function stopTrace(cdp, enabled) {
	if (!enabled) return undefined;
	const events = [];
	const done = new Promise((resolve) => {
		cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
		cdp.on('Tracing.tracingComplete', resolve);
	});
	await cdp.send('Tracing.end');
	await done;
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && hasTasks(e));
	function hasTasks(thread) {
		return events.some((e) => e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid);
	}
	if (!main) return { tasks: [] };
	const runs = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
	const start = Math.min(...runs.map((e) => e.ts));
	// atMs: from the trace's first task, a moment before the click.
	// The collector's pauses on that thread, told apart: a task's own work is what is left.
	const pauses = events.filter(
		(e) => (e.name === 'MajorGC' || e.name === 'MinorGC') && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid
	);
	const tasks = runs.map((e) => ({
		atMs: Math.round((e.ts - start) / 1000),
		wallMs: Math.round(e.dur / 1000),
		threadMs: Math.round((e.tdur ?? e.dur) / 1000),
		gcMs: Math.round(
			pauses.filter((p) => p.ts >= e.ts && p.ts < e.ts + e.dur).reduce((sum, p) => sum + (p.tdur ?? p.dur), 0) / 1000
		)
	}));
	const longest = (key) => tasks.reduce((best, task) => Math.max(best, task[key]), 0);
	return {
		longestWallMs: longest('wallMs'),
		longestThreadMs: longest('threadMs'),
		over50: tasks.filter((t) => t.wallMs > 50 || t.threadMs > 50)
	};
}
