// The import wizard's state: choose a file → (header mapping) → reading → review → commit → outcome.
// The page renders whichever stage this says; all the work is here and in the modules it calls.
import { messageOf } from '$lib/wording';
import { describeDamage, discardDraft, loadDraft, loadDraftMeta, type DraftMeta } from '$lib/db/drafts';
import { newId } from '$lib/db/ids';
import { clientsById } from '$lib/db/clients';
import { findRememberedMapping, rememberMapping } from '$lib/db/column-mappings';
import { CommitConflict, type LaterEdits, type UndoOutcome } from '$lib/db/import-commit';
import { commitInWorker, dropCommitWorker, prepareCommitWorker, undoInWorker } from '$lib/db/commit-client';
import type { ImportRecord } from '$lib/db/schema';
import { loadWorkspaceSnapshot } from '$lib/db/snapshot';
import { hasError } from '$lib/domain/issues';
import { eachInSlices } from '$lib/components/idle';
import { STANDARD_SHAPE, templateShape, type TemplateShape } from '$lib/domain/custom-fields';
import { listCustomFields } from '$lib/db/custom-fields';
import { checkInWorkers } from '../review/background-check';
import type { HeaderCheck } from '../import/header';
import {
	mappingByName,
	mappingFillsRequired,
	mappingFromNames,
	NO_SHAPING,
	shapingFor,
	type ColumnMapping,
	type ColumnShaping
} from '../import/column-plan';
import { inspect, parse, ReadFailure, type ParseJob } from '../import/parse-client';
import { looksLikeHeader, PASTED_SETTINGS, pastedFile, withTemplateHeader } from '../import/paste';
import { byHandRows, byHandSource } from './by-hand';
import { DraftAutosave } from './draft-autosave.svelte';
import type { FileSettings, Progress } from '../import/protocol';
import { ReviewSession, type ReviewRow, type ReviewSource } from '../review/review-session.svelte';
import { rememberedChanges } from '../review/value-matching';
import { rememberedMatches } from '$lib/db/value-matches';
import { ReviewTabs, type Acquire, type TabMessage } from '../review/review-tabs';

interface ChooseOptions {
	replaceOther?: boolean;
	settings?: Partial<FileSettings>;
	pasted?: string | null;
}

/** How long a file may take to read before its review is shown filling: a blink, so small files never flicker. */
const SHOW_FILLING_AFTER_MS = 300;
/** How often the reading's progress is shown. */
const PROGRESS_EVERY_MS = 100;

