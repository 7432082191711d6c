// Time limits in tests catch a freeze or a lost order of magnitude, never mere slowness: each is what the code
// needs on an idle machine, times GENEROUS. Timings themselves belong to the benchmark (`npm run bench`).

/** How many times its idle-machine time a test may take: a busy 2-core CI machine runs other jobs beside it. */
export const GENEROUS = 10;

/** A page slower than this to answer or to draw a frame, on an idle machine, is frozen as an admin sees it. */
export const FROZEN_MS = 500;
