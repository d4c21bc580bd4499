import { DRIVERS, type ChangeDrivers, type DriverName, type RepMonth } from "../metrics/change-drivers";
import { logMean } from "../metrics/lmdi";

/**
 * The rep × driver table split hierarchically: first the movement of each driver that the whole team
 * shares, then each rep's residual beyond it. A driver is team-wide when every rep who sold in both
 * months lost revenue through it and the median rep's driver fell by at least a tenth; its shared movement is the median rep's (log) change, so one rep
 * who fell much further does not make it, and each rep's team part is that shared change applied to
 * the rep's own revenue (never more than the rep's whole effect). What is left is the rep's own part.
 */
export interface DriverSplit {
  /** `rep index:driver:team` and `rep index:driver:own` -> amount; each pair adds up to the cell of the driver table. */
  readonly cells: Map<string, number>;
  readonly teamWide: ReadonlySet<DriverName>;
  /** Per rep (index of the driver table), the revenue its team-wide parts took (zero or below). */
  readonly teamPart: readonly number[];
}

export const teamCell = (rep: number, driver: DriverName) => `${rep}:${driver}:team`;
export const ownCell = (rep: number, driver: DriverName) => `${rep}:${driver}:own`;
export const repOfCell = (key: string) => Number(key.slice(0, key.indexOf(":")));

/** The median rep's driver must have fallen by at least a tenth for it to be team-wide. */
const SHARED_FALL = 0.9;

/** A rep's driver this month against last (activity, new customers per unit of it, returning customers, orders per customer, order value). */
function ratioOf(driver: DriverName, b: RepMonth, n: RepMonth): number {
  const r = (x: number, y: number) => (y > 0 ? x / y : 1);
  const all = (m: RepMonth) => ({
    customers: m.newCustomers.customers + m.returning.customers,
    orders: m.newCustomers.orders + m.returning.orders,
    revenue: m.newCustomers.revenue + m.returning.revenue,
  });
  const [x, y] = [all(b), all(n)];
  const perActivity = (m: RepMonth) => (m.activity && b.activity && n.activity ? m.activity : 1);
  switch (driver) {
    case "activity":
      return r(n.activity ?? 0, b.activity ?? 0);
    case "newCustomers":
      return r(n.newCustomers.customers / perActivity(n), b.newCustomers.customers / perActivity(b));
    case "returningCustomers":
      return r(n.returning.customers, b.returning.customers);
    case "ordersPerCustomer":
      return r(r(y.orders, y.customers), r(x.orders, x.customers));
    default:
      return r(r(y.revenue, y.orders), r(x.revenue, x.orders));
  }
}

const sales = (m: RepMonth) => m.newCustomers.revenue + m.returning.revenue;

function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function splitByTeam(d: ChangeDrivers): DriverSplit {
  const weight = d.reps.map((r) => (sales(r.before) > 0 && sales(r.now) > 0 ? logMean(sales(r.now), sales(r.before)) : 0));
  const cells = new Map<string, number>();
  const teamWide = new Set<DriverName>();
  const teamPart = d.reps.map(() => 0);
  for (const driver of DRIVERS) {
    const present = d.reps
      .map((r, i) => ({ i, r }))
      .filter(({ i, r }) => weight[i] > 0 && (driver !== "activity" || (r.before.activity ?? 0) > 0) && r.rep !== "");
    // Each rep's change of this driver as a log change of its revenue (exact when the driver is one factor).
    const logChange = present.map(({ i, r }) => r.effects[driver] / weight[i]);
    const material = present.length >= 2 && median(present.map(({ r }) => ratioOf(driver, r.before, r.now))) <= SHARED_FALL;
    const shared = driver !== "returns" && material && logChange.every((l) => l < 0) ? median(logChange) : null;
    if (shared !== null) teamWide.add(driver);
    d.reps.forEach((r, i) => {
      const effect = r.effects[driver];
      const team = shared !== null && weight[i] > 0 && effect < 0 ? Math.max(effect, weight[i] * shared) : 0;
      cells.set(teamCell(i, driver), team);
      cells.set(ownCell(i, driver), effect - team);
      teamPart[i] += team;
    });
  }
  return { cells, teamWide, teamPart };
}
