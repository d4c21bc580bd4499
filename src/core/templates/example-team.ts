import type { CellValue } from "../cell/cell-value";
import { fromExcelSerial, toExcelSerial } from "../cell/excel-date";
import type { Bilingual, Locale } from "../i18n/locale";

/**
 * The example team: one story told by every example the product shows (`init --example --data`, the
 * workbench's first workbook, the README's pictures, the tests). Pure and seeded: the same `today`
 * gives the same rows. Dates are relative to today: sixteen whole months of deals and weekly
 * activity ending with the month before today's (a year-ago month, and the months before it that tell its
 * new customers from its returning ones), the targets of that
 * month and of today's, and the weekly tracker of the last two whole weeks (`example-team-sheets`).
 *
 * The team of four sells to key accounts and small businesses; returning customers buy every 2, 3 or
 * 4 months for a few turns and then stop, and new customers, won in proportion to proposals, take their
 * place; deals are lost as well as won (each rep closes at a rate of their own). Cadence, phase, type and
 * lifetime follow each customer's number with the rep, so the months differ by the story, not by dice.
 * Reps keep habits of their own: one calls a lot and sells big tickets to key accounts, one visits and
 * opens small businesses, one is steady, one is newer with fewer customers and a lower close rate.
 *
 * The planted cause, in the last whole month: every rep submits far fewer proposals (about a third of
 * their usual; visits fall less), and new customers, won in proportion to proposals, fall with them.
 * Returning customers buy as usual. The diagnosis names it first: a team-wide fall in lead activity
 * (`fallingActivity` on proposals) that explains most of the month's revenue fall.
 */

/** A small deterministic random source (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const b = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

export const EXAMPLE_REPS: Readonly<Record<Locale, readonly string[]>> = {
  "zh-CN": ["张伟", "李娜", "王强", "刘洋"],
  en: ["Alice", "Bob", "Carol", "Dave"],
};
export const EXAMPLE_TYPES = { key: b("大客户", "Key account"), small: b("中小企业", "SMB") } as const;
export const EXAMPLE_STATUS = { won: b("赢单", "Won"), lost: b("输单", "Lost") } as const;
const PRODUCTS = [b("标准版", "Standard"), b("专业版", "Professional")] as const;
const CUSTOMER = b("客户", "Customer ");

/** How many months of deals and activity: the last, the same month a year before, and the cadence before that. */
export const EXAMPLE_MONTHS = 16;
/** In the planted month every rep's proposals are this share of usual (visits: `PLANTED_VISITS`). */
export const PLANTED_PROPOSALS = 0.35;
const PLANTED_VISITS = 0.7;

interface Habit {
  readonly calls: number;
  readonly visits: number;
  readonly followUps: number;
  readonly proposals: number;
  /** Share of proposals that become a new customer. */
  readonly conversion: number;
  /** Share of opportunities won. */
  readonly closeRate: number;
  readonly keyShare: number;
  readonly ticket: number;
  readonly book: number;
}

const HABITS: readonly Habit[] = [
  { calls: 90, visits: 8, followUps: 24, proposals: 5, conversion: 0.2, closeRate: 0.7, keyShare: 0.5, ticket: 1.3, book: 38 },
  { calls: 55, visits: 14, followUps: 20, proposals: 6, conversion: 0.2, closeRate: 0.62, keyShare: 0.2, ticket: 0.9, book: 46 },
  { calls: 70, visits: 10, followUps: 22, proposals: 5, conversion: 0.18, closeRate: 0.66, keyShare: 0.3, ticket: 1, book: 34 },
  { calls: 60, visits: 9, followUps: 15, proposals: 4, conversion: 0.16, closeRate: 0.5, keyShare: 0.2, ticket: 0.85, book: 24 },
];

export interface MonthOf {
  readonly year: number;
  readonly month: number;
}

