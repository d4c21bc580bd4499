import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "./cli-harness";

const dir = mkdtempSync(path.join(tmpdir(), "cli-map-"));

/** A shop export whose amount and date headers no vocabulary knows, with a quantity and a phone beside them. */
function shopCsv(name: string, amountHeader: string, dateHeader: string): string {
  const lines = [
    `单号,会员,电话,数量,${amountHeader},${dateHeader}`,
    "A1,张三,13800000001,2,120.5,2026-10-03",
    "A2,李四,13800000002,1,88,2026-10-05",
    "A3,王五,13800000003,3,300,2026-11-02",
  ];
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("a file whose deal columns are not recognised", () => {
  it("names the candidate columns and the exact --map, in Chinese and English, and that --map works", async () => {
    const file = shopCsv("shop.csv", "实收款", "付款日");
    const zh = await runCli(["diagnose", file, "--lang", "zh-CN"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("工作表“shop”的表头里认不出金额和日期列");
    expect(zh.stderr).toContain("金额（amount）：实收款？日期（date）：付款日？");
    expect(zh.stderr.trim().endsWith("--map amount=实收款 --map date=付款日")).toBe(true);
    // The quantity and the phone number are numbers too, but never money.
    expect(zh.stderr).not.toMatch(/数量？|电话？/);

    const en = await runCli(["diagnose", file, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('no header of sheet "shop" is recognised as the amount or the date');
    expect(en.stderr).toContain("Candidates — amount: 实收款? date: 付款日?");
    expect(en.stderr).toContain("→ add to the command: --map amount=实收款 --map date=付款日");

    const mapped = await runCli(["customers", file, "--lang", "en", "--json", "--map", "amount=实收款", "--map", "date=付款日"]);
    expect(mapped.code).toBe(0);
    const json = JSON.parse(mapped.stdout) as { revenue?: number };
    if (json.revenue !== undefined) expect(json.revenue).toBeCloseTo(120.5 + 88 + 300);
  });

  it("quotes a header with spaces so the command can be pasted", async () => {
    const file = shopCsv("spaces.csv", "Net Take", "Paid On");
    const en = await runCli(["diagnose", file, "--lang", "en"]);
    expect(en.stderr).toContain('--map "amount=Net Take" --map "date=Paid On"');
    const mapped = await runCli(["diagnose", file, "--lang", "en", "--map", "amount=Net Take", "--map", "date=Paid On"]);
    expect(mapped.code).toBe(0);
  });

  it("says only what is missing when the date is recognised", async () => {
    const file = shopCsv("dated.csv", "实收款", "下单日期");
    const zh = await runCli(["diagnose", file, "--lang", "zh-CN"]);
    expect(zh.stderr).toContain("认不出金额列");
    expect(zh.stderr).not.toContain("日期（date）");
    expect(zh.stderr.trim().endsWith("--map amount=实收款")).toBe(true);
  });
});

describe("a sheet named with --sheet whose deal columns are not recognised", () => {
  it("gets the same candidates and --map instead of a bare no-usable-rows", async () => {
    const file = shopCsv("named.csv", "实收款", "付款日");
    const en = await runCli(["customers", file, "--sheet", "named", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("Candidates — amount: 实收款? date: 付款日?");
    expect(en.stderr.trim().endsWith("--map amount=实收款 --map date=付款日")).toBe(true);
  });
});
