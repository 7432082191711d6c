// The import wizard's state: choose a file → (header mapping) → reading → review → commit → outcome.
// The page renders whichever stage this says; all the work is here and in the modules it calls.
/* eslint-disable svelte/prefer-svelte-reactivity -- draft bookkeeping sets and maps are deliberately not reactive */
import {
	discardDraft,
	DRAFT_CHUNK_ROWS,
	draftChunkOf,
	loadDraftMeta,
	loadDraftRows,
	saveDraft,
	type DraftMeta,
	type DraftRow
} from '$lib/db/drafts';
import { findRememberedMapping, rememberMapping } from '$lib/db/column-mappings';
import { commitImport, CommitConflict, undoImport, type UndoOutcome } from '$lib/db/import-commit';
import type { ImportRecord } from '$lib/db/schema';
import { loadWorkspaceSnapshot } from '$lib/db/snapshot';
import { hasError } from '$lib/domain/issues';
import { STANDARD_SHAPE, templateShape, type TemplateShape } from '$lib/domain/custom-fields';
import { listCustomFields } from '$lib/db/custom-fields';
import { checkInWorkers } from './background-check';
import { mappingByName, mappingComplete, mappingFromNames, type ColumnMapping, type HeaderCheck } from './header';
import { inspect, parse, ReadFailure, type ParseJob } from './parse-client';
import type { FileSettings, Progress } from './protocol';
import { ReviewSession, type ReviewSource } from './review.svelte';

export type Stage = 'choose' | 'inspecting' | 'header' | 'reading' | 'review' | 'committing' | 'done';

const DRAFT_DELAY_MS = 500;
/** How long the first save of a new review may wait for the page to be idle. */
const FIRST_DRAFT_WAIT_MS = 10_000;

/** The draft chunks that hold the review's rows. */
function chunksOf(session: ReviewSession): Set<number> {
	const indexes = new Set<number>();
	for (const row of session.rows) indexes.add(draftChunkOf(row.rowNumber));
	return indexes;
}

export class ImportWizard {
	stage = $state<Stage>('choose');
	error = $state('');
	file = $state.raw<File | null>(null);
	fileName = $state('');
	settings = $state<FileSettings | null>(null);
	detected = $state<FileSettings | null>(null);
	/** A workbook's sheet names, for the admin to pick one; empty for a CSV. */
	sheets = $state.raw<string[]>([]);
	header = $state.raw<string[]>([]);
	headerCheck = $state.raw<HeaderCheck | null>(null);
	mapping = $state<ColumnMapping>([]);
	/** Per file column, its first few values, shown beside it on the mapping screen. */
	samples = $state.raw<string[][]>([]);
	/** When the admin confirmed the remembered mapping applied to this file's header, or null. */
	mappingRememberedAt = $state<string | null>(null);
	/** The template as it is now: standard columns and the workspace's custom fields. */
	shape = $state.raw<TemplateShape>(STANDARD_SHAPE);
	progress = $state<Progress>({ bytesRead: 0, totalBytes: 0, rowsRead: 0 });
	session = $state.raw<ReviewSession | null>(null);
	draft = $state.raw<DraftMeta<ReviewSource> | null>(null);
	/** Edits not yet in the saved draft (their save is waiting for a pause, or running). */
	draftPending = $state(false);
	commitWritten = $state(0);
	commitTotal = $state(0);
	outcome = $state.raw<ImportRecord | null>(null);
	undoResult = $state.raw<UndoOutcome | null>(null);

	private job: ParseJob | null = null;
	private draftTimer: ReturnType<typeof setTimeout> | undefined;
	/** Draft chunks to write again. */
	private dirtyChunks: Set<number> | 'all' = 'all';
	private stopDraftSync: (() => void) | undefined;

	async checkForDraft(): Promise<void> {
		this.draft = (await loadDraftMeta<ReviewSource>()) ?? null;
	}

	async choose(file: File): Promise<void> {
		this.reset();
		this.file = file;
		this.fileName = file.name;
		await this.inspectWith({});
	}

	/** Reads the file again with another encoding or delimiter, or another sheet or header row of a workbook. */
	async changeSettings(settings: Partial<FileSettings>): Promise<void> {
		if (!this.file) return;
		this.job?.cancel();
		this.session = null;
		await this.inspectWith({ ...this.settings, ...settings });
	}

