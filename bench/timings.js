// Reading what the page measured: medians, the summary's counts, long tasks in a span and the frame (with its
// scripts) that holds one; and a timeout for steps that may take minutes.
export const MINUTE = 60_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function withTimeout(promise, ms, what) {
	let timer;
	return Promise.race([
		promise,
		new Promise(
			(_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / MINUTE} min`)), ms))
		)
	]).finally(() => clearTimeout(timer));
}

export const median = (values) => {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The summary bar's four counts, each worded in the singular when it is one ("1 row with errors"). */
export function parseSummary(text) {
	const number = (label) => Number(new RegExp(`([\\d,]+)\\s+${label}`).exec(text)?.[1].replace(/,/g, '') ?? NaN);
	return {
		rows: number('rows?\\b(?! with)'),
		rowsWithErrors: number('rows? with errors'),
		errors: number('errors?\\b'),
		warnings: number('warnings?\\b')
	};
}

/** Long tasks between two page times: the longest, how many, their total. */
export function longTasksBetween(tasks, from, to) {
	const inside = tasks.filter((task) => task.start >= from - 1 && task.start < to);
	const longest = inside.reduce((best, task) => (task.duration > (best?.duration ?? 0) ? task : best), null);
	return { longest, count: inside.length, totalMs: inside.reduce((sum, task) => sum + task.duration, 0) };
}

/** The long animation frame that holds a task, with its scripts, longest first, and where in the bundle. */
export function attribute(task, frames, origin) {
	if (!task) return null;
	const overlap = (f) => Math.min(f.start + f.duration, task.start + task.duration) - Math.max(f.start, task.start);
	const frame = frames.reduce((best, f) => (overlap(f) > (best ? overlap(best) : 0) ? f : best), null);
	if (!frame) return null;
	return {
		frameMs: frame.duration,
		renderMs: frame.renderStart ? frame.start + frame.duration - frame.renderStart : 0,
		scripts: [...frame.scripts]
			.sort((a, b) => b.duration - a.duration)
			.slice(0, 5)
			.map((s) => ({
				durationMs: Math.round(s.duration),
				invoker: s.invoker,
				source: `${s.sourceURL.replace(origin, '')}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}@${s.sourceCharPosition}`,
				forcedLayoutMs: Math.round(s.forcedStyleAndLayoutDuration)
			}))
	};
}
