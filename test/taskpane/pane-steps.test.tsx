/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { createTaskpaneActions, taskpaneActionsWhenReady, type TaskpaneActions } from "../../src/taskpane/taskpane-actions";
import type { Locale } from "../../src/core/i18n/locale";
import { rememberStep } from "../../src/taskpane/current-step";
import { preloadSection } from "../../src/taskpane/components/pane-chunks";
import { installResizeObserver, openCardsDrawn, openSection } from "../support/pane-dom";

installResizeObserver();

function renderApp(host: MemoryHost, locale: Locale) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} actions={createTaskpaneActions(host)} />
    </FluentProvider>,
  );
}

const STEPS_EN = [
  "Step 1 · Target decomposition",
  "Step 2 · Data diagnosis",
  "Step 3 · Strategy: the action plan",
  "Step 4 · Execution: the weekly review",
  "Step 5 · Review: the monthly review",
  "Any time · Check the sheets",
  "Team settings",
];

const toggles = () => screen.getAllByRole("heading", { level: 2 }).map((h) => h.querySelector("button")!);

describe("the pane's steps", () => {
  it("lists the playbook's five steps in order, then the check and the settings, with step 1 open the first time", async () => {
    renderApp(new MemoryHost(), "en");
    // The chevron before each title is aria-hidden.
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent!.replace(/^›/, ""))).toEqual(STEPS_EN);
    expect(toggles().map((b) => b.getAttribute("aria-expanded"))).toEqual(["true", ...Array(6).fill("false")]);
    // Each heading's button names the region it shows or hides; a closed one is hidden from everyone.
    for (const button of toggles()) {
      const region = document.getElementById(button.getAttribute("aria-controls")!)!;
      expect(region.hidden).toBe(button.getAttribute("aria-expanded") !== "true");
    }
    // The open step's cards are drawn once their chunks are here; a step not yet opened has not drawn its cards.
    await openCardsDrawn();
    expect(screen.getByRole("button", { name: "Insert templates" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Diagnose", hidden: true })).toBeNull();
  });

  it("opens one step at a time, remembers the current one for the next visit, and the check opens beside it", async () => {
    const first = renderApp(new MemoryHost(), "zh-CN");
    await openSection("diagnosis");
    expect(toggles().map((b) => b.getAttribute("aria-expanded"))).toEqual([
      "false",
      "true",
      "false",
      "false",
      "false",
      "false",
      "false",
    ]);
    await openSection("check");
    expect(toggles().map((b) => b.getAttribute("aria-expanded"))).toEqual([
      "false",
      "true",
      "false",
      "false",
      "false",
      "true",
      "false",
    ]);
    first.unmount();
    renderApp(new MemoryHost(), "zh-CN");
    expect(toggles().map((b) => b.getAttribute("aria-expanded"))).toEqual([
      "false",
      "true",
      "false",
      "false",
      "false",
      "false",
      "false",
    ]);
    expect(await screen.findByRole("button", { name: "一键诊断" })).toBeTruthy();
  });

  it("draws the current step's cards at once when their chunks loaded as the pane started (no spinner)", async () => {
    // What index.tsx does while Office.js gets ready; no other test of this file opens the weekly step.
    rememberStep("weekly");
    await preloadSection("weekly");
    renderApp(new MemoryHost(), "en");
    const region = document.getElementById("pane-weekly-cards")!;
    expect(region.hidden).toBe(false);
    expect(region.querySelector(".fui-Spinner")).toBeNull();
    expect(screen.getByRole("button", { name: "Review the week" })).toBeTruthy();
  });

  it("keeps what a step showed while it is closed, and closes the open step on a second click", async () => {
    const host = new MemoryHost();
    renderApp(host, "en");
    await openCardsDrawn();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert templates" }));
    });
    expect(await screen.findByText("Inserted 5 sheets.")).toBeTruthy();
    await openSection("monthly");
    expect(screen.getByText("Inserted 5 sheets.").closest("[hidden]")).not.toBeNull();
    await openSection("targets");
    expect(screen.getByText("Inserted 5 sheets.").closest("[hidden]")).toBeNull();
    await act(async () => {
      toggles()[0].click();
    });
    expect(toggles().every((b) => b.getAttribute("aria-expanded") === "false")).toBe(true);
  });
});

describe("the pane's actions before the host is ready", () => {
  it("waits for the host, then runs each call there", async () => {
    const host = new MemoryHost();
    let ready!: (actions: TaskpaneActions) => void;
    const later = taskpaneActionsWhenReady(
      { kind: "univer", capabilities: host.capabilities, select: true },
      new Promise((resolve) => (ready = resolve)),
    );
    expect(later.hostName).toBe("Univer");
    expect(typeof later.select).toBe("function");
    let done = false;
    const inserting = later.insertTemplates({ locale: "en", withExamples: false }).then((r) => {
      done = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([done, host.sheets.size]).toEqual([false, 0]);
    ready(createTaskpaneActions(host));
    expect((await inserting).inserted).toHaveLength(5);
    expect([...host.sheets.keys()]).toContain("Target Decomposition");
  });
});
