import type { CellValue } from "../../cell/cell-value";
import { detectFields, isHeaderLike, normalizeHeaderText, type DataField, type FieldMapping } from "./fields";

/** How far down a report the header row is looked for: titles, export notes and blank rows come first. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderRow<F extends DataField> {
  /** 0-based row within the grid's values. */
  readonly row: number;
  readonly mapping: FieldMapping<F>;
  /** False when no row within the scan has the fields `accepts` asks for (the first row is read then). */
  readonly found: boolean;
}

/**
 * The header row of a data sheet. With an explicit map, the row holding most of the mapped header texts.
 * Otherwise each of the first rows is scored: rows that are mostly header-like cells (short text, no digits,
 * no colon: titles and "导出日期：2026-11-01 金额单位：元" lines do not count) and that `accepts` (a deal sheet
 * needs a date and an amount), by the number of fields found, then the number of header-like cells.
 */
export function findHeaderRow<F extends DataField>(
  values: readonly (readonly CellValue[])[],
  fields: readonly F[],
  accepts: (mapping: FieldMapping<F>) => boolean,
  explicit: Partial<Record<F, string>> = {},
): HeaderRow<F> {
  const scan = Math.min(HEADER_SCAN_ROWS, values.length);
  const wanted = new Set(Object.values(explicit).map((h) => normalizeHeaderText(h)));
  wanted.delete("");
  if (wanted.size > 0) {
    let best = -1;
    let bestCount = 0;
    for (let r = 0; r < scan; r++) {
      const count = new Set((values[r] ?? []).map(normalizeHeaderText).filter((h) => wanted.has(h))).size;
      if (count > bestCount) [best, bestCount] = [r, count];
    }
    if (best >= 0) {
      const mapping = detectFields(fields, values[best] ?? [], explicit);
      return { row: best, mapping, found: accepts(mapping) };
    }
  }
  let best: { row: number; mapping: FieldMapping<F>; score: [number, number] } | undefined;
  let fallback: { row: number; mapping: FieldMapping<F>; fields: number } | undefined;
  for (let r = 0; r < scan; r++) {
    const line = values[r] ?? [];
    let filled = 0;
    let headerLike = 0;
    for (const v of line) {
      if (v === null || v === "") continue;
      filled++;
      if (isHeaderLike(v)) headerLike++;
    }
    if (headerLike === 0 || headerLike * 2 < filled) continue;
    const mapping = detectFields(fields, line, explicit);
    const found = fields.length - mapping.missing.length;
    if (!fallback || found > fallback.fields) fallback = { row: r, mapping, fields: found };
    if (!accepts(mapping)) continue;
    const score: [number, number] = [found, headerLike];
    if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) {
      best = { row: r, mapping, score };
    }
  }
  if (best) return { row: best.row, mapping: best.mapping, found: true };
  if (fallback) return { row: fallback.row, mapping: fallback.mapping, found: false };
  return { row: 0, mapping: detectFields(fields, values[0] ?? [], explicit), found: false };
}
