import { DRIVERS, type ChangeDrivers, type DriverName, type RepMonth } from "./change-drivers";
import { logMean } from "./lmdi";

/**
 * The rep × driver table split hierarchically: first the movement of each driver that the whole team
 * shares, then each rep's residual beyond it. A driver is team-wide when every rep who sold in both
 * months lost revenue through it; its shared movement is the median rep's (log) change, so one rep
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
    const shared = driver !== "returns" && present.length >= 2 && logChange.every((l) => l < 0) ? median(logChange) : null;
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
