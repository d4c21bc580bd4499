/** The customer table of `customers`/`diagnose` JSON as the export tests compare it with the oracle's. */
export interface SegmentJson {
  type: string;
  customers: number;
  orders: number;
  revenue: number;
  closeRate: number | null;
}

/** The table as compared: sorted by type, revenue to the cent. */
export function table(segments: readonly SegmentJson[]) {
  return [...segments]
    .map((s) => ({
      type: s.type,
      customers: s.customers,
      orders: s.orders,
      revenue: Math.round(s.revenue * 100) / 100,
      closeRate: s.closeRate === null ? null : Math.round(s.closeRate * 1e9) / 1e9,
    }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

export const total = (t: { customers: number; orders: number; revenue: number }) => ({
  ...t,
  revenue: Math.round(t.revenue * 100) / 100,
});
