import { isBlank } from "../cell/cell-value";
import { normalizeText } from "../parse/parse-result";
import { findQuantities } from "../parse/quantity";
import { formatAmount } from "../i18n/format";
import { fillOnRead } from "../i18n/locale";
import { RuleContext } from "./rule-context";
import { parseDeadline, periodContaining, periodKindNamed, type Period } from "../parse/deadline";
import { detectMetric } from "../parse/metrics";
import type { TableRow } from "../sheet/sheet-table";
import { TARGETS_TEXT as T } from "./targets-text";

const PERIOD_MONTHS: Readonly<Record<Period["kind"], number>> = { week: 7 / 30.4375, month: 1, quarter: 3, year: 12 };
import type { RepHistory } from "./validation-settings";

function amountOf(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  return findQuantities(value)[0]?.value;
}

/**
 * Rows that share a team target, a target item and a period: the shares of one decomposition. The period is
 * the one the row's deadline falls in (today's when it has none), so November's "月度100万" and December's
 * are two decompositions, not one of twice the size.
 */
export function decompositionKey(row: TableRow, today: number): string {
  const deadline = isBlank(row.cells.deadline) ? undefined : parseDeadline(row.cells.deadline, today);
  const kind = periodKindNamed(row.cells.teamTarget) ?? "month";
  const period = periodContaining(kind, deadline?.ok ? deadline.value.serial : today).start;
  return `${normalizeText(row.cells.teamTarget)}\u0000${normalizeText(row.cells.targetItem)}\u0000${period}`;
}

/**
 * One decomposition: the rep targets add up to the team target (35+35+30=100); none is missing;
 * with history, none is far above what the rep has done and the split is not an equal share
 * for reps whose results differ (the playbook's "一刀切").
 */
export function validateDecomposition(ctx: RuleContext, group: readonly TableRow[], history?: RepHistory): void {
  // An empty 个人目标 column is the playbook's own layout: one note on the header says so (empty-columns.ts).
  if (!ctx.has("repTarget") || ctx.isEmptyColumn("repTarget") || group.length === 0) return;
  const first = group[0];
  const team = amountOf(first.cells.teamTarget);
  const shares = group.map((row) => ({ row, amount: amountOf(row.cells.repTarget) }));

  for (const { row, amount } of shares) {
    if (amount === undefined) {
      ctx.report(row, "repTarget", "decomposition.missing", "warning", T.repTargetMissing);
    }
  }
  const known = shares.filter((s): s is { row: TableRow; amount: number } => s.amount !== undefined);
  if (team !== undefined && known.length === shares.length) {
    const sum = known.reduce((total, s) => total + s.amount, 0);
    if (Math.abs(sum - team) > ctx.settings.sumTolerance * Math.abs(team)) {
      const message = fillOnRead(sum > team ? T.sharesOver : T.sharesShort, {
        sum: formatAmount(sum),
        team: formatAmount(team),
        difference: formatAmount(Math.abs(team - sum)),
      });
      ctx.report(first, "repTarget", "decomposition.sum", group.length > 1 ? "warning" : "info", message);
    }
  }
  // History is monthly revenue: it speaks only to revenue targets, scaled to the target's period.
  if (!history || detectMetric(first.cells.targetItem) !== "revenue") return;
  const months = PERIOD_MONTHS[periodKindNamed(first.cells.teamTarget) ?? "month"];
  const pastOf = (row: TableRow) => {
    const monthly = history.get(normalizeText(row.cells.owner));
    return monthly === undefined ? undefined : monthly * months;
  };
  const band = ctx.settings.growthBand;
  for (const { row, amount } of known) {
    const past = pastOf(row);
    if (past === undefined || past <= 0 || amount <= past * (1 + band)) continue;
    const message = fillOnRead(T.growthBeyondBand, {
      past: formatAmount(past),
      above: Math.round((amount / past - 1) * 100),
      band: Math.round(band * 100),
    });
    ctx.report(row, "repTarget", "target.achievable.growth", "warning", message);
  }
  const pasts = known.map((s) => pastOf(s.row)).filter((v): v is number => v !== undefined && v > 0);
  const equal = known.length >= 2 && known.every((s) => Math.abs(s.amount - known[0].amount) <= 1e-9 * Math.abs(known[0].amount));
  if (equal && pasts.length === known.length && Math.max(...pasts) > Math.min(...pasts) * (1 + band)) {
    ctx.report(first, "repTarget", "decomposition.equal-split", "warning", T.equalSplit);
  }
}
