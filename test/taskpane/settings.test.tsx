/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SETTINGS_SHEET } from "../../src/app/workbook-settings";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { Locale } from "../../src/core/i18n/locale";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { createTaskpaneActions } from "../../src/taskpane/taskpane-actions";
import { DEAL_SHEET } from "../app/analysis.cases";
import { installResizeObserver, openSection } from "../support/pane-dom";

jest.setTimeout(30_000);
const SLOW = { timeout: 15_000 };

installResizeObserver();

const thursday = () => new Date(2026, 10, 26);
const TARGETS: CellValue[][] = [
  ["Team target", "Target item", "Owner", "Deadline", "Key results (KR)", "Completion criteria"],
  ["Monthly 1,000,000", "Revenue", "Alice", "30th", "1. 8 new customers 2. 60% repurchase", "1. ≥8 new 2. ≥60% repurchase"],
];

function renderApp(host: MemoryHost, locale: Locale) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} actions={createTaskpaneActions(host, thursday)} />
    </FluentProvider>,
  );
}

/** The settings sheet's rows as key -> value, read straight from the memory host. */
function storedRows(host: MemoryHost): Record<string, CellValue> {
  const sheet = host.findSheet(SETTINGS_SHEET);
  if (!sheet) return {};
  return Object.fromEntries(
    sheet.values
      .slice(1)
      .filter((r) => r[0])
      .map((r) => [String(r[0]), r[1]]),
  );
}

describe("team settings in the pane", () => {
  it("saves the thresholds in a hidden sheet, and the next check follows them", async () => {
    const host = new MemoryHost();
    host.seedSheet("Targets", TARGETS);
    renderApp(host, "en");
    await openSection("check");
    const check = await screen.findByRole("button", { name: "Check workbook" }, SLOW);
    await act(async () => {
      fireEvent.click(check);
    });
    expect(await screen.findByText("No problems found.", {}, SLOW)).toBeTruthy();

    await openSection("settings");
    const least = await screen.findByRole("spinbutton", { name: "Key results per target, at least" }, SLOW);
    fireEvent.change(least, { target: { value: "3" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Key results per target, at most" }), { target: { value: "4" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Weekly completion threshold (%)" }), { target: { value: "90" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    });
    expect(await screen.findByText(/Settings saved in the workbook/, {}, SLOW)).toBeTruthy();
    expect(host.findSheet(SETTINGS_SHEET)?.hidden).toBe(true);
    expect(storedRows(host)).toEqual({ completionTarget: "0.9", minKeyResults: "3", maxKeyResults: "4" });

    await act(async () => {
      fireEvent.click(check);
    });
    // Two KRs where the team now asks for 3-4.
    expect(await screen.findByText("0 errors, 1 warning, 0 notes.", {}, SLOW)).toBeTruthy();
  });

  it("refuses a threshold out of range or a minimum above the maximum, in one sentence", async () => {
    const host = new MemoryHost();
    renderApp(host, "zh-CN");
    await openSection("settings");
    const completion = await screen.findByRole("spinbutton", { name: "周计划完成率下限（%）" }, SLOW);
    fireEvent.change(completion, { target: { value: "0" } });
    expect(screen.getByText("请填写 1 到 100 之间的整数或数值。")).toBeTruthy();
    const save = screen.getByRole("button", { name: "保存设置" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(completion, { target: { value: "85" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "每个目标至少几个KR" }), { target: { value: "5" } });
    expect(screen.getByText("KR数量下限不能大于上限。")).toBeTruthy();
    expect(save.disabled).toBe(true);
    expect(host.findSheet(SETTINGS_SHEET)).toBeUndefined();
  });

  it("shows the stored settings and speaks the team's language", async () => {
    const host = new MemoryHost();
    host.seedSheet(SETTINGS_SHEET, [
      ["key", "value"],
      ["growthBand", "0.25"],
      ["locale", "en"],
    ]);
    renderApp(host, "zh-CN");
    expect(await screen.findByRole("heading", { name: "Sales Team Playbook" }, SLOW)).toBeTruthy();
    await openSection("settings");
    const band = (await screen.findByRole(
      "spinbutton",
      { name: "Growth band over recent actuals (%)" },
      SLOW,
    )) as HTMLInputElement;
    expect(band.value).toBe("25");
    fireEvent.change(screen.getByRole("combobox", { name: "Language" }), { target: { value: "" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    });
    expect(await screen.findByRole("heading", { name: "销售团队业绩提升" }, SLOW)).toBeTruthy();
    expect(storedRows(host)).toEqual({ growthBand: "0.25" });
  });
});

describe("the column-mapping panel", () => {
  const ODD = ["D", "Who", "Client", "Kind", "Value", "Ref", "State"];

  it("opens when no deal sheet is recognised, remembers the chosen headers, and the next run uses them", async () => {
    const host = new MemoryHost();
    host.seedSheet("Export", [ODD, ...DEAL_SHEET.slice(1)]);
    renderApp(host, "en");
    await openSection("diagnosis");
    const diagnose = await screen.findByRole("button", { name: "Diagnose" }, SLOW);
    await act(async () => {
      fireEvent.click(diagnose);
    });
    expect(await screen.findByText(/^No deal sheet found/, {}, SLOW)).toBeTruthy();
    expect(await screen.findByText("Headers from: Export", {}, SLOW)).toBeTruthy();
    const date = screen.getByRole("combobox", { name: "Date" });
    await waitFor(() => expect(document.activeElement).toBe(date));
    const pick = {
      Date: "D",
      Rep: "Who",
      Customer: "Client",
      "Customer type": "Kind",
      Amount: "Value",
      "Order ID": "Ref",
      Status: "State",
    };
    for (const [label, header] of Object.entries(pick)) {
      fireEvent.change(screen.getByRole("combobox", { name: label }), { target: { value: header } });
    }
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save the columns" }));
    });
    expect(await screen.findByText(/The columns are saved in the workbook/, {}, SLOW)).toBeTruthy();
    expect(storedRows(host)).toEqual({
      "map.date": "D",
      "map.rep": "Who",
      "map.customer": "Client",
      "map.customerType": "Kind",
      "map.amount": "Value",
      "map.orderId": "Ref",
      "map.status": "State",
    });
    await act(async () => {
      fireEvent.click(diagnose);
    });
    expect(await screen.findByText('The diagnosis is in "Diagnosis" (data from "Export").', {}, SLOW)).toBeTruthy();
  });

  it("opens on request and shows what detection reads now", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", DEAL_SHEET);
    renderApp(host, "zh-CN");
    await openSection("diagnosis");
    const open = await screen.findByRole("button", { name: "选择数据列…" }, SLOW);
    await act(async () => {
      fireEvent.click(open);
    });
    const amount = (await screen.findByRole("combobox", { name: "金额" }, SLOW)) as HTMLSelectElement;
    expect(amount.value).toBe("");
    expect(amount.options[0].text).toBe("自动识别（现为“成交金额”）");
    expect((screen.getByRole("combobox", { name: "拜访数" }) as HTMLSelectElement).options[0].text).toBe("自动识别（未找到）");
    expect([...amount.options].map((o) => o.value).slice(1)).toEqual(DEAL_SHEET[0]);
  });
});
