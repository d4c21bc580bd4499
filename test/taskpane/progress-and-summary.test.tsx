/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import type { SheetValues, WriteBatch } from "../../src/app/workbook-host.port";
import type { CellValue } from "../../src/core/cell/cell-value";
import { serialOfLocalDate } from "../../src/core/cell/excel-date";
import type { Locale } from "../../src/core/i18n/locale";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { createTaskpaneActions } from "../../src/taskpane/taskpane-actions";
import { exampleTeam } from "../../src/workbench/example-team";
import { DEAL_SHEET } from "../app/analysis.cases";
import { installResizeObserver, openSection } from "../support/pane-dom";

jest.setTimeout(30_000);

installResizeObserver();

const today = new Date(2026, 10, 26);
/** The cards and use cases load on first use (their own chunks); the first load in a test run compiles them. */
const SLOW = { timeout: 15_000 };

function renderApp(host: MemoryHost, locale: Locale) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} actions={createTaskpaneActions(host, () => today)} />
    </FluentProvider>,
  );
}

/** A promise the test releases by hand: the host's read or write waits on it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe("progress in the card doing the work", () => {
  it("names each step of the diagnosis while it runs, then shows the result with the focus on it", async () => {
    const host = new MemoryHost();
    host.seedSheet("Deals", DEAL_SHEET);
    const reading = gate();
    const writing = gate();
    const read = host.readSheets.bind(host);
    const write = host.write.bind(host);
    host.readSheets = async (names, options) => {
      await reading.wait;
      return read(names, options) as Promise<SheetValues[]>;
    };
    host.write = async (batch: WriteBatch) => {
      await writing.wait;
      return write(batch);
    };
    renderApp(host, "en");
    await openSection("diagnosis");
    const button = await screen.findByRole("button", { name: "Diagnose" }, SLOW);
    await act(async () => {
      fireEvent.click(button);
    });
    const status = await screen.findByRole("status", {}, SLOW);
    await waitFor(() => expect(status.textContent).toBe("Reading the workbook… (step 1 of 3)"), SLOW);
    // The buttons wait while the card works.
    expect((screen.getByRole("button", { name: "Diagnose" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => reading.open());
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Writing to the workbook… (step 3 of 3)"), SLOW);
    expect(host.findSheet("Diagnosis")).toBeUndefined();
    await act(async () => writing.open());
    const headline = await screen.findByText('The diagnosis is in "Diagnosis" (data from "Deals").', {}, SLOW);
    expect(screen.queryByRole("status")).toBeNull();
    await waitFor(() => expect(document.activeElement?.contains(headline)).toBe(true));
  });

  it("names the customer contribution's and the check's steps in Chinese", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", DEAL_SHEET);
    const reading = gate();
    const read = host.readSheets.bind(host);
    host.readSheets = async (names, options) => {
      await reading.wait;
      return read(names, options) as Promise<SheetValues[]>;
    };
    renderApp(host, "zh-CN");
    await openSection("diagnosis");
    const button = await screen.findByRole("button", { name: "客户贡献分析" }, SLOW);
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("正在读取工作簿…（第 1 步，共 3 步）"), SLOW);
    await act(async () => reading.open());
    expect(await screen.findByText(/已按3个客户类型填写“客户分析表”/, {}, SLOW)).toBeTruthy();

    const again = gate();
    host.readSheets = async (names, options) => {
      await again.wait;
      return read(names, options) as Promise<SheetValues[]>;
    };
    await openSection("check");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("正在读取工作簿…（第 1 步，共 2 步）"), SLOW);
    await act(async () => again.open());
    // The customer sheet just filled has nothing to report.
    expect(await screen.findByText("没有发现问题。", {}, SLOW)).toBeTruthy();
  });

  it("moves the focus to a failure's sentence", async () => {
    const host = new MemoryHost();
    renderApp(host, "en");
    await openSection("diagnosis");
    const button = await screen.findByRole("button", { name: "Diagnose" }, SLOW);
    await act(async () => {
      fireEvent.click(button);
    });
    const sentence = await screen.findByText(/^No deal sheet found/, {}, SLOW);
    await waitFor(() => expect(document.activeElement?.contains(sentence)).toBe(true));
  });
});

describe("the diagnosis summary", () => {
  it.each<Locale>(["zh-CN", "en"])(
    "lists the TOP 3 with priority and evidence, and opens the report sheet (%s)",
    async (locale) => {
      const seeds = exampleTeam(locale, today);
      const host = new MemoryHost();
      const twin = new MemoryHost();
      for (const s of seeds) {
        host.seedSheet(s.name, s.values as CellValue[][]);
        twin.seedSheet(s.name, s.values as CellValue[][]);
      }
      // The same diagnosis, asked of the use case directly on a copy of the workbook.
      const expected = await diagnoseWorkbook(twin, { locale, today: serialOfLocalDate(today), write: false });
      expect(expected.diagnosis.issues.length).toBeGreaterThanOrEqual(1);
      renderApp(host, locale);
      await openSection("diagnosis");
      const button = await screen.findByRole("button", { name: locale === "en" ? "Diagnose" : "一键诊断" }, SLOW);
      await act(async () => {
        fireEvent.click(button);
      });
      const list = await screen.findByRole("list", {}, SLOW);
      const items = within(list).getAllByRole("listitem");
      expect(items).toHaveLength(Math.min(3, expected.diagnosis.issues.length));
      const priorityWord = { high: ["高", "high"], medium: ["中", "medium"], low: ["低", "low"] } as const;
      items.forEach((item, i) => {
        const issue = expected.diagnosis.issues[i];
        const text = item.textContent ?? "";
        expect(text).toContain(issue.summary[locale]);
        expect(text).toContain(issue.evidence[locale]);
        expect(text).toContain(priorityWord[issue.priority][locale === "zh-CN" ? 0 : 1]);
      });
      const report = locale === "en" ? "Diagnosis" : "诊断报告";
      expect(host.findSheet(report)).toBeDefined();
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: locale === "en" ? `Open "${report}"` : `打开“${report}”` }));
      });
      expect(host.selected).toEqual({ sheet: report, cell: "A1" });
    },
  );

  it("opens the customer sheet after the customer contribution", async () => {
    const host = new MemoryHost();
    host.seedSheet("Deals", DEAL_SHEET);
    renderApp(host, "en");
    await openSection("diagnosis");
    const button = await screen.findByRole("button", { name: "Customer contribution" }, SLOW);
    await act(async () => {
      fireEvent.click(button);
    });
    const open = await screen.findByRole("button", { name: 'Open "Customer Analysis"' }, SLOW);
    await act(async () => {
      fireEvent.click(open);
    });
    expect(host.selected).toEqual({ sheet: "Customer Analysis", cell: "A1" });
  });

  it("offers no open button where the host cannot select", async () => {
    const host = new MemoryHost();
    (host as { select?: unknown }).select = undefined;
    host.seedSheet("Deals", DEAL_SHEET);
    renderApp(host, "en");
    await openSection("diagnosis");
    const button = await screen.findByRole("button", { name: "Customer contribution" }, SLOW);
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await screen.findByText(/Filled "Customer Analysis"/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Open / })).toBeNull();
  });
});

describe("one-click safe fix", () => {
  it("offers the computed rate on a mistyped one, writes it, says what was there, and checks again", async () => {
    const host = new MemoryHost();
    host.seedSheet("Review", [
      ["Review Time", "Participants", "Month Target", "Month Actual", "Achievement Rate (%)", "Improvements for Next Month"],
      ["30th 14:00", "Alice, Bob", 1_000_000, 870_000, "95%", "1. Within 1 week Alice liaises with operations"],
    ]);
    renderApp(host, "en");
    await openSection("check");
    const check = await screen.findByRole("button", { name: "Check workbook" }, SLOW);
    await act(async () => {
      fireEvent.click(check);
    });
    const apply = await screen.findByRole("button", { name: "Change to 87% (Review!E2)" }, SLOW);
    // Only the computed cell gets a button: the improvements' free text is never rewritten.
    expect(screen.getAllByRole("button", { name: /^Change to/ })).toHaveLength(1);
    await act(async () => {
      fireEvent.click(apply);
    });
    expect(await screen.findByText('Review!E2 changed from "95%" to 87%.', {}, SLOW)).toBeTruthy();
    expect(host.findSheet("Review")!.values[1][4]).toBe(0.87);
    expect(host.findSheet("Review")!.values[1][5]).toBe("1. Within 1 week Alice liaises with operations");
    expect(screen.queryByRole("button", { name: /^Change to/ })).toBeNull();
  });
});
