import type { Bilingual, Locale } from "../core/i18n/locale";
import { localize } from "../core/i18n/locale";
import { WEEKLY_REVIEW_TEXT as T } from "../core/i18n/weekly-review-text";
import { resolveFreeSheetName } from "../core/cell/sheet-name";
import { createValidationSettings, type ValidationSettings } from "../core/validate/validation-settings";
import { BLOCK_COLUMNS, layoutReviewBlock, layoutReviewSheet } from "../core/weekly-review/review-sheet";
import { findWeeklyTrackers, reviewWeek, type WeeklyReview } from "../core/weekly-review/weekly-review";
import { UseCaseError } from "./use-case-error";
import type { SheetValues, SheetWrite, WorkbookHost } from "./workbook-host.port";
import { readWorkbook } from "./read-workbook";

export interface WeeklyReviewRequest {
  /** Today as an Excel serial: the default week is the latest one begun by today. */
  readonly today: number;
  readonly locale: Locale;
  /** Any day of the week to review (Excel serial). */
  readonly week?: number;
  /** The team's thresholds (completionTarget, coachingWeeks, coachingDays, teamReasonReps), e.g. from the workbook. */
  readonly settings?: Partial<Omit<ValidationSettings, "today">>;
  /** Write the review sheet and the tracker's highlights (default), or only return the review. */
  readonly write?: boolean;
}

export interface WeeklyReviewResult {
  readonly review: WeeklyReview;
  /** The sheet the review block went to. */
  readonly sheet?: string;
  /** Completion cells highlighted on the trackers (0 where the host cannot mark). */
  readonly highlighted: number;
  /** Said when the review could not go to its usual sheet. */
  readonly notice?: Bilingual;
  /** Trackers left without highlights because they are protected (faces say so: `MESSAGES.marksSkippedProtected`). */
  readonly protectedSheets?: readonly string[];
}

export const NO_WEEKLY_TRACKER = new UseCaseError("noWeeklyTracker", T.noTracker);

/** A week typed that is not a date (the pane's field). */
export function badWeek(value: string): UseCaseError {
  return new UseCaseError("badWeek", {
    "zh-CN": localize(T.badWeek, "zh-CN", { value }),
    en: localize(T.badWeek, "en", { value }),
  });
}

/** The review sheet's names in both languages, numbered or not ("周复盘", "Weekly Review (2)"). */
const REVIEW_SHEET = new RegExp(`^(?:${T.sheetName["zh-CN"]}|${T.sheetName.en})(?: \\(\\d+\\))?$`, "i");

/**
 * The Friday weekly review (周复盘): reads the week trackers, writes the week's block at the top of the
 * review sheet (replacing that week's earlier block, keeping the others, newest first) and highlights
 * the completions under the threshold on the trackers, replacing only its own highlights. Read, read,
 * one write. The user's text is never written over: a review sheet holding anything else of theirs in
 * the block columns is left alone and the review goes to a new sheet.
 */
export async function runWeeklyReview(host: WorkbookHost, request: WeeklyReviewRequest): Promise<WeeklyReviewResult> {
  const read = await readWorkbook(host, { marks: true });
  const { outline, grids } = read;
  const trackers = findWeeklyTrackers(grids);
  if (trackers.length === 0) throw NO_WEEKLY_TRACKER;
  const settings = createValidationSettings(request.today, read.thresholds(request.settings));
  const review = reviewWeek(trackers, { settings, week: request.week });
  if (request.write === false) return { review, highlighted: 0 };

  const block = layoutReviewBlock(review, request.locale);
  const wanted = T.sheetName[request.locale];
  const candidates = grids.filter((g) => REVIEW_SHEET.test(g.name) && !trackers.some((t) => t.sheet === g.name));
  let target: { sheet: string; create: boolean; values: ReturnType<typeof layoutReviewSheet>["values"] } | undefined;
  for (const grid of candidates) {
    const layout = layoutReviewSheet(grid, review.week, block);
    if (layout.fits) {
      target = { sheet: grid.name, create: false, values: layout.values };
      break;
    }
  }
  // A named sheet the host read nothing from (empty) is free to use; any other name taken means a new sheet.
  const emptyNamed = outline.sheets.find((name) => REVIEW_SHEET.test(name) && !grids.some((g) => g.name === name));
  let notice: Bilingual | undefined;
  if (!target && emptyNamed)
    target = { sheet: emptyNamed, create: false, values: layoutReviewSheet(undefined, review.week, block).values };
  if (!target) {
    const sheet = resolveFreeSheetName(wanted, outline.sheets);
    if (candidates.length > 0) {
      notice = {
        "zh-CN": localize(T.newSheet, "zh-CN", { wanted: candidates[0].name, sheet }),
        en: localize(T.newSheet, "en", { wanted: candidates[0].name, sheet }),
      };
    }
    target = { sheet, create: true, values: layoutReviewSheet(undefined, review.week, block).values };
  }

  const writes: SheetWrite[] = [
    {
      sheet: target.sheet,
      ...(target.create ? { create: true } : {}),
      values: [{ row: 0, column: 0, values: target.values }],
      ...(target.create
        ? { columns: [28, 14, 12, 12, 12, 12, 24].slice(0, BLOCK_COLUMNS).map((width, column) => ({ column, width })) }
        : {}),
      activate: true,
    },
  ];
  let highlighted = 0;
  const locked: string[] = [];
  if (host.capabilities.marks) {
    for (const tracker of trackers) {
      const grid = grids.find((g) => g.name === tracker.sheet) as SheetValues;
      // A protected tracker keeps what it has; the review and the other trackers are still written.
      if (grid.protected) {
        if (review.highlights.some((h) => h.sheet === tracker.sheet) || grid.marks?.some((m) => m.kind === "completion"))
          locked.push(tracker.sheet);
        continue;
      }
      const remove = (grid.marks ?? []).filter((m) => m.kind === "completion").map((m) => m.handle);
      const add = review.highlights
        .filter((h) => h.sheet === tracker.sheet)
        .map((h) => ({ row: h.row, column: h.column, severity: "below" as const, note: "" }));
      highlighted += add.length;
      if (remove.length > 0 || add.length > 0) writes.push({ sheet: tracker.sheet, marks: { remove, add } });
    }
  }
  await host.write({ sheets: writes });
  return {
    review,
    sheet: target.sheet,
    highlighted,
    ...(notice ? { notice } : {}),
    ...(locked.length > 0 ? { protectedSheets: locked } : {}),
  };
}
