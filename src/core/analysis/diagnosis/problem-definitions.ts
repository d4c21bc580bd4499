import type { ChangeDrivers, DriverName } from "../metrics/change-drivers";
import {
  fallingActivity,
  lowHighTicketCloseRate,
  lowRepurchase,
  newCustomerShortfall,
  orderValueDrop,
  returnsRise,
  seasonalDip,
  type Context,
  type Described,
  type Detected,
} from "./problem-candidates";
import { repDrop, repFarBelow, type RepFacts } from "./rep-candidates";
import { seasonalShare, type SeasonalShare } from "./seasonal";
import type { ProblemCode } from "./strategies";
import { customerTypeShift } from "./type-candidates";

/**
 * How a problem is found and which parts of the month's revenue change it may claim (`problems`):
 * - `drivers`: a team problem, detected on the team's figures, claiming its drivers' parts of every rep's change;
 * - `rep`: a rep problem, detected on each rep's figures, claiming that rep's own parts (beyond the team-wide movement);
 * - `season`: the part of the fall that follows last year's season, taken before any problem claims.
 */
export type ProblemDetection =
  | {
      readonly claims: "drivers";
      readonly drivers: readonly DriverName[];
      readonly detect: (ctx: Context) => Detected | null;
    }
  | { readonly claims: "rep"; readonly detect: (ctx: Context, rep: RepFacts) => Detected | null }
  | {
      readonly claims: "season";
      readonly detect: typeof seasonalShare;
      readonly describe: (drivers: ChangeDrivers, share: SeasonalShare) => Described;
    };

/**
 * Everything about one problem of the TOP 3. Its words are `PROBLEM_TEXT[code]` (`problem-text`), filled
 * by its detector; the playbook's strategies for it are `STRATEGIES[code]` (`strategies`).
 */
export type ProblemDefinition = ProblemDetection & {
  /** `byShare`: high, medium or low by the share of the change it explains (low in a month within the usual spread); `low`: always low. */
  readonly priority: "byShare" | "low";
  /** On a tie between team-wide claims, the more specific explanation goes first. */
  readonly specific?: boolean;
};

/**
 * The problems the diagnosis can name, each once. Team and rep problems are detected in this order
 * (a rep's problems, rep by rep), which also settles ties between equal claims.
 */
export const PROBLEMS = {
  fallingActivity: { claims: "drivers", drivers: ["activity"], detect: fallingActivity, priority: "byShare" },
  newCustomerShortfall: { claims: "drivers", drivers: ["newCustomers"], detect: newCustomerShortfall, priority: "byShare" },
  lowRepurchase: {
    claims: "drivers",
    drivers: ["returningCustomers", "ordersPerCustomer"],
    detect: lowRepurchase,
    priority: "byShare",
  },
  lowHighTicketCloseRate: { claims: "drivers", drivers: ["avgOrderValue"], detect: lowHighTicketCloseRate, priority: "byShare" },
  orderValueDrop: { claims: "drivers", drivers: ["avgOrderValue"], detect: orderValueDrop, priority: "byShare" },
  returnsRise: { claims: "drivers", drivers: ["returns"], detect: returnsRise, priority: "byShare" },
  // It says who stopped buying: on a tie it comes before the driver it shares.
  customerTypeShift: {
    claims: "drivers",
    drivers: ["newCustomers", "returningCustomers", "ordersPerCustomer", "avgOrderValue"],
    detect: customerTypeShift,
    priority: "byShare",
    specific: true,
  },
  repDrop: { claims: "rep", detect: repDrop, priority: "byShare" },
  repFarBelow: { claims: "rep", detect: repFarBelow, priority: "byShare" },
  seasonalDip: { claims: "season", detect: seasonalShare, describe: seasonalDip, priority: "low" },
} as const satisfies Record<ProblemCode, ProblemDefinition>;

/** The definition of a problem. */
export const problemDefinition = (code: ProblemCode): ProblemDefinition => PROBLEMS[code];

/** The problems in their order, each with its code. */
export const PROBLEM_LIST: readonly (ProblemDefinition & { readonly code: ProblemCode })[] = (
  Object.keys(PROBLEMS) as ProblemCode[]
).map((code) => ({ ...PROBLEMS[code], code }));
