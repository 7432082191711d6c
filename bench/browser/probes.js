// What the benchmark installs in every page before the app's own scripts run (context.addInitScript): long
// tasks and long animation frames (with their scripts) as they happen, when a file is chosen, the last click
// and Enter, and DOM milestones with the moment they were seen and the frame that then showed them.
// It is serialised into the page, so it must not use anything from outside the function.
export function installProbes() {
	if (window.__bench) return;
	const bench = {
		longTasks: [],
		frames: [],
		chosenAt: null,
		lastClickAt: null,
		marks: {},
		waiters: {},
		observers: []
	};
	window.__bench = bench;

	const observe = (type, take) => {
		try {
			new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
		} catch {
			// An entry type this browser lacks: its figure stays empty.
		}
	};
	observe('longtask', (entry) => bench.longTasks.push({ start: entry.startTime, duration: entry.duration }));
	observe('long-animation-frame', (entry) =>
		bench.frames.push({
			start: entry.startTime,
			duration: entry.duration,
			blockingDuration: entry.blockingDuration,
			renderStart: entry.renderStart,
			styleAndLayoutStart: entry.styleAndLayoutStart,
			scripts: entry.scripts.map((script) => ({
				invoker: script.invoker,
				invokerType: script.invokerType,
				sourceURL: script.sourceURL,
				sourceFunctionName: script.sourceFunctionName,
				sourceCharPosition: script.sourceCharPosition,
				start: script.startTime,
				duration: script.duration,
				forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration
			}))
		})
	);

	addEventListener(
		'change',
		(event) => {
			const input = event.target;
			if (input instanceof HTMLInputElement && input.type === 'file' && input.id !== '__bench-file') {
				bench.chosenAt = event.timeStamp;
			}
		},
		true
	);
	addEventListener('click', (event) => (bench.lastClickAt = event.timeStamp), true);

	/** Records a milestone now, and the time of the frame after it (when the admin can see it). */
	const mark = (name) => {
		const entry = { seen: performance.now(), painted: null };
		bench.marks[name] = entry;
		requestAnimationFrame(() =>
			setTimeout(() => {
				entry.painted = performance.now();
				for (const resolve of bench.waiters[name] ?? []) resolve(entry);
				delete bench.waiters[name];
			})
		);
	};

	/**
	 * Watches the DOM for milestones: `checks` maps a name to a test (given the marks so far) that holds once
	 * it is reached. Each is marked the first time its test holds; the watch ends when all are marked.
	 */
	bench.watch = (checks) => {
		const pending = new Map(Object.entries(checks));
		const step = () => {
			for (const [name, check] of pending) {
				if (check(bench.marks)) {
					pending.delete(name);
					mark(name);
				}
			}
			if (pending.size === 0) observer.disconnect();
		};
		const observer = new MutationObserver(step);
		observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
		bench.observers.push(observer);
		step();
	};

	bench.stopWatching = () => bench.observers.splice(0).forEach((observer) => observer.disconnect());

	/** Resolves with a milestone's { seen, painted } once its frame has passed. */
	bench.until = (name) =>
		bench.marks[name]?.painted != null
			? Promise.resolve(bench.marks[name])
			: new Promise((resolve) => (bench.waiters[name] ??= []).push(resolve));

	const errorCount = () =>
		Number(/([\d,]+)\s+errors?\b/.exec(document.querySelector('.summary')?.textContent ?? '')?.[1].replace(/,/g, ''));

	/**
	 * Arms the measure of one edit: from the Enter that commits it (its event time) until the summary counts
	 * fewer errors and the cell of row `rowId`, column `colId` shows without its error mark, and the frame
	 * after that. Should the grid be built anew meanwhile (and the row no longer be in view), the end is when
	 * the new grid shows its rows; the edit then says so.
	 */
	bench.armEdit = (rowId, colId) => {
		const selector = `.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`;
		const grid = document.querySelector('.ag-root-wrapper');
		const errorsBefore = errorCount();
		bench.edit = new Promise((resolve) => {
			let start = null;
			const check = () => {
				if (start === null || !(errorCount() < errorsBefore)) return;
				const cell = document.querySelector(selector);
				const rebuilt = document.querySelector('.ag-root-wrapper') !== grid;
				if (cell && (cell.classList.contains('cell-error') || cell.classList.contains('ag-cell-inline-editing')))
					return;
				if (!cell && !(rebuilt && document.querySelector('.ag-row[row-id] .ag-cell[col-id]'))) return;
				observer.disconnect();
				const seen = performance.now();
				requestAnimationFrame(() =>
					setTimeout(() =>
						resolve({
							seen: seen - start,
							painted: performance.now() - start,
							gridRebuilt: rebuilt,
							cellInView: !!cell
						})
					)
				);
			};
			const onKey = (event) => {
				if (event.key !== 'Enter') return;
				start = event.timeStamp;
				removeEventListener('keydown', onKey, true);
			};
			addEventListener('keydown', onKey, true);
			const observer = new MutationObserver(check);
			observer.observe(document.body, {
				subtree: true,
				childList: true,
				characterData: true,
				attributes: true,
				attributeFilter: ['class']
			});
		});
	};

	/**
	 * Goes to the next problem with "Next problem" (F8) until the focused cell is one of `columns` and has an
	 * error; returns it ({ row, col, value }), or { end: true } when no problem is left after it.
	 */
	bench.nextProblem = async (columns, limit = 200) => {
		const focused = () => {
			const cell = document.activeElement?.closest?.('.ag-cell');
			const row = cell?.closest('.ag-row')?.getAttribute('row-id');
			return cell && row ? { cell, row, col: cell.getAttribute('col-id') } : null;
		};
		// Past the last problem, "Next problem" wraps around to the first and says so: that is the end here.
		const atEnd = () =>
			[...document.querySelectorAll('p[role=status]')].some((p) =>
				/Back to the first problem|No problem is left/.test(p.textContent ?? '')
			);
		const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
		let skipped = 0;
		for (let i = 0; i < limit; i++) {
			const before = focused();
			dispatchEvent(new KeyboardEvent('keydown', { key: 'F8', bubbles: true }));
			let now = focused();
			for (let wait = 0; wait < 100 && (!now || (before && now.cell === before.cell)) && !atEnd(); wait++) {
				await frame();
				now = focused();
			}
			if (atEnd()) return { end: true, skipped };
			if (now && columns.includes(now.col) && now.cell.classList.contains('cell-error')) {
				return { row: now.row, col: now.col, value: now.cell.textContent ?? '', skipped };
			}
			skipped++;
		}
		return { end: true, skipped };
	};
}
