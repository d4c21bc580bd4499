import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "./cli-harness";

/** An order export in the layout of Kaggle's sample sales data: order states, one of them held, one not known. */
const ROWS: [string, string, string, number, string][] = [
  ["10100", "2026-10-03", "Land of Toys Inc.", 5151, "Shipped"],
  ["10101", "2026-10-09", "Reims Collectables", 3390, "On Hold"],
  ["10102", "2026-10-14", "Lyon Souveniers", 2188, "Resolved"],
  ["10103", "2026-10-20", "Land of Toys Inc.", 4120, "In Process"],
  ["10104", "2026-11-02", "Baane Mini Imports", 1800, "Cancelled"],
  ["10105", "2026-11-05", "Reims Collectables", 2790, "On Hold"],
  ["10106", "2026-11-09", "Lyon Souveniers", 3615, "Disputed"],
  ["10107", "2026-11-12", "Baane Mini Imports", 990, "Awaiting Review Board"],
  ["10108", "2026-11-18", "Land of Toys Inc.", 2700, "Shipped"],
];

const dir = mkdtempSync(path.join(tmpdir(), "cli-status-"));
const file = path.join(dir, "sales_data_sample.csv");
writeFileSync(
  file,
  ["ORDERNUMBER,ORDERDATE,CUSTOMERNAME,SALES,STATUS", ...ROWS.map((r) => r.join(","))].join("\n") + "\n",
  "utf8",
);

const sum = (rows: typeof ROWS) => rows.reduce((a, r) => a + r[3], 0);
const linesOf = (status: string) => ROWS.filter((r) => r[4] === status).length;

describe("--status and the statuses of the JSON", () => {
  it("reads On Hold beside order states as booked, lists it and the unknown value, and keeps their revenue", async () => {
    const result = await runCli(["customers", file, "--json", "--lang", "en"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.total.revenue).toBe(sum(ROWS.filter((r) => r[4] !== "Cancelled")));
    expect(json.statuses).toEqual(
      expect.arrayContaining([
        { text: "On Hold", lines: linesOf("On Hold"), class: "booked", assumed: true },
        { text: "Shipped", lines: linesOf("Shipped"), class: "booked", assumed: false },
        { text: "Cancelled", lines: 1, class: "lost", assumed: false },
        { text: "Awaiting Review Board", lines: 1, class: "unknown", assumed: true },
      ]),
    );
    expect(json.statuses).toHaveLength(new Set(ROWS.map((r) => r[4])).size);
    const lines = json.statuses.map((s: { lines: number }) => s.lines);
    expect(lines).toEqual([...lines].sort((a, b) => b - a));
    const notes: string[] = json.notes;
    expect(notes.some((n) => n.includes('"Awaiting Review Board" 1 line(s)') && n.includes("counted as revenue"))).toBe(true);
    expect(notes.some((n) => n.includes(`"On Hold" (${linesOf("On Hold")} line(s)) was read as a booked order`))).toBe(true);
  });

  it("lets --status reclassify a value: On Hold as open takes its revenue out, and it is no longer assumed", async () => {
    const result = await runCli([
      "customers",
      file,
      "--json",
      "--status",
      "On Hold=open",
      "--status",
      "awaiting review board = lost",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const out = new Set(["Cancelled", "On Hold", "Awaiting Review Board"]);
    expect(json.total.revenue).toBe(sum(ROWS.filter((r) => !out.has(r[4]))));
    expect(json.statuses).toEqual(
      expect.arrayContaining([
        { text: "On Hold", lines: linesOf("On Hold"), class: "open", assumed: false },
        { text: "Awaiting Review Board", lines: 1, class: "lost", assumed: false },
      ]),
    );
    const decided = ROWS.filter((r) => r[4] !== "On Hold");
    const lost = decided.filter((r) => r[4] === "Cancelled" || r[4] === "Awaiting Review Board").length;
    const closeRates = json.segments.map((s: { closeRate: number | null }) => s.closeRate);
    expect(closeRates).toEqual([(decided.length - lost) / decided.length]);
  });

  it("diagnose --json carries the same statuses", async () => {
    const json = JSON.parse((await runCli(["diagnose", file, "--json", "--status", "On Hold=booked"])).stdout);
    expect(json.statuses.find((s: { text: string }) => s.text === "On Hold")).toEqual({
      text: "On Hold",
      lines: linesOf("On Hold"),
      class: "booked",
      assumed: false,
    });
  });

  it("refuses a --status without a known class in one sentence, exit 2", async () => {
    for (const value of ["On Hold=maybe", "On Hold", "=yes"]) {
      const bad = await runCli(["customers", file, "--status", value, "--lang", "en"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
      expect(bad.stderr).toContain("--status takes Value=class with a class among won, lost, open, booked");
    }
  });
});
