// The review grid drawn once off screen while the import page is idle, then emptied and kept hidden while the
// page is open: ag-grid's code is compiled and its theme's styles are in the page (ag-grid takes them out with
// its last grid) before the first file's review, whose grid is then drawn in short tasks.
import { mount, unmount } from 'svelte';
import { WHOLE_ROW } from '$lib/domain/issues';
import { COL, TEMPLATE_COLUMNS } from '$lib/domain/template';
import type { WorkspaceSnapshot } from '$lib/domain/workspace';
import { ReviewSession } from '$lib/import/review.svelte';
import ReviewGrid from './ReviewGrid.svelte';

const NO_WORKSPACE: WorkspaceSnapshot = { technicians: [], groups: [], clients: [], signUpEmail: '', customFields: [] };
/** How long the warm-up grid may take to draw its row before it is hidden anyway. */
const DRAW_WAIT_MS = 5000;

/** A review of one row with an error and a warning, so the grid draws every kind of cell. */
function sampleSession(): ReviewSession {
	const session = new ReviewSession(
		{ fileName: 'warm-up.csv', settings: { encoding: 'utf-8', delimiter: ',' }, header: [], mapping: [] },
		NO_WORKSPACE
	);
	session.addParsed([
		{
			// Row 0 is no spreadsheet row: nothing that looks for a row of a file finds this one.
			rowNumber: 0,
			values: TEMPLATE_COLUMNS.map((column) => column),
			issues: [
				{ column: COL.PrimaryContactEmail, severity: 'error', code: 'email_invalid', message: 'Warm-up.' },
				{ column: WHOLE_ROW, severity: 'warning', code: 'row_too_few_fields', message: 'Warm-up.' }
			]
		}
	]);
	return session;
}

/** Draws the grid off screen, out of reach of the keyboard and assistive technology; returns its removal. */
export function warmUpReviewGrid(): () => void {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.inert = true;
	host.style.cssText = 'position: fixed; top: 0; left: -10000px; width: 1200px; overflow: hidden; pointer-events: none';
	document.body.append(host);
	const session = sampleSession();
	const grid = mount(ReviewGrid, {
		target: host,
		props: {
			session,
			technicianEmails: [],
			onlyProblems: false,
			problemColumn: null,
			onfocus: () => {},
			onselection: () => {}
		}
	});
	const started = performance.now();
	let frame = requestAnimationFrame(function hideWhenDrawn() {
		const drawn = host.querySelector('.ag-row .ag-cell') !== null;
		if (!drawn && performance.now() - started < DRAW_WAIT_MS) {
			frame = requestAnimationFrame(hideWhenDrawn);
			return;
		}
		// The grid stays, empty and hidden: only its styles are wanted from now on.
		host.hidden = true;
		session.removeRows([0]);
	});
	return () => {
		cancelAnimationFrame(frame);
		unmount(grid);
		host.remove();
	};
}