	private async inspectWith(settings: Partial<FileSettings>) {
		if (!this.file) return;
		this.stage = 'inspecting';
		this.error = '';
		try {
			this.shape = templateShape(await listCustomFields());
			const result = await inspect(this.file, settings, [...this.shape.columns]);
			this.settings = result.settings;
			this.detected = result.detected;
			this.sheets = result.sheets ?? [];
			this.header = result.header;
			this.headerCheck = result.headerCheck;
			this.samples = result.samples;
			this.mapping = [...result.headerCheck.mapping];
			await this.applyRememberedMapping();
			if (!result.hasRows) {
				this.fail('This file has a header row but no clients under it: add at least one row and choose it again.');
			} else if (result.headerCheck.exact || (this.mappingRememberedAt && mappingComplete(this.mapping, this.shape))) {
				await this.read();
			} else {
				this.stage = 'header';
			}
		} catch (error) {
			// The error screen keeps the encoding and delimiter pickers: they are often what fixes it.
			const readAs = error instanceof ReadFailure ? error.readAs : undefined;
			this.settings = readAs?.settings ?? { encoding: 'utf-8', delimiter: ',', ...settings };
			this.detected = readAs?.detected ?? null;
			this.sheets = readAs?.sheets ?? [];
			this.fail(error instanceof Error ? error.message : String(error));
		}
	}

	/** Whether the error shown is about the file at hand, which can be read again another way. */
	get fileCanBeReread(): boolean {
		return this.stage === 'choose' && this.error !== '' && this.file !== null && this.settings !== null;
	}

	/** The mapping the admin confirmed before for this same header, in place of the suggested one. */
	private async applyRememberedMapping() {
		this.mappingRememberedAt = null;
		if (this.headerCheck?.exact) return;
		// Remembering is a convenience: a browser that cannot read it still gets the suggested mapping.
		const remembered = await findRememberedMapping(this.header).catch(() => undefined);
		if (!remembered) return;
		this.mapping = mappingFromNames(remembered.mapping, this.shape.columns);
		this.mappingRememberedAt = remembered.savedAt;
	}

	/** The mapping screen's Continue: remembers the mapping for this header, then reads the file with it. */
	async confirmMapping(): Promise<void> {
		const mapping = mappingByName($state.snapshot(this.mapping), this.shape.columns);
		await rememberMapping(this.header, mapping).catch(() => undefined);
		this.mappingRememberedAt = null;
		await this.read();
	}

	/** Back from the review to the mapping screen, to change a remembered mapping that was applied. */
	changeMapping(): void {
		this.stopDraftSync?.();
		clearTimeout(this.draftTimer);
		this.draftPending = false;
		this.session = null;
		this.stage = 'header';
	}

	/** Reads and checks every row in the worker, with the (confirmed) mapping. */
	async read(): Promise<void> {
		if (!this.file || !this.settings) return;
		this.stage = 'reading';
		this.progress = { bytesRead: 0, totalBytes: this.file.size, rowsRead: 0 };
		const source: ReviewSource = {
			fileName: this.fileName,
			settings: $state.snapshot(this.settings),
			header: this.header,
			mapping: $state.snapshot(this.mapping)
		};
		const workspace = await loadWorkspaceSnapshot();
		const session = new ReviewSession(source, workspace, checkInWorkers);
		this.job = parse(this.file, source.settings, source.mapping, workspace, (rows, progress) => {
			session.addParsed(rows);
			this.progress = progress;
		});
		try {
			this.progress = await this.job.done;
			await discardDraft();
			this.startReview(session, 'all');
			// The first save waits for the grid to have taken every row: it is the file's all, and the file is
			// still at hand meanwhile.
			this.saveDraftSoon(0, { whenIdle: true });
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') return;
			this.fail(error instanceof Error ? error.message : String(error));
		} finally {
			this.job = null;
		}
	}

	cancelReading(): void {
		this.job?.cancel();
		this.job = null;
		this.stage = 'choose';
		this.error = 'Reading was cancelled: nothing was imported.';
	}

