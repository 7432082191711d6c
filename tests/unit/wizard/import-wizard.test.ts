import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { resetDemo } from '$lib/db/demo';
import { loadDraftMeta } from '$lib/db/drafts';
import { commitImport } from '$lib/db/import-commit';
import { db } from '$lib/db/schema';
import { COL } from '$lib/domain/template';
import { ImportWizard, type Stage } from '$lib/wizard/import-wizard.svelte';
import { holdReads } from '../../helpers/in-process-reader';
import { FakeLockManager } from '../../helpers/web-locks';
import { ModuleWorker } from '../../helpers/module-worker';

// Node has no module worker for the file reader: the worker's own code runs here instead.
vi.mock('$lib/import/parse-client', async (importOriginal) => {
	const actual = await importOriginal<typeof import('$lib/import/parse-client')>();
	const { inProcessReader } = await import('../../helpers/in-process-reader');
	return { ...actual, ...inProcessReader(actual.ReadFailure) };
});

const fixtures = new URL('../../fixtures/', import.meta.url);
const fixture = (name: string) => new File([readFileSync(new URL(name, fixtures))], name, { type: 'text/csv' });
/** 50 valid clients under the template's own header. */
const validFile = () => fixture('clients-valid.csv');
/** 24 clients under another tool's header names. */
const otherToolFile = () => fixture('clients-other-tool.csv');

let wizard: ImportWizard;
let disconnect: () => void;
/** Every stage the page was given to show since the last look, each once in a row. */
let shown: Stage[];

/** Opens the import page: a wizard joined to the other tabs, each stage it is set to noted as it is set. */
function openPage() {
	wizard = new ImportWizard();
	let stage = wizard.stage;
	shown = [stage];
	Object.defineProperty(wizard, 'stage', {
		configurable: true,
		get: () => stage,
		set: (next: Stage) => {
			stage = next;
			if (shown.at(-1) !== next) shown.push(next);
		}
	});
	disconnect = wizard.connect();
}

beforeEach(async () => {
	await resetDemo();
	// The commit's worker: its real module, run in this thread.
	vi.stubGlobal('Worker', ModuleWorker);
	openPage();
});

afterEach(async () => {
	// The review's last save ends before the next test empties the database.
	await wizard.autosave.flush();
	disconnect();
	vi.unstubAllGlobals();
});

/** The stages shown since the last look, starting from the one shown then. */
function stagesShown(): Stage[] {
	const stages = shown;
	shown = [wizard.stage];
	return stages;
}

