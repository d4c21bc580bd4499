import type { MetricsIndex } from "../analysis/metrics/period-metrics";

/** Each rep's recent average monthly revenue, when the workbook has deal data (rep name -> amount). */
export type RepHistory = ReadonlyMap<string, number>;

/** Every threshold the validators use, in one place. */
export interface ValidationSettings {
  /** Today as an Excel serial: decides which days are past and which period a deadline must fall in. */
  readonly today: number;
  /** Weekly plan completion below this is flagged (the playbook's step 4: ≥85%). */
  readonly completionTarget: number;
  readonly minKeyResults: number;
  readonly maxKeyResults: number;
  /** A rep target more than this fraction above recent actuals is flagged as hard to achieve. */
  readonly growthBand: number;
  /** Consecutive missed weeks of one rep and metric that call for one-to-one coaching. */
  readonly coachingWeeks: number;
  /** Consecutive days below the daily pace of one metric that call for one-to-one coaching. */
  readonly coachingDays: number;
  /** Relative difference tolerated between a team target and the sum of its rep targets. */
  readonly sumTolerance: number;
  /** Difference in percentage points tolerated between a typed and a computed achievement rate. */
  readonly rateTolerance: number;
  /** Reps giving the same reason for a miss in one week that make it a team problem (weekly review). */
  readonly teamReasonReps: number;
  /** A strategy's metric that moved by less than this (relative; in points for a rate) counts as unchanged. */
  readonly effectTolerance: number;
}

export const DEFAULT_VALIDATION_SETTINGS: Omit<ValidationSettings, "today"> = {
  completionTarget: 0.85,
  minKeyResults: 2,
  maxKeyResults: 3,
  growthBand: 0.3,
  coachingWeeks: 2,
  coachingDays: 3,
  sumTolerance: 0.005,
  rateTolerance: 0.005,
  teamReasonReps: 3,
  effectTolerance: 0.05,
};

export function createValidationSettings(today: number, overrides: Partial<ValidationSettings> = {}): ValidationSettings {
  return { ...DEFAULT_VALIDATION_SETTINGS, today, ...overrides };
}

export interface ValidationInput {
  readonly settings: ValidationSettings;
  /** Recent actuals per owner, for the achievability rules; left out when the workbook has none. */
  readonly history?: RepHistory;
  /**
   * The workbook's deal (and activity) data by month, for the action plan's effect check; asked for
   * only when a strategy is past its due date, so workbooks without one never pay for reading it.
   */
  readonly metrics?: () => MetricsIndex | undefined;
}
