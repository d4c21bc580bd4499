import type { SegmentStats } from "../../core/analysis/metrics/customer-contribution";
import type { SegmentJson } from "../json-contract";

/** One customer type's figures, as `customers` and `diagnose` print them. */
export const segmentJson = (s: SegmentStats): SegmentJson => ({
  type: s.type,
  customers: s.customers,
  orders: s.orders,
  revenue: s.revenue,
  share: s.share,
  avgOrderValue: s.avgOrderValue,
  closeRate: s.closeRate,
  repurchaseRate: s.repurchaseRate,
});
