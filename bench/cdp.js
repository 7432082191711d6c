// What the benchmark reads through the Chrome DevTools Protocol: the page's JS heap, sampled, and CPU profiles
// of the main thread with a summary of where its time went.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sleep } from './timings.js';

/** Samples the page's used JS heap (CDP) every `everyMs`, keeping the peak of each phase. */
export function sampleHeap(cdp, everyMs = 200) {
	const peaks = {};
	let phase = 'load';
	let running = true;
	const take = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
		peaks[phase] = Math.max(peaks[phase] ?? 0, used);
	};
	const loop = (async () => {
		await cdp.send('Performance.enable');
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
