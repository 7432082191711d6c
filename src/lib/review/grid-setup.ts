// ag-grid for the review: only the modules the grid uses are registered, and only on the import page,
// since this module is imported by the review grid alone.
import {
	CellStyleModule,
	ColumnApiModule,
	CustomEditorModule,
	EventApiModule,
	InfiniteRowModelModule,
	LargeTextEditorModule,
	ModuleRegistry,
	RenderApiModule,
	RowApiModule,
	RowSelectionModule,
	ScrollApiModule,
	TextEditorModule,
	TooltipModule,
	ValidationModule,
	themeQuartz
} from 'ag-grid-community';

ModuleRegistry.registerModules([
	// The rows stay in the review: the grid asks for the blocks it draws (grid-view.ts), never holding a million.
	InfiniteRowModelModule,
	TextEditorModule,
	CustomEditorModule, // the searchable select editor (option-cell-editor.ts)
	LargeTextEditorModule,
	CellStyleModule,
	TooltipModule,
	RowSelectionModule,
	ScrollApiModule,
	RenderApiModule,
	RowApiModule,
	EventApiModule, // a focus waits for its row's block (modelUpdated)
	ColumnApiModule, // the Change column shows once the file names an existing client
	...(import.meta.env.DEV ? [ValidationModule] : [])
]);

export const reviewTheme = themeQuartz.withParams({
	fontFamily: 'inherit',
	fontSize: 14,
	headerFontWeight: 600,
	accentColor: '#1f5f8b',
	rowHeight: 36,
	headerHeight: 40
});
