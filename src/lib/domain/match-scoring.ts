// What the near-match finders share: how they offer a candidate, and how a typo is allowed, scored and told.
import { editDistance } from './edit-distance';

/** Offers a candidate: the rule that found it (certainty is decided per rule), its score, value, label and reason. */
export type AddMatch = (rule: string, score: number, value: string, label: string, reason: string) => void;

/** The typos a name of that length may carry and still be recognised: none in three letters, three in ten. */
export function typosAllowed(length: number): number {
	return length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/** The edit distance of two names when small enough for their length, else undefined. */
export function typos(written: string, name: string): number | undefined {
	const max = typosAllowed(Math.min(written.length, name.length));
	const d = editDistance(written, name, max);
	return d > 0 && d <= max ? d : undefined;
}

const TYPO_SCORE = 40;
export const typoScore = (d: number) => TYPO_SCORE - 5 * d;
export const typoReason = (d: number) => (d === 1 ? '1 letter differs' : `${d} letters differ`);
