// Saves a text as a file through a temporary object URL: nothing leaves the browser.
// CSVs start with a UTF-8 byte order mark, without which Excel reads accented names as Windows-1252.
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
	const bom = type.startsWith('text/csv') ? '\uFEFF' : '';
	const url = URL.createObjectURL(new Blob([bom + text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
