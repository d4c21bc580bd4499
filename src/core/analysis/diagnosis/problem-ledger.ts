import type { Bilingual } from "../../i18n/locale";
import { DRIVERS, type ChangeDrivers, type DriverName } from "../metrics/change-drivers";
import { ownCell, repOfCell, teamCell, type DriverSplit } from "./driver-split";
import type { Candidate, ProblemBaseline } from "./problem-candidates";
import type { ProblemCode } from "./strategies";

/** A problem as it claims its parts, before it is worded and ranked. */
export interface Claimed {
  readonly code: ProblemCode;
  readonly atStake: number;
  readonly baseline: ProblemBaseline | null;
  /** Null for the seasonal share, which is worded on its own. */
  readonly candidate: Candidate | null;
  /** What it claimed of each rep (negative: losses). */
  readonly byRep: Map<string, number>;
  /** Claimed first, from the movement every rep shared. */
  readonly teamWide: boolean;
  readonly text?: { readonly summary: Bilingual; readonly evidence: Bilingual; readonly actions: readonly Bilingual[] };
}

/**
 * The rep × driver parts of the change (team-wide and own, `driver-split`) and what problems have
 * claimed of them: each claim takes the losses in its cells, at most its cap and what is left of the
 * amount to explain, so no part is claimed twice and the claims never exceed that amount.
 */
export class ProblemLedger {
  readonly found: Claimed[] = [];
  private budget: number;
  private readonly cells: Map<string, number>;

  constructor(
    private readonly drivers: ChangeDrivers,
    private readonly split: DriverSplit,
    private readonly explained: number,
  ) {
    this.budget = explained;
    this.cells = new Map(split.cells);
  }

  get open(): boolean {
    return this.budget > 1e-6 * this.explained;
  }

  /** The cells a problem claims: a rep problem its rep's own parts; a team problem its drivers' (only the team-wide parts when `teamOnly`). */
  keysOf(c: Candidate, teamOnly = false): string[] {
    if (c.kind === "rep") return DRIVERS.map((d) => ownCell(c.rep, d));
    return this.drivers.reps.flatMap((_r, i) =>
      c.drivers.flatMap((d) =>
        teamOnly ? (this.split.teamWide.has(d) ? [teamCell(i, d)] : []) : [teamCell(i, d), ownCell(i, d)],
      ),
    );
  }

  claimedBy(c: Candidate): Claimed | undefined {
    return this.found.find((f) => f.candidate === c);
  }

  /** The losses in `keys` the candidate may still claim. */
  worth(c: Candidate, keys: readonly string[]): number {
    return Math.min(c.cap - (this.claimedBy(c)?.atStake ?? 0), -this.lossIn(keys).reduce((a, k) => a + this.cells.get(k)!, 0));
  }

  /** Claims the losses in `keys` for the candidate (adding to its earlier claim); false when they are under 1% of the change. */
  claim(c: Candidate, keys: readonly string[], teamWide: boolean): boolean {
    const amount = Math.min(this.worth(c, keys), this.budget);
    if (!(amount >= 0.01 * this.explained)) return false;
    const before = this.claimedBy(c);
    const byRep = before?.byRep ?? new Map<string, number>();
    for (const k of this.lossIn(keys)) {
      const rep = this.drivers.reps[repOfCell(k)].rep;
      byRep.set(rep, (byRep.get(rep) ?? 0) + this.cells.get(k)!);
      this.cells.delete(k);
    }
    this.budget -= amount;
    if (before) this.found[this.found.indexOf(before)] = { ...before, atStake: before.atStake + amount };
    else this.found.push({ code: c.code, atStake: amount, baseline: c.baseline, candidate: c, byRep, teamWide });
    return true;
  }

  /** A seasonal share of each driver's losses, taken before any problem claims. */
  takeSeason(byDriver: ReadonlyMap<DriverName, number>, total: number, claimed: Claimed): void {
    this.found.push(claimed);
    this.budget -= total;
    for (const [d, amount] of byDriver) {
      const keys = this.drivers.reps.flatMap((_r, i) => [teamCell(i, d), ownCell(i, d)]);
      const fall = -this.lossIn(keys).reduce((a, k) => a + this.cells.get(k)!, 0);
      const keep = fall > 0 ? Math.max(0, 1 - amount / fall) : 1;
      for (const k of this.lossIn(keys)) this.cells.set(k, this.cells.get(k)! * keep);
    }
  }

  // A problem claims losses: the parts of its cells that took revenue away (gains stay where they are).
  private lossIn(keys: readonly string[]): string[] {
    return keys.filter((k) => (this.cells.get(k) ?? 0) < 0);
  }
}
