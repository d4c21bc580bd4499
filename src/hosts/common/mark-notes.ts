import type { CellMark } from "../../core/validate/marks";

/**
 * The marks of one sheet's write that get a note, within `room` notes: every finding's mark (a completion
 * highlight has none), or none at all when there are more than `room`, so a sheet's notes are never half
 * there (the findings are all listed by the pane and the command line). What a note costs differs by host:
 * WPS a few calls into its object model a cell (`NOTE_LIMIT` in `wps-host.ts`, per sheet), a file the
 * memory of the comment and its drawing shape (`XLSX_NOTE_LIMIT` in `xlsx-host.ts`, per write).
 */
export function notesWithin(add: readonly CellMark[], room: number): CellMark[] {
  const noted = add.filter((m) => m.note !== "");
  return noted.length > room ? [] : noted;
}
