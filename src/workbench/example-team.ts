import type { CellValue } from "../core/cell/cell-value";
import { toExcelSerial } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";
import { activityTemplate, dealsTemplate } from "../core/templates/data-sheets.template";
import type { SheetSeed } from "../hosts/univer/univer-workbook-data";

/** A small deterministic random source (mulberry32), so the example team is the same on every visit. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPS: Readonly<Record<Locale, readonly string[]>> = {
  "zh-CN": ["张伟", "李娜", "王强", "刘洋"],
  en: ["Alice", "Bob", "Carol", "Dave"],
};
const KEY_ACCOUNT = dealsTemplate.examples[0].customerType as Readonly<Record<Locale, string>>;
const SMALL_BUSINESS: Readonly<Record<Locale, string>> = { "zh-CN": "中小企业", en: "SMB" };
const WON = dealsTemplate.examples[0].status as Readonly<Record<Locale, string>>;
const CUSTOMER: Readonly<Record<Locale, string>> = { "zh-CN": "客户", en: "Customer " };
const MONTHS = 13;

/**
 * The workbench's first workbook: a team of four with thirteen months of deals and weekly activity,
 * ending last month, selling about 100万 a month like the playbook's example team target (so the
 * monthly review's achievement is about 100%, not a multiple of it). Each rep keeps about twenty
 * customers who buy every third month and wins new ones in proportion to visits; in the last month two
 * reps visit far less and one of them also loses returning customers, so the diagnosis has something
 * to find.
 */
export function exampleTeam(locale: Locale, today: Date): SheetSeed[] {
  const rand = seeded(11);
  const reps = REPS[locale];
  const dealHeaders = dealsTemplate.columns.slice(0, 7).map((c) => c.header[locale]);
  const activityHeaders = activityTemplate.columns.map((c) => c.header[locale]);
  const deals: CellValue[][] = [dealHeaders];
  const activity: CellValue[][] = [activityHeaders];
  const lastIndex = today.getFullYear() * 12 + today.getMonth() - 1;
  let order = 0;
  let customerNo = 0;
  const book = reps.map((_rep, r) =>
    Array.from({ length: 20 }, (_v, i) => ({
      name: `${CUSTOMER[locale]}${r + 1}-${String(i + 1).padStart(2, "0")}`,
      phase: i % 3,
      type: (i % 4 === 0 ? KEY_ACCOUNT : SMALL_BUSINESS)[locale],
    })),
  );
  for (let k = 0; k < MONTHS; k++) {
    const index = lastIndex - (MONTHS - 1 - k);
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const last = k === MONTHS - 1;
    reps.forEach((rep, r) => {
      const slowed = last && r >= 2;
      const visits = slowed ? 5 : 12;
      for (const monday of [1, 8, 15, 22]) {
        activity.push([toExcelSerial(year, month, monday), rep, visits * 6, visits, visits * 2, Math.round(visits / 3)]);
      }
      const days = new Date(year, month, 0).getDate();
      const day = () => 1 + Math.floor(rand() * days);
      const sale = (customer: string, type: string) =>
        deals.push([
          toExcelSerial(year, month, day()),
          rep,
          customer,
          type,
          Math.round(12000 * (0.85 + 0.3 * rand())),
          `SO-${String(++order).padStart(5, "0")}`,
          WON[locale],
        ]);
      for (const c of book[r]) {
        if ((index + c.phase) % 3 !== 0 || rand() < 0.1) continue;
        if (last && r === 3 && rand() < 0.6) continue;
        sale(c.name, c.type);
      }
      const fresh = Math.max(0, Math.round(visits / 3 + (rand() - 0.5)));
      for (let n = 0; n < fresh; n++) {
        const name = `${CUSTOMER[locale]}N${String(++customerNo).padStart(3, "0")}`;
        sale(name, SMALL_BUSINESS[locale]);
        book[r].push({ name, phase: (3 - (index % 3)) % 3, type: SMALL_BUSINESS[locale] });
      }
    });
  }
  return [
    { name: dealsTemplate.sheetName[locale], values: deals },
    { name: activityTemplate.sheetName[locale], values: activity },
  ];
}
