// The review screen and its grid (ag-grid: most of the import page's code), loaded apart from the page, in the
// background once the page is idle, together with the grid's warm-up.
export { default as ReviewScreen } from './ReviewScreen.svelte';
export { warmUpReviewGrid } from './warm-up';