describe('the import wizard', () => {
	it('opens on the file choice, with nothing to resume', async () => {
		await wizard.checkForDraft();
		expect(wizard).toMatchObject({ draft: null, openElsewhere: false });
		expect(wizard.stage).toBe('choose');
		expect(wizard.error).toBe('');
		expect(stagesShown()).toEqual(['choose']);
	});

	it('goes from a file in the template to its review, skipping the mapping', async () => {
		stagesShown();
		await wizard.choose(validFile());
		expect(stagesShown()).toEqual(['choose', 'inspecting', 'reading', 'review']);
		expect(wizard.fileName).toBe('clients-valid.csv');
		expect(wizard.session?.counts).toEqual({ rows: 50, rowsWithErrors: 0, errors: 0, warnings: 0 });
		expect(wizard.progress.rowsRead).toBe(50);
	});

	it('asks for the mapping of another tool’s header, then reads the file with it', async () => {
		stagesShown();
		await wizard.choose(otherToolFile());
		expect(stagesShown()).toEqual(['choose', 'inspecting', 'header']);
		expect(wizard.session).toBeNull();
		// The suggested mapping: the file's "Company" column is the template's ClientName.
		expect(wizard.header[wizard.mapping[COL.ClientName] as number]).toBe('Company');
		await wizard.confirmMapping();
		expect(stagesShown()).toEqual(['header', 'reading', 'review']);
		expect(wizard.session?.counts.rows).toBe(24);
		expect(wizard.session?.rows[0].values[COL.ClientName]).not.toBe('');
	});

	it('goes straight to the review of a header whose mapping it remembers, and back to that mapping on request', async () => {
		await wizard.choose(otherToolFile());
		await wizard.confirmMapping();
		wizard.startOver();
		stagesShown();
		await wizard.choose(otherToolFile());
		expect(stagesShown()).toEqual(['choose', 'inspecting', 'reading', 'review']);
		expect(wizard.mappingRememberedAt).not.toBeNull();
		wizard.changeMapping();
		expect(stagesShown()).toEqual(['review', 'header']);
		expect(wizard.session).toBeNull();
		await wizard.confirmMapping();
		expect(stagesShown()).toEqual(['header', 'reading', 'review']);
	});

	it('goes back to the file choice, saying why, when a file cannot be read', async () => {
		await wizard.choose(new File([], 'empty.csv'));
		expect(wizard.stage).toBe('choose');
		expect(wizard.error).toBe('This file is empty: it has no header row and no clients.');

		const headerOnly = readFileSync(new URL('clients-valid.csv', fixtures), 'utf8').split(/\r?\n/)[0];
		await wizard.choose(new File([headerOnly + '\n'], 'header-only.csv'));
		expect(wizard.stage).toBe('choose');
		expect(wizard.error).toBe(
			'This file has a header row but no clients under it: add at least one row and choose it again.'
		);
		// The error is about this file, which can be read again with another encoding or delimiter.
		expect(wizard.fileCanBeReread).toBe(true);
		expect(wizard.session).toBeNull();
	});

	it('goes back to the file choice when reading is cancelled, and the read’s end changes nothing', async () => {
		const release = holdReads();
		onTestFinished(release);
		const choosing = wizard.choose(validFile());
		await vi.waitFor(() => expect(wizard.stage).toBe('reading'));
		wizard.cancelReading();
		expect(wizard.stage).toBe('choose');
		expect(wizard.error).toBe('Reading was cancelled: nothing was imported.');
		release();
		await choosing;
		expect(wizard.stage).toBe('choose');
		expect(wizard.session).toBeNull();
		expect(wizard.error).toBe('Reading was cancelled: nothing was imported.');
	});

	it('imports a clean review: importing, with its progress, then done, and the draft is gone', async () => {
		await wizard.choose(validFile());
		expect(await loadDraftMeta()).toBeDefined();
		stagesShown();
		await wizard.commit(false);
		expect(stagesShown()).toEqual(['review', 'committing', 'done']);
		expect(wizard.commitTotal).toBe(50);
		expect(wizard.commitWritten).toBe(50);
		expect(wizard.outcome).toMatchObject({ fileName: 'clients-valid.csv', imported: 50, skipped: 0 });
		expect(await db.clients.count()).toBe(50);
		expect(await loadDraftMeta()).toBeUndefined();
	});

	it('imports rows with errors only once told to skip them', async () => {
		// The rows the fixture's expected errors name: those the import skips.
		const expected = readFileSync(new URL('clients-with-errors.expected.csv', fixtures), 'utf8');
		const rowsWithErrors = new Set(
			expected
				.trim()
				.split(/\r?\n/)
				.slice(1)
				.map((line) => line.split(',')[0])
		).size;
		await wizard.choose(fixture('clients-with-errors.csv'));
		await wizard.commit(false);
		expect(wizard.stage).toBe('review');
		expect(await db.clients.count()).toBe(0);
		await wizard.commit(true);
		expect(wizard.stage).toBe('done');
		expect(wizard.outcome).toMatchObject({ imported: 400 - rowsWithErrors, skipped: rowsWithErrors });
		expect(await db.clients.count()).toBe(400 - rowsWithErrors);
	});

	it('stays on the review, saying why, when the workspace changed since the review began', async () => {
		await wizard.choose(validFile());
		const rowTwo = wizard.session!.rows[0].values;
		// Another tab imported a client of the same name meanwhile.
		await commitImport(
			'other-tab.csv',
			[{ rowNumber: 2, values: rowTwo.with(COL.PrimaryContactEmail, 'x@y.example') }],
			0
		);
		stagesShown();
		await wizard.commit(false);
		expect(stagesShown()).toEqual(['review', 'committing', 'review']);
		expect(wizard.error).toMatch(/^Nothing was imported: row 2 no longer fits the workspace/);
		expect(await db.clients.count()).toBe(1);
		// The review shows the row as it is now: it names an existing client, so it updates it.
		expect(wizard.session?.rows[0].change?.kind).toBe('update');
	});

	it('undoes the import from the done screen, then starts over on the file choice', async () => {
		await wizard.choose(validFile());
		await wizard.commit(false);
		await wizard.undoImport();
		expect(wizard.undoResult).toEqual({ undone: true, removed: 50, restored: 0, kept: 0 });
		expect(await db.clients.count()).toBe(0);
		stagesShown();
		wizard.startOver();
		expect(stagesShown()).toEqual(['done', 'choose']);
		expect(wizard).toMatchObject({ outcome: null, undoResult: null, session: null, error: '' });
	});

	it('leaves the mapping for the file choice on Cancel, reading nothing', async () => {
		await wizard.choose(otherToolFile());
		stagesShown();
		wizard.startOver();
		expect(stagesShown()).toEqual(['header', 'choose']);
		expect(wizard.session).toBeNull();
		expect(await loadDraftMeta()).toBeUndefined();
	});

	it('offers the saved review after a reload, and resumes it as it was left', async () => {
		await wizard.choose(validFile());
		const session = wizard.session!;
		session.edit([{ rowNumber: 2, column: COL.City, value: 'Lyon' }], 'Edit');
		await wizard.autosave.flush();
		disconnect();
		// The page again, after a reload.
		openPage();
		await vi.waitFor(() => expect(wizard.draft?.source.fileName).toBe('clients-valid.csv'));
		expect(wizard.stage).toBe('choose');
		await wizard.resume();
		expect(wizard.stage).toBe('review');
		expect(wizard.session?.counts.rows).toBe(50);
		expect(wizard.session?.rows[0].values[COL.City]).toBe('Lyon');
	});

	it('discards the review: back to the file choice with nothing left to resume', async () => {
		await wizard.choose(validFile());
		expect(await loadDraftMeta()).toBeDefined();
		await wizard.discardDraft();
		wizard.startOver();
		expect(wizard.stage).toBe('choose');
		expect(await loadDraftMeta()).toBeUndefined();
		await wizard.checkForDraft();
		expect(wizard.draft).toBeNull();
	});

	it('keeps a second tab on the file choice while the first edits a review, saying so', async () => {
		vi.stubGlobal('navigator', { locks: new FakeLockManager() });
		await wizard.choose(validFile());
		const first = wizard;
		const closeFirst = disconnect;
		openPage();
		await vi.waitFor(() => expect(wizard.openElsewhere).toBe(true));
		await wizard.choose(validFile());
		expect(stagesShown()).toEqual(['choose', 'inspecting', 'choose']);
		expect(wizard.error).toBe(
			'A review is open in another tab: choose the file again to replace it, or take that review over.'
		);
		expect(first.stage).toBe('review');
		expect(first.readOnly).toBeNull();
		await first.autosave.flush();
		closeFirst();
	});
});
