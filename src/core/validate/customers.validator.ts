import { readCustomerPeriodStamp, type CustomerPeriod } from "../analysis/metrics/customer-table";
import { normalizeText } from "../parse/parse-result";
import { fillOnRead } from "../i18n/locale";
import { CUSTOMERS_TEXT as T } from "./customers-text";
import type { RuleContext } from "./rule-context";
import type { TableRow } from "../sheet/sheet-table";

/** Every row of the customer sheet is one group: the sheet's latest fill is judged over all of them. */
export const CUSTOMER_PERIOD_GROUP = "period";

/**
 * "每季度更新一次数据": the customer sheet's latest 数据期间 stamp (written by the customer contribution) names the
 * months its figures cover; once the quarter holding the last of them is over, the sheet is due for an update.
 * Reported once, on the period cell of the row with the latest stamp. A sheet without stamps is not judged.
 */
export function validateCustomerPeriod(ctx: RuleContext, rows: readonly TableRow[]): void {
  if (!ctx.has("period")) return;
  let latest: { row: TableRow; stamp: CustomerPeriod } | undefined;
  for (const row of rows) {
    const stamp = readCustomerPeriodStamp(normalizeText(row.cells.period));
    if (!stamp) continue;
    const newer =
      !latest || stamp.to > latest.stamp.to || (stamp.to === latest.stamp.to && (stamp.filled ?? 0) > (latest.stamp.filled ?? 0));
    if (newer) latest = { row, stamp };
  }
  if (!latest || ctx.settings.today <= latest.stamp.quarterEnd) return;
  const [year, month] = latest.stamp.to.split("-").map(Number);
  const quarter = Math.ceil(month / 3);
  ctx.report(
    latest.row,
    "period",
    "customers.period.stale",
    "warning",
    fillOnRead(T.periodStale, { to: latest.stamp.to, year, quarter }),
    T.periodStaleFix,
  );
}
