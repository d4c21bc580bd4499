/**
 * SheetJS's number formats (SSF) and OLE/zip containers (CFB) from its "mini" build: the same 0.20.3 code
 * as the full one, without the code-page tables and the legacy formats, so reading an .xlsx loads it in
 * about 40 ms rather than 200 (the full build, `sheetjs-workbook.ts`, is loaded only for .xls, .ods and
 * HTML tables).
 */
export { CFB, SSF } from "@e965/xlsx/dist/xlsx.mini.min";
