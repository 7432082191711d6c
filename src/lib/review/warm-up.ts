// The review grid drawn once off screen while the import page is idle, with rows made up here, then kept hidden
// while the page is open: ag-grid's code is compiled and optimised and its theme's styles are in the page
// (ag-grid takes them out with its last grid) before the first file's review, whose grid then draws its first
// rows at full speed. It is the review's own grid, so it warms the same row model (infinite, over a view).
import { mount, unmount } from 'svelte';
import { WHOLE_ROW } from '$lib/domain/issues';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import { ReviewSession } from '$lib/review/review-session.svelte';
import ReviewGrid from './ReviewGrid.svelte';

const NO_WORKSPACE: WorkspaceSnapshot = { technicians: [], groups: [], clients: [], signUpEmail: '', customFields: [] };
/** Made-up rows: several of the grid's blocks, as a real file's, of which it draws the first. */
const ROWS = 1000;
/** Row numbers beyond any spreadsheet's: nothing that looks for a row of a file finds one of these. */
const FIRST_ROW_NUMBER = 10_000_000;
/** How long the warm-up grid may take to draw its rows before it is removed. */
const DRAW_WAIT_MS = 10_000;

/** A review of made-up rows, some with an error or a warning, so the grid draws every kind of cell. */
function sampleSession(): ReviewSession {
	const session = new ReviewSession(
		{ fileName: 'warm-up.csv', settings: { encoding: 'utf-8', delimiter: ',' }, header: [], mapping: [] },
		NO_WORKSPACE
	);
	session.addParsed(
		Array.from({ length: ROWS }, (_, i) => ({
			rowNumber: FIRST_ROW_NUMBER + i,
			values: TEMPLATE_COLUMNS.map((column) => `${column} ${i}`),
			issues: [
				...(i % 10 === 0
					? [
							{
								column: COL.PrimaryContactEmail,
								severity: 'error',
								code: 'email_invalid',
								message: 'Warm-up.'
							} as const
						]
					: []),
				...(i % 15 === 0
					? [{ column: WHOLE_ROW, severity: 'warning', code: 'row_too_few_fields', message: 'Warm-up.' } as const]
					: [])
			]
		}))
	);
	return session;
}

export interface GridWarmUp {
	/** A file was chosen: the grid is hidden, or removed if it is still drawing its rows (its work would compete). */
	settle(): void;
	/** Removes the grid (the admin left the page). */
	remove(): void;
}

/** Draws the grid off screen, out of reach of the keyboard and assistive technology. */
export function warmUpReviewGrid(): GridWarmUp {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.inert = true;
	host.style.cssText = 'position: fixed; top: 0; left: -10000px; width: 1200px; overflow: hidden; pointer-events: none';
	document.body.append(host);
	const grid = mount(ReviewGrid, {
		target: host,
		props: {
			session: sampleSession(),
			technicianEmails: [],
			onlyProblems: false,
			problemColumn: null,
			onfocus: () => {},
			onselection: () => {},
			onpasted: () => {}
		}
	});
	const started = performance.now();
	let frame = 0;
	let removed = false;
	const remove = () => {
		if (removed) return;
		removed = true;
		cancelAnimationFrame(frame);
		unmount(grid);
		host.remove();
	};
	// The grid stays, hidden: only its styles are wanted from now on (emptying it would be work for nothing).
	const hide = () => {
		cancelAnimationFrame(frame);
		host.hidden = true;
	};
	// Drawn: the grid counts every row (it does once its first block is in) and shows a marked cell of one.
	const rowsTaken = () =>
		Number(host.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount')) > ROWS &&
		host.querySelector('.ag-row[row-id] .cell-error') !== null;
	frame = requestAnimationFrame(function hideWhenDrawn() {
		if (rowsTaken()) hide();
		else if (performance.now() - started > DRAW_WAIT_MS) remove();
		else frame = requestAnimationFrame(hideWhenDrawn);
	});
	return { settle: () => (rowsTaken() ? hide() : remove()), remove };
}
