/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SETTINGS_SHEET } from "../../src/app/workbook-settings";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { createTaskpaneActions } from "../../src/taskpane/taskpane-actions";
import { DEAL_SHEET } from "../app/analysis.cases";
import { installResizeObserver, openSection } from "../support/pane-dom";

jest.setTimeout(30_000);
const SLOW = { timeout: 15_000 };

installResizeObserver();

describe("the status classes panel", () => {
  // The deal sheet with its lost line written as a value no word classifies.
  const held = DEAL_SHEET.map((r, i) => (i > 0 && r[6] === "丢单" ? [...r.slice(0, 6), "Board Sign-off"] : r));
  const linesOf = (text: string) => held.slice(1).filter((r) => r[6] === text).length;

  it("lists each status value with its lines and how it is read, and keeps the user's class in the workbook", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", held);
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="en" actions={createTaskpaneActions(host, () => new Date(2026, 10, 26))} />
      </FluentProvider>,
    );
    await openSection("diagnosis");
    const open = await screen.findByRole("button", { name: "Choose the data columns…" }, SLOW);
    await act(async () => {
      fireEvent.click(open);
    });
    const held1 = (await screen.findByRole(
      "combobox",
      { name: `"Board Sign-off" (${linesOf("Board Sign-off")} line(s))` },
      SLOW,
    )) as HTMLSelectElement;
    expect(held1.options[0].text).toBe("Automatic (now Unknown (revenue, no outcome), a guess)");
    const won = screen.getByRole("combobox", { name: `"赢单" (${linesOf("赢单")} line(s))` }) as HTMLSelectElement;
    expect(won.options[0].text).toBe("Automatic (now Won)");
    fireEvent.change(held1, { target: { value: "lost" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Save the status classes" }));
    });
    expect(await screen.findByText(/The status classes are saved in the workbook/, {}, SLOW)).toBeTruthy();
    const rows = host.findSheet(SETTINGS_SHEET)!.values.filter((r) => String(r[0]).startsWith("status."));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([["status.Board Sign-off", "lost"]]);
  });
});
