import { runWeeklyReview, type WeeklyReviewResult } from "../../app/weekly-review";
import { serialToIso } from "../../core/cell/excel-date";
import { localize, type Locale } from "../../core/i18n/locale";
import { MESSAGES } from "../../core/i18n/messages";
import { layoutReviewBlock, reasonAction, reasonName, reviewSentences } from "../../core/weekly-review/review-sheet";
import { parseWeek } from "../cli-options";
import type { WeeklyJson } from "../json-contract";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";

/** `weekly FILE [--week YYYY-MM-DD]`: the Friday weekly review; with --out, a copy with the review sheet and the tracker highlighted. */
export const weeklyCommand: CliCommand<WeeklyReviewResult, WeeklyJson> = {
  files: "one",
  flags: ["--week", "--out", "--force"],
  async run({ locale, options, today, files }, [file]) {
    const week = options.week === undefined ? undefined : parseWeek(options.week, locale);
    return files.onWorkbook(file, (host) => runWeeklyReview(host, { today, locale, week, write: options.out !== undefined }));
  },
  json(result, { locale }) {
    const { review } = result;
    const metric = (m: { metric: string; label: Readonly<Record<Locale, string>> }) => ({
      metric: m.metric,
      label: m.label[locale],
    });
    return {
      week: serialToIso(review.week),
      threshold: review.threshold,
      trackers: review.trackers,
      summary: reviewSentences(review, locale),
      reps: review.reps.map((rep) => ({
        owner: rep.owner,
        metrics: rep.metrics.map((m) => ({
          ...metric(m),
          target: m.target,
          done: m.done,
          rate: m.rate,
          previousRate: m.previousRate,
          below: m.below,
        })),
      })),
      metrics: review.metrics.map((m) => ({
        ...metric(m),
        target: m.target,
        done: m.done,
        rate: m.rate,
        previousRate: m.previousRate,
        reps: m.reps,
        repsBelow: m.repsBelow,
      })),
      reasons: review.reasons.map((g) => ({
        reason: reasonName(g, locale),
        theme: g.theme ?? null,
        reps: g.reps,
        team: g.team,
        suggestion: g.team ? reasonAction(g, locale) : null,
        reasons: g.reasons,
      })),
      coaching: review.coaching.map((c) => ({ owner: c.owner, ...metric(c), weeks: c.weeks, days: c.days })),
      followUps: review.followUps.map((f) => ({
        owner: f.owner,
        ...metric(f),
        previousRate: f.previousRate,
        rate: f.rate,
        status: f.status,
      })),
      withoutTarget: review.withoutTarget,
      sheet: result.sheet ?? null,
      highlighted: result.highlighted,
      notes: [...(result.notice ? [result.notice[locale]] : []), ...protectedNotes(result.protectedSheets, locale)],
    };
  },
  /** The review's block as the sheet lays it out, one line per row. */
  text(result, { locale }) {
    const rows = layoutReviewBlock(result.review, locale).map((line) =>
      line
        .map((v) => (v === null ? "" : safe(String(v))))
        .join("  ")
        .trimEnd(),
    );
    const notice = result.notice ? `${safe(result.notice[locale])}\n` : "";
    const locked = protectedNotes(result.protectedSheets, locale).map((note) => `${safe(note)}\n`);
    return `${rows.join("\n")}\n${notice}${locked.join("")}`;
  },
};

/** One note for each protected tracker left without highlights. */
function protectedNotes(sheets: readonly string[] | undefined, locale: Locale): string[] {
  return (sheets ?? []).map((sheet) => localize(MESSAGES.marksSkippedProtected, locale, { sheet }));
}
