import { parseCellAddress, type CellRef } from "../cell/a1";
import type { Finding, Severity } from "./finding";

/**
 * How findings are shown on cells: a conditional format whose formula always holds and carries a
 * marker with the cell and severity. It overlays a fill without touching the cell's own format, and
 * the marker lets the add-in find and remove exactly its own marks later, leaving the user's rules.
 */
const MARKER = "sales-playbook-mark";
const FORMULA = /^=ISTEXT\("sales-playbook-mark\|([A-Z]{1,3}\d{1,7})\|(error|warning|info|below)"\)$/;

/**
 * A mark's fill: a finding's severity, or `below` for a weekly completion under the team's threshold
 * (the weekly review's highlight). The two kinds live side by side: checking replaces only findings'
 * marks, the weekly review only its own, and Clear marks removes both.
 */
export type MarkTone = Severity | "below";

/** What a mark belongs to: a finding of the checks, or the weekly review's completion highlight. */
export type MarkKind = "finding" | "completion";

export function markKind(tone: MarkTone): MarkKind {
  return tone === "below" ? "completion" : "finding";
}

export const MARK_FILL: Readonly<Record<MarkTone, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
  below: "#F8CBAD",
};

/** Prefix of the notes the add-in writes, so they can be told from the user's own. */
export const NOTE_PREFIX = "【销售手册 · Sales Playbook】";

export function markFormula(cell: string, severity: MarkTone): string {
  return `=ISTEXT("${MARKER}|${cell}|${severity}")`;
}

export function readMarkFormula(formula: string): { cell: CellRef; severity: MarkTone; kind: MarkKind } | undefined {
  const m = FORMULA.exec(formula.trim());
  const cell = m ? parseCellAddress(m[1]) : undefined;
  return m && cell ? { cell, severity: m[2] as MarkTone, kind: markKind(m[2] as MarkTone) } : undefined;
}

/**
 * The mark for a cell with one or more findings: the worst severity, every message in the note. A
 * completion highlight has the tone `below` and an empty note: hosts write no note for it, so a
 * finding's note on the same cell is neither replaced nor removed with it.
 */
export interface CellMark {
  readonly row: number;
  readonly column: number;
  readonly severity: MarkTone;
  readonly note: string;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function createCellMarks(findings: readonly Finding[], locale: "zh-CN" | "en"): Map<string, CellMark[]> {
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const f of findings) {
    const cell = parseCellAddress(f.cell);
    if (!cell) continue;
    const sheet = bySheet.get(f.sheet) ?? new Map<string, CellMark>();
    bySheet.set(f.sheet, sheet);
    const text = f.fix ? `${f.message[locale]} → ${f.fix[locale]}` : f.message[locale];
    const known = sheet.get(f.cell);
    sheet.set(f.cell, {
      row: cell.row,
      column: cell.column,
      severity: known && RANK[known.severity as Severity] < RANK[f.severity] ? known.severity : f.severity,
      note: known ? `${known.note}\n${text}` : `${NOTE_PREFIX}\n${text}`,
    });
  }
  return new Map([...bySheet].map(([sheet, marks]) => [sheet, [...marks.values()]]));
}