export type Stage = 'choose' | 'inspecting' | 'header' | 'reading' | 'review' | 'committing' | 'done';

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
	/** The mapping's joins and fixed values. */
	shaping = $state<ColumnShaping>({ joins: {}, fixed: {} });
	/** The file's first rows as they are, for the mapping screen's previews of splits and joins. */
	firstRows = $state.raw<string[][]>([]);
	/** Per file column, its first few values, shown beside it on the mapping screen. */
	samples = $state.raw<string[][]>([]);
	/** When the admin confirmed the remembered mapping applied to this file's header, or null. */
	mappingRememberedAt = $state<string | null>(null);
	/** The template as it is now: standard columns and the workspace's custom fields. */
	shape = $state.raw<TemplateShape>(STANDARD_SHAPE);
	progress = $state<Progress>({ bytesRead: 0, totalBytes: 0, rowsRead: 0 });
	session = $state.raw<ReviewSession | null>(null);
	/**
	 * The review while its file is still being read, once reading takes a moment: shown as it fills, read-only,
	 * so that the first rows are on screen long before a large file's last.
	 */
	filling = $state.raw<ReviewSession | null>(null);
	draft = $state.raw<DraftMeta<ReviewSource> | null>(null);
	/** The review's draft, saved as the admin edits (its `pending` says edits are not saved yet). */
	readonly autosave = new DraftAutosave({
		onTaken: (reason) => this.lose(reason),
		onFailed: (message) => (this.error = message)
	});
	/** The matches remembered from earlier reviews that this file's values took as it was read, or null. */
	matchesApplied = $state.raw<{ values: number; rows: number } | null>(null);
	commitWritten = $state(0);
	commitTotal = $state(0);
	outcome = $state.raw<ImportRecord | null>(null);
	undoResult = $state.raw<UndoOutcome | null>(null);
	/** An undo is under way (a large import's takes some seconds). */
	undoing = $state(false);
	/** Why the review shown is read-only here (another tab took it over, or discarded it), or null. */
	readOnly = $state<'moved' | 'discarded' | null>(null);
	/** Another tab is editing a review (the saved draft's, or one being read). */
	openElsewhere = $state(false);
	/** The review this tab showed, or offered to resume, was imported in another tab. */
	importedElsewhere = $state.raw<{ fileName: string; imported: number } | null>(null);
	/** What is wrong with the saved review the admin asked to resume, or ''. */
	draftDamage = $state('');
	/** The text of pasted cells being imported, or null for a file. */
	pasted = $state.raw<string | null>(null);

	private job: ParseJob | null = null;
	/** The review shown (edited here, or read-only), whose id its draft carries. */
	private reviewId: string | null = null;
	private tabs: ReviewTabs | null = null;
	private stopWaitingForFree: (() => void) | undefined;
	/** The admin confirmed that the file chosen replaces the review open in another tab. */
	private replaceOther = false;

	/** Joins the other tabs of this browser and looks for a saved review; returns what leaves them. */
	connect(): () => void {
		const tabs = new ReviewTabs((message) => this.heard(message));
		this.tabs = tabs;
		void this.checkForDraft();
		return () => {
			this.tabs = null;
			this.stopWaitingForFree?.();
			dropCommitWorker();
			// The last edits are saved before another tab may take the review.
			void this.autosave.flush().finally(() => {
				const held = tabs.holding;
				tabs.letGo();
				if (held) tabs.post({ type: 'changed' });
				tabs.close();
			});
		};
	}

	/** What the choose stage offers: the saved review to resume, or to take over from the tab editing it. */
	async checkForDraft(): Promise<void> {
		const draft = (await loadDraftMeta<ReviewSource>()) ?? null;
		const elsewhere = (await this.tabs?.heldElsewhere()) ?? false;
		if (this.stage !== 'choose' || this.tabs?.holding) return;
		this.draft = draft;
		this.openElsewhere = elsewhere;
		this.stopWaitingForFree?.();
		if (elsewhere) this.stopWaitingForFree = this.tabs?.whenFree(() => void this.checkForDraft());
	}

	private hold(how: Acquire): Promise<boolean> {
		return this.tabs?.acquire(how, () => this.lockLost()) ?? Promise.resolve(true);
	}

	private letGo() {
		if (!this.tabs?.holding) return;
		this.tabs.letGo();
		this.tabs.post({ type: 'changed' });
	}

	/** Another tab took the review without this tab letting go (a take-over that found it busy, or a new file). */
	private lockLost() {
		if (this.stage === 'review') this.lose('moved');
		else if (this.stage === 'reading') {
			this.job?.cancel();
			this.job = null;
			this.fail(
				'A review was started in another tab meanwhile, so this file was not read. Choose it again to replace that review.'
			);
		}
	}

	private heard(message: TabMessage) {
		if (message.type === 'take-over') {
			if (this.stage === 'review' && this.tabs?.holding) void this.handOver();
			else if (this.stage !== 'reading' && this.stage !== 'committing') this.letGo();
		} else if (message.type === 'discarded') {
			const shown = this.reviewId ?? this.draft?.reviewId;
			if (this.session && (message.reviewId === null || message.reviewId === shown)) this.lose('discarded');
		} else if (message.type === 'committed') {
			if (message.reviewId === (this.session ? this.reviewId : this.draft?.reviewId) && this.stage !== 'done') {
				this.reset();
				this.stage = 'choose';
				this.importedElsewhere = { fileName: message.fileName, imported: message.imported };
			}
		}
		if (this.stage === 'choose') void this.checkForDraft();
	}

	/** Another tab takes the review over: its last edits are saved first, so that it opens the review as it is here. */
	private async handOver() {
		const session = this.session;
		if (!session) return;
		// No edit from now on, so none goes unsaved; a large one under way is finished and saved with the rest.
		session.readOnly = true;
		await session.settled();
		await this.autosave.flush();
		this.tabs?.letGo();
		this.lose('moved');
	}

	/** The review stays on screen, read-only: nothing more is edited or saved here. */
	private lose(reason: 'moved' | 'discarded') {
		if (this.readOnly === 'discarded') return;
		this.autosave.stop();
		this.readOnly = reason;
		if (this.session) this.session.readOnly = true;
	}

	/**
	 * The page's file choice; `replaceOther` once the admin confirmed it replaces the review open in another
	 * tab; `settings` and `pasted` for cells pasted from a spreadsheet, read as a tab-separated file.
	 */
	async choose(file: File, { replaceOther = false, settings = {}, pasted = null }: ChooseOptions = {}): Promise<void> {
		this.reset();
		this.replaceOther = replaceOther;
		this.file = file;
		this.fileName = file.name;
		this.pasted = pasted;
		await this.inspectWith(settings);
	}

	/** Cells pasted from a spreadsheet: read as a tab-separated file, on the same road as a chosen one. */
	async paste(text: string): Promise<void> {
		await this.choose(pastedFile(text), { settings: PASTED_SETTINGS, pasted: text });
	}

	/** Whether the pasted cells' first row names no template column: it is data, not a header. */
	get pastedWithoutHeader(): boolean {
		return this.pasted !== null && this.headerCheck !== null && !looksLikeHeader(this.headerCheck);
	}

	/** Reads pasted cells under the template's header, their columns taken in the template's order. */
	async useTemplateColumns(): Promise<void> {
		if (this.pasted === null) return;
		await this.choose(withTemplateHeader(this.pasted, this.shape.columns), {
			settings: PASTED_SETTINGS,
			pasted: this.pasted
		});
	}

	/** An empty table with the template's columns (custom fields too), to type or paste clients into. */
	async startByHand(): Promise<void> {
		this.reset();
		this.file = null;
		this.pasted = null;
		this.settings = null;
		// As a new file does: the table replaces the saved review only when no other tab is editing it.
		if (!(await this.hold('if-free'))) {
			this.openElsewhere = true;
			this.fail('A review is open in another tab: take that review over, or choose a file to replace it.');
			return;
		}
		const workspace = await loadWorkspaceSnapshot();
		const session = new ReviewSession(byHandSource(workspace), workspace, checkInWorkers);
		session.addParsed(byHandRows(session.columns.length));
		this.fileName = session.source.fileName;
		const replaced = (await loadDraftMeta())?.reviewId;
		this.reviewId = newId();
		await this.autosave.start(session, this.reviewId, { claim: true });
		this.draft = null;
		this.startReview(session);
		if (replaced) this.tabs?.post({ type: 'discarded', reviewId: replaced });
		this.tabs?.post({ type: 'changed' });
	}

	/** Reads the file again with another encoding or delimiter, or another sheet or header row of a workbook. */
	async changeSettings(settings: Partial<FileSettings>): Promise<void> {
		if (!this.file) return;
		this.job?.cancel();
		this.session = null;
		this.filling = null;
		await this.inspectWith({ ...this.settings, ...settings });
	}

	private async inspectWith(settings: Partial<FileSettings>) {
		if (!this.file) return;
		this.stage = 'inspecting';
		this.error = '';
		try {
			const customFields = await listCustomFields();
			const result = await inspect(this.file, settings, [...templateShape(customFields).columns]);
			this.shape = templateShape(customFields, result.headerCheck.extraColumns);
			this.settings = result.settings;
			this.detected = result.detected;
			this.sheets = result.sheets ?? [];
			this.header = result.header;
			this.headerCheck = result.headerCheck;
			this.samples = result.samples;
			this.firstRows = result.firstRows;
			this.mapping = [...result.headerCheck.mapping];
			this.shaping = { joins: {}, fixed: {} };
			await this.applyRememberedMapping();
			// Pasted cells without a header go to the mapping screen, which offers the template's columns instead.
			if (!result.hasRows && !this.pastedWithoutHeader) {
				this.fail('This file has a header row but no clients under it: add at least one row and choose it again.');
			} else if (
				result.headerCheck.exact ||
				(this.mappingRememberedAt && mappingFillsRequired(this.mapping, this.shape, this.shaping))
			) {
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
			this.fail(messageOf(error));
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
		this.shaping = remembered.shaping ?? { joins: {}, fixed: {} };
		this.mappingRememberedAt = remembered.savedAt;
	}

	/** The mapping screen's Continue: remembers the mapping for this header, then reads the file with it. */
	async confirmMapping(): Promise<void> {
		const mapping = $state.snapshot(this.mapping);
		// Plain objects, not the state's proxies: IndexedDB stores a copy of what it is given.
		const shaping = shapingFor(mapping, $state.snapshot(this.shaping), this.shape.columns);
		this.shaping = shaping;
		// A first row of pasted data is no header to remember (and its values are clients' details).
		if (!this.pastedWithoutHeader) {
			const byName = mappingByName(mapping, this.shape.columns);
			await rememberMapping(this.header, byName, shaping).catch(() => undefined);
		}
		this.mappingRememberedAt = null;
		await this.read();
	}

	/** Back from the review to the mapping screen, to change a remembered mapping that was applied. */
	changeMapping(): void {
		this.autosave.stop();
		this.session = null;
		this.stage = 'header';
	}

	/** Reads and checks every row in the worker, with the (confirmed) mapping. */
	async read(): Promise<void> {
		if (!this.file || !this.settings) return;
		// One review at a time in this browser: a new file replaces the saved review only when no other tab is
		// editing it, or when the admin said so. Keeping a draft per tab instead would leave the admin with several
		// half-done reviews of client lists, to resume one by one and import twice by mistake.
		if (!(await this.hold(this.replaceOther ? 'steal' : 'if-free'))) {
			this.openElsewhere = true;
			this.fail('A review is open in another tab: choose the file again to replace it, or take that review over.');
			return;
		}
		if (this.replaceOther) {
			this.replaceOther = false;
			const replaced = (await loadDraftMeta())?.reviewId ?? null;
			await discardDraft();
			this.tabs?.post({ type: 'discarded', reviewId: replaced });
		}
		this.stage = 'reading';
		this.progress = { bytesRead: 0, totalBytes: this.file.size, rowsRead: 0 };
		const source: ReviewSource = {
			fileName: this.fileName,
			settings: $state.snapshot(this.settings),
			header: this.header,
			mapping: $state.snapshot(this.mapping),
			shaping: shapingFor($state.snapshot(this.mapping), $state.snapshot(this.shaping), this.shape.columns),
			extraColumns: this.headerCheck?.extraColumns ?? []
		};
		const workspace = await loadWorkspaceSnapshot();
		const session = new ReviewSession(source, workspace, checkInWorkers);
		// A file read in a blink goes straight to its review; a longer read shows its rows as they come.
		const showFillingAt = performance.now() + SHOW_FILLING_AFTER_MS;
		let latest = this.progress;
		let progressSoon: ReturnType<typeof setTimeout> | undefined;
		this.job = parse(
			this.file,
			source.settings,
			source.mapping,
			source.shaping ?? NO_SHAPING,
			// As the review checks rows: a row naming an existing client is its update.
			session.workspaceSnapshot,
			(rows, progress) => {
				session.addParsed(rows, { countsSoon: true });
				// Shown some ten times a second, as the counts are: each showing is a Svelte update.
				progressSoon ??= setTimeout(() => {
					progressSoon = undefined;
					this.progress = latest;
				}, PROGRESS_EVERY_MS);
				latest = progress;
				if (!this.filling && performance.now() >= showFillingAt) this.filling = session;
			}
		);
		try {
			this.progress = await this.job.done;
			clearTimeout(progressSoon);
			session.publishCounts();
			const replaced = (await loadDraftMeta())?.reviewId;
			this.reviewId = newId();
			// The first save waits for the grid to have taken every row: it is the file's all, and the file is
			// still at hand meanwhile.
			await this.autosave.start(session, this.reviewId, { claim: true, whenIdle: true });
			this.startReview(session);
			await this.applyRememberedMatches(session);
			if (replaced) this.tabs?.post({ type: 'discarded', reviewId: replaced });
			this.tabs?.post({ type: 'changed' });
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') return;
			this.fail(messageOf(error));
		} finally {
			clearTimeout(progressSoon);
			this.job = null;
		}
	}

	/**
	 * The matches the admin accepted in earlier reviews (Settings lists them), put on this file's values at once,
	 * as one undo step: the next file from the same tool needs no clicks for them.
	 */
	private async applyRememberedMatches(session: ReviewSession) {
		// Remembering is a convenience: a browser that cannot read it still has the review to match by hand.
		const remembered = await rememberedMatches().catch(() => undefined);
		if (!remembered?.size || session.readOnly) return;
		const { changes, values, rows } = rememberedChanges(session.rows, remembered, session.workspaceSnapshot);
		if (changes.length === 0) return;
		session.edit(changes, 'Apply remembered matches');
		this.matchesApplied = { values, rows };
	}

	cancelReading(): void {
		this.job?.cancel();
		this.job = null;
		this.filling = null;
		this.letGo();
		this.stage = 'choose';
		this.error = 'Reading was cancelled: nothing was imported.';
	}

	/** Resumes the saved review, unless another tab is editing it (the page then offers to take it over). */
	async resume(): Promise<void> {
		if (!(await this.hold('if-free'))) return void this.checkForDraft();
		await this.openDraft(false);
	}

	/** Opens here the review another tab is editing, once that tab has saved its last edits and let go. */
	async takeOver(): Promise<void> {
		this.stopWaitingForFree?.();
		// Taking back a review shown read-only here: only that review, not one started since in its place.
		const expected = this.session ? this.reviewId : null;
		this.tabs?.post({ type: 'take-over' });
		if (await this.hold('hand-over')) await this.openDraft(false, expected);
	}

	/** Resumes the rows of a damaged draft that are whole and the review's own, and saves them as the draft. */
	async resumeWhatIsThere(): Promise<void> {
		if (await this.hold('if-free')) await this.openDraft(true);
	}

	private async openDraft(acceptDamage: boolean, expected: string | null = null) {
		this.error = '';
		if (expected !== null && (await loadDraftMeta())?.reviewId !== expected) {
			this.letGo();
			return this.lose('discarded');
		}
		const [loaded, workspace] = await Promise.all([
			loadDraft<ReviewSource>(this.autosave.writer),
			loadWorkspaceSnapshot()
		]);
		if (!loaded) {
			this.reset();
			this.stage = 'choose';
			this.draft = null;
			this.error = 'The saved review is gone: it was imported or discarded in another tab.';
			return;
		}
		if (loaded.damage && !acceptDamage) {
			this.reset();
			this.stage = 'choose';
			this.draft = loaded.meta;
			this.draftDamage = describeDamage(loaded.damage);
			return;
		}
		const { meta, rows } = loaded;
		const session = new ReviewSession(meta.source, workspace, checkInWorkers);
		session.addParsed(rows.map((row) => ({ rowNumber: row.rowNumber, values: row.values, issues: row.ownIssues })));
		this.fileName = meta.source.fileName;
		this.settings = meta.source.settings;
		this.header = meta.source.header;
		this.mapping = meta.source.mapping;
		this.shaping = meta.source.shaping ?? { joins: {}, fixed: {} };
		this.file = null;
		this.draft = null;
		this.draftDamage = '';
		this.openElsewhere = false;
		// A damaged draft, or one saved by an earlier version, is written again whole from what was there.
		const rewrite = loaded.damage !== null || !meta.chunks;
		this.reviewId = meta.reviewId ?? newId();
		await this.autosave.start(session, this.reviewId, { claim: rewrite });
		this.startReview(session);
	}

	/** Discards the review shown here, or the saved one offered to resume, and tells the other tabs. */
	async discardDraft(): Promise<void> {
		const reviewId = (this.session ? this.reviewId : this.draft?.reviewId) ?? undefined;
		await discardDraft(reviewId);
		this.tabs?.post({ type: 'discarded', reviewId: reviewId ?? null });
		this.draft = null;
		this.draftDamage = '';
		this.letGo();
	}

	private startReview(session: ReviewSession) {
		this.session = session;
		this.filling = null;
		this.readOnly = null;
		this.importedElsewhere = null;
		this.stage = 'review';
		this.comparing = this.compareWithExisting(session);
		prepareCommitWorker();
	}

	/** The review being compared with the existing clients: the commit waits for it. */
	private comparing: Promise<void> = Promise.resolve();

	/** The existing clients, read so that each row naming one shows what it would change (an update, or none). */
	private async compareWithExisting(session: ReviewSession) {
		try {
			// A workspace without clients has nothing to compare: every row adds one.
			if (session.workspaceSnapshot.clients.length === 0) return;
			await session.attachExisting(await clientsById());
		} catch (error) {
			globalThis.reportError?.(error);
		}
	}

	/** Imports the rows without errors; `skipErrors` must be true when some rows still have errors. */
	async commit(skipErrors: boolean): Promise<void> {
		const session = this.session;
		if (!session || this.readOnly) return;
		// What each row does to an existing client is settled first (the comparison runs in slices).
		await this.comparing;
		await session.comparing;
		if (session.counts.rowsWithErrors > 0 && !skipErrors) return;
		this.stage = 'committing';
		this.commitWritten = 0;
		this.commitTotal = 0;
		this.error = '';
		// The rows without errors, and of those the ones written: a row that changes nothing, or whose update is
		// skipped, is not. Walked in slices: a million rows in one task would hold the page.
		const chosen: ReviewRow[] = [];
		let valid = 0;
		await eachInSlices(session.rows, (row) => {
			if (row.leftOut || hasError(row.issues)) return;
			valid++;
			if (row.change === undefined || row.change.kind === 'update') chosen.push(row);
		});
		const skipped = session.counts.rows - valid;
		this.commitTotal = chosen.length;
		try {
			const { importRecord } = await commitInWorker({
				fileName: session.source.fileName,
				rows: chosen,
				updatesOf: (row) => row.change?.clientId,
				skipped,
				onProgress: (written) => {
					this.commitWritten = written;
				},
				policy: session.policy,
				extraColumns: session.source.extraColumns
			});
			this.autosave.stop();
			const reviewId = this.reviewId ?? '';
			await discardDraft(reviewId);
			// At once, so that no other tab shows this review as still to import.
			this.tabs?.post({
				type: 'committed',
				reviewId,
				fileName: session.source.fileName,
				imported: importRecord.imported
			});
			this.letGo();
			this.outcome = importRecord;
			this.stage = 'done';
		} catch (error) {
			this.stage = 'review';
			prepareCommitWorker();
			if (error instanceof CommitConflict) {
				session.recheckAgainst(await loadWorkspaceSnapshot());
				this.comparing = this.compareWithExisting(session);
				await this.comparing;
			}
			this.error = messageOf(error);
		}
	}

	async undoImport(laterEdits: LaterEdits = 'ask'): Promise<void> {
		if (!this.outcome) return;
		if (this.undoing) return;
		this.undoing = true;
		try {
			this.undoResult = await undoInWorker(this.outcome.id, laterEdits);
		} finally {
			this.undoing = false;
		}
	}

	startOver(): void {
		this.reset();
		this.stage = 'choose';
	}

	private fail(message: string) {
		this.letGo();
		this.filling = null;
		this.error = message;
		this.stage = 'choose';
	}

	private reset() {
		this.job?.cancel();
		dropCommitWorker();
		this.autosave.stop();
		this.letGo();
		this.error = '';
		this.readOnly = null;
		this.importedElsewhere = null;
		this.draftDamage = '';
		this.reviewId = null;
		this.session = null;
		this.filling = null;
		this.outcome = null;
		this.undoResult = null;
		this.matchesApplied = null;
		this.headerCheck = null;
		this.mappingRememberedAt = null;
	}
}
