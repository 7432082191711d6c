// The benchmark checks the counts the app shows (rows, errors, clients imported and stored) against those the
// generator wrote into the file: a timing of a file the app read or stored wrongly is not published.

/** Counts that differ from what the file holds: the size's figures are withheld and the run fails. */
export class CountMismatch extends Error {}

/** Throws a CountMismatch naming each of `expected`'s counts that `actual` gives otherwise. */
export function checkCounts(what, actual, expected) {
	const differs = Object.entries(expected)
		.filter(([key, value]) => actual[key] !== value)
		.map(([key, value]) => `${key} ${actual[key]}, not ${value}`);
	if (differs.length > 0) throw new CountMismatch(`${what}: ${differs.join('; ')}`);
}
