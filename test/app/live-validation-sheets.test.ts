import { startLiveValidation } from "../../src/app/live-validation";
import { markFindings } from "../../src/app/mark-findings";
import type { CellValue } from "../../src/core/cell/cell-value";
import { serialOfLocalDate } from "../../src/core/cell/excel-date";
import type { Finding } from "../../src/core/validate/finding";
import { MemoryHost } from "../../src/hosts/memory/memory-host";

const TODAY = serialOfLocalDate(new Date(2026, 10, 26));
const TARGETS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "时间节点", "关键结果(KR)", "完成标准"],
  ["月度100万", "销售额", null, "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
];

async function live(host: MemoryHost) {
  let latest: readonly Finding[] = [];
  const checking = await startLiveValidation(host, {
    today: TODAY,
    locale: "zh-CN",
    onFindings: (f) => (latest = f),
    debounceMs: 5,
  });
  return { checking, findings: () => latest.map((f) => `${f.sheet}!${f.cell} ${f.rule}`) };
}

describe("live validation and sheets added or renamed after it started", () => {
  it("checks a playbook sheet added later, recognised by its header row, once it is edited", async () => {
    const host = new MemoryHost();
    host.seedSheet("Notes", [["hello"]]);
    const { checking, findings } = await live(host);
    expect(findings()).toEqual([]);
    host.seedSheet(
      "新目标",
      TARGETS.map((r) => [...r]),
    );
    host.simulateEdit("新目标", 1, 0, [["月度120万"]]);
    await checking.flush();
    expect(findings()).toEqual(["新目标!C2 target.specific.owner"]);
    await checking.stop();
  });

  it("follows a renamed sheet: the old name's findings go, the new name's are kept up to date", async () => {
    const host = new MemoryHost();
    host.seedSheet(
      "目标",
      TARGETS.map((r) => [...r]),
    );
    const { checking, findings } = await live(host);
    expect(findings()).toEqual(["目标!C2 target.specific.owner"]);
    const old = host.sheets.get("目标")!;
    host.sheets.delete("目标");
    host.seedSheet("目标 2026", old.values);
    host.simulateEdit("目标 2026", 1, 2, [["张三"]]);
    await checking.flush();
    expect(findings()).toEqual([]);
    host.simulateEdit("目标 2026", 1, 2, [[null]]);
    await checking.flush();
    expect(findings()).toEqual(["目标 2026!C2 target.specific.owner"]);
    await checking.stop();
  });
});

describe("live validation and a mark shared by many cells", () => {
  it("keeps the marks of rows not edited when one host format covers them all (a file marked in WPS)", async () => {
    const host = new MemoryHost();
    // Three teams' rows, each its own group, each without an owner.
    const team = (total: string) => [total, ...TARGETS[1].slice(1)];
    host.seedSheet("目标", [TARGETS[0], team("月度100万"), team("月度120万"), team("月度80万")]);
    await markFindings(host, { today: TODAY, locale: "zh-CN" });
    const marked = () =>
      host.sheets
        .get("目标")!
        .marks.map((m) => `${m.row},${m.column} ${m.severity}`)
        .sort();
    expect(marked()).toEqual(["1,2 error", "2,2 error", "3,2 error"]);
    // As WPS leaves them, read on another host: one format, so one handle, for the three cells.
    for (const m of host.sheets.get("目标")!.marks) m.handle = "one-format";
    const { checking } = await live(host);
    host.simulateEdit("目标", 1, 2, [["张三"]]);
    await checking.flush();
    expect(marked()).toEqual(["2,2 error", "3,2 error"]);
    await checking.stop();
  });
});
