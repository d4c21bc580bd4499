/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CellValue } from "../../src/core/cell/cell-value";
import type { Locale } from "../../src/core/i18n/locale";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { createTaskpaneActions } from "../../src/taskpane/taskpane-actions";
import { installResizeObserver, openSection } from "../support/pane-dom";

jest.setTimeout(30_000);
const SLOW = { timeout: 15_000 };

installResizeObserver();

/** A shop export whose amount and date headers no vocabulary knows; a quantity and a phone are numbers too. */
const SHOP: CellValue[][] = [
  ["单号", "会员", "电话", "数量", "实收款", "付款日"],
  ["A1", "张三", "13800000001", 2, 120.5, "2026-10-03"],
  ["A2", "李四", "13800000002", 1, 88, "2026-10-05"],
  ["A3", "王五", "13800000003", 3, 300, "2026-11-02"],
];

function renderApp(host: MemoryHost, locale: Locale) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} actions={createTaskpaneActions(host, () => new Date(2026, 10, 26))} />
    </FluentProvider>,
  );
}

describe("the column-mapping panel after a sheet was not recognised", () => {
  it.each([
    ["zh-CN", "一键诊断", "金额", "日期", /没有认出 日期\/金额 列/, "实收款？", "保存数据列", /（数据来自“店铺订单”）/],
    [
      "en",
      "Diagnose",
      "Amount",
      "Date",
      /No column was recognised as Date\/Amount/,
      "amount: 实收款?",
      "Save the columns",
      /\(data from "店铺订单"\)/,
    ],
  ] as const)(
    "%s: names the candidates and preselects them, and the next run reads them once saved",
    async (locale, button, amountLabel, dateLabel, hint, named, save, done) => {
      const host = new MemoryHost();
      host.seedSheet("店铺订单", SHOP);
      renderApp(host, locale);
      await openSection("diagnosis");
      const run = await screen.findByRole("button", { name: button }, SLOW);
      await act(async () => {
        fireEvent.click(run);
      });
      expect(await screen.findByText((text) => text.includes(named), {}, SLOW)).toBeTruthy();
      expect(await screen.findByText(hint, {}, SLOW)).toBeTruthy();
      const amount = screen.getByRole("combobox", { name: amountLabel }) as HTMLSelectElement;
      const date = screen.getByRole("combobox", { name: dateLabel }) as HTMLSelectElement;
      expect([amount.value, date.value]).toEqual(["实收款", "付款日"]);
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: save }));
      });
      await act(async () => {
        fireEvent.click(run);
      });
      expect(await screen.findByText(done, {}, SLOW)).toBeTruthy();
    },
  );
});