	async resume(): Promise<void> {
		const meta = this.draft ?? (await loadDraftMeta<ReviewSource>());
		if (!meta) return;
		const [rows, workspace] = await Promise.all([loadDraftRows(), loadWorkspaceSnapshot()]);
		const session = new ReviewSession(meta.source, workspace, checkInWorkers);
		session.addParsed(rows.map((row) => ({ rowNumber: row.rowNumber, values: row.values, issues: row.ownIssues })));
		this.fileName = meta.source.fileName;
		this.settings = meta.source.settings;
		this.header = meta.source.header;
		this.mapping = meta.source.mapping;
		this.file = null;
		this.draft = null;
		this.startReview(session, new Set());
	}

	async discardDraft(): Promise<void> {
		await discardDraft();
		this.draft = null;
	}

	private startReview(session: ReviewSession, dirty: Set<number> | 'all') {
		this.stopDraftSync?.();
		this.session = session;
		this.stage = 'review';
		this.dirtyChunks = dirty;
		this.stopDraftSync = session.onRowsChanged(({ updated, added, removed }) => {
			if (this.dirtyChunks === 'all') return this.saveDraftSoon(DRAFT_DELAY_MS);
			for (const row of [...updated, ...added, ...removed]) this.dirtyChunks.add(draftChunkOf(row.rowNumber));
			this.saveDraftSoon(DRAFT_DELAY_MS);
		});
	}

	/** Saves the review after a pause in the admin's typing, never in the way of it. */
	private saveDraftSoon(delay: number, { whenIdle = false } = {}) {
		clearTimeout(this.draftTimer);
		this.draftPending = true;
		this.draftTimer = setTimeout(async () => {
			if (whenIdle && typeof requestIdleCallback === 'function') {
				await new Promise((resolve) => requestIdleCallback(resolve, { timeout: FIRST_DRAFT_WAIT_MS }));
			}
			const session = this.session;
			if (!session) return;
			try {
				await saveDraft(session.source, session.rows.length, this.takeDirtyChunks(session));
			} catch (error) {
				this.error = `Your review could not be saved in this browser (${error instanceof Error ? error.message : String(error)}). Keep this tab open until you import.`;
			} finally {
				// Edits made while this save ran have their own save scheduled.
				this.draftPending = this.dirtyChunks === 'all' || this.dirtyChunks.size > 0;
			}
		}, delay);
	}

	/**
	 * The rows of every chunk edited since the last save (of all chunks after a new read), one chunk at a time
	 * as the save asks for it: a million rows are never gathered in one go.
	 */
	private *takeDirtyChunks(session: ReviewSession): Generator<[number, DraftRow[]]> {
		const indexes = this.dirtyChunks === 'all' ? chunksOf(session) : this.dirtyChunks;
		this.dirtyChunks = new Set();
		for (const index of indexes) {
			const rows: DraftRow[] = [];
			for (let n = index * DRAFT_CHUNK_ROWS; n < (index + 1) * DRAFT_CHUNK_ROWS; n++) {
				const row = session.row(n);
				if (row) rows.push(row);
			}
			yield [index, rows];
		}
	}

	/** Imports the rows without errors; `skipErrors` must be true when some rows still have errors. */
	async commit(skipErrors: boolean): Promise<void> {
		const session = this.session;
		if (!session) return;
		const chosen = session.rows.filter((row) => !hasError(row.issues));
		const skipped = session.rows.length - chosen.length;
		if (skipped > 0 && !skipErrors) return;
		this.stage = 'committing';
		this.commitWritten = 0;
		this.commitTotal = chosen.length;
		this.error = '';
		try {
			const { importRecord } = await commitImport(session.source.fileName, chosen, skipped, (written) => {
				this.commitWritten = written;
			});
			clearTimeout(this.draftTimer);
			this.stopDraftSync?.();
			await discardDraft();
			this.outcome = importRecord;
			this.stage = 'done';
		} catch (error) {
			this.stage = 'review';
			if (error instanceof CommitConflict) session.recheckAgainst(await loadWorkspaceSnapshot());
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	async undoImport(): Promise<void> {
		if (!this.outcome) return;
		this.undoResult = await undoImport(this.outcome.id);
	}

	startOver(): void {
		this.reset();
		this.stage = 'choose';
	}

	private fail(message: string) {
		this.error = message;
		this.stage = 'choose';
	}

	private reset() {
		this.job?.cancel();
		this.stopDraftSync?.();
		clearTimeout(this.draftTimer);
		this.error = '';
		this.session = null;
		this.outcome = null;
		this.undoResult = null;
		this.headerCheck = null;
		this.mappingRememberedAt = null;
	}
}