/** The month `offset` months after `m` (negative: before). */
export function shiftMonth(m: MonthOf, offset: number): MonthOf {
  const index = m.year * 12 + m.month - 1 + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const daysIn = (m: MonthOf): number => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();

/** One deal line and one week of activity, by the data templates' column keys. */
export type ExampleRecord = Readonly<Record<string, CellValue>>;

export interface ExampleData {
  readonly reps: readonly string[];
  /** The months of data, oldest first; the last is the planted month. */
  readonly months: readonly MonthOf[];
  readonly deals: readonly ExampleRecord[];
  readonly activity: readonly ExampleRecord[];
}

interface Customer {
  readonly name: string;
  readonly type: Bilingual;
  /** Buys every `cadence` months, in months whose index mod cadence is `phase`. */
  readonly cadence: number;
  readonly phase: number;
  readonly size: number;
  /** Purchases left before the customer stops buying (churn). */
  left: number;
}

/** The deal lines and weekly activity of the sixteen whole months before today's month. */
export function exampleData(locale: Locale, today: number): ExampleData {
  const rand = seeded(19);
  const date = fromExcelSerial(today)!;
  const last = shiftMonth(date, -1);
  const months = Array.from({ length: EXAMPLE_MONTHS }, (_v, k) => shiftMonth(last, k - (EXAMPLE_MONTHS - 1)));
  const reps = EXAMPLE_REPS[locale];
  const deals: ExampleRecord[] = [];
  const activity: ExampleRecord[] = [];
  let order = 0;
  let fresh = 0;
  const typeOf = (r: number) => ((counts[r] * 7) % 10 < HABITS[r].keyShare * 10 ? EXAMPLE_TYPES.key : EXAMPLE_TYPES.small);
  // Cadence, phase and lifetime by the customer's number with the rep, so each month has about as many
  // customers due and as many leaving: the month-to-month changes are the story's, not noise.
  const counts = HABITS.map(() => 0);
  const customer = (r: number, name: string, type: Bilingual, k?: number): Customer => {
    const n = counts[r]++;
    const cadence = 2 + (n % 3);
    return {
      name,
      type,
      cadence,
      phase: k === undefined ? Math.floor(n / 3) % cadence : (cadence - (k % cadence)) % cadence,
      size: (type === EXAMPLE_TYPES.key ? 36000 : 14000) * HABITS[r].ticket * (0.9 + 0.2 * rand()),
      left: k === undefined ? 1 + ((n * 5) % 4) : 2 + (n % 3),
    };
  };
  const books = HABITS.map((h, r) =>
    Array.from({ length: h.book }, (_v, i) =>
      customer(r, `${CUSTOMER[locale]}${r + 1}-${String(i + 1).padStart(2, "0")}`, typeOf(r)),
    ),
  );
  months.forEach((m, k) => {
    const planted = k === months.length - 1;
    const days = daysIn(m);
    const day = () => toExcelSerial(m.year, m.month, 1 + Math.floor(rand() * days));
    reps.forEach((rep, r) => {
      const h = HABITS[r];
      const line = (c: Customer, won: boolean) =>
        deals.push({
          date: day(),
          rep,
          customer: c.name,
          customerType: c.type[locale],
          amount: Math.round((c.size * (0.9 + 0.2 * rand())) / 100) * 100,
          orderId: `SO-${String(++order).padStart(5, "0")}`,
          status: (won ? EXAMPLE_STATUS.won : EXAMPLE_STATUS.lost)[locale],
          product: PRODUCTS[c.type === EXAMPLE_TYPES.key || rand() < 0.2 ? 1 : 0][locale],
        });
      // Weekly activity on each Monday of the month; the planted month has far fewer proposals.
      let proposals = 0;
      for (let d = 1; d <= days; d++) {
        const serial = toExcelSerial(m.year, m.month, d);
        if ((serial - 2) % 7 !== 0) continue;
        const vary = (n: number, share = 1) => Math.max(0, Math.round(n * share * (0.9 + 0.2 * rand())));
        const week = {
          date: serial,
          rep,
          calls: vary(h.calls),
          visits: vary(h.visits, planted ? PLANTED_VISITS : 1),
          followUps: vary(h.followUps),
          proposals: vary(h.proposals, planted ? PLANTED_PROPOSALS : 1),
        };
        proposals += week.proposals;
        activity.push(week);
      }
      // Returning customers on their cadence until their purchases run out; some of their deals are lost.
      books[r] = books[r].filter((c) => {
        if ((k + c.phase) % c.cadence !== 0) return true;
        line(c, true);
        if (rand() < 1 - h.closeRate) line(c, false);
        return --c.left > 0;
      });
      // New customers in proportion to proposals (at least one a month); the prospects not won are lost deals.
      const won = Math.max(1, Math.round(proposals * h.conversion));
      for (let n = 0; n < won; n++) {
        const c = customer(r, `${CUSTOMER[locale]}N${String(++fresh).padStart(3, "0")}`, typeOf(r), k);
        line(c, true);
        books[r].push(c);
      }
      const lost = Math.round((won * (1 - h.closeRate)) / h.closeRate + rand());
      for (let n = 0; n < lost; n++)
        line(customer(r, `${CUSTOMER[locale]}P${String(++fresh).padStart(3, "0")}`, typeOf(r)), false);
    });
  });
  deals.sort((x, y) => (x.date as number) - (y.date as number));
  return { reps, months, deals, activity };
}
