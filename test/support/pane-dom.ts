import { act, screen, waitFor } from "@testing-library/react";
import { localize, LOCALES } from "../../src/core/i18n/locale";
import type { PaneSection } from "../../src/taskpane/current-step";
import { SECTION_TITLES } from "../../src/taskpane/components/app";

/**
 * jsdom has no layout, hence no ResizeObserver; Fluent's overflow handling only needs the constructor.
 * Call once at the top of a pane test file. Each test also starts with a pane that remembers no step.
 */
export function installResizeObserver(): void {
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  });
  beforeEach(() => globalThis.localStorage?.clear());
}

/** Opens a section of the pane as a user does (its heading's button), in either language, and waits for its cards. */
export async function openSection(section: PaneSection): Promise<void> {
  const names = LOCALES.map((locale) => localize(SECTION_TITLES[section], locale));
  const toggle = screen.getByRole("button", { name: (name) => names.includes(name) });
  if (toggle.getAttribute("aria-expanded") !== "true") {
    await act(async () => {
      toggle.click();
    });
  }
  const region = document.getElementById(toggle.getAttribute("aria-controls")!)!;
  await waitFor(() => expect(region.querySelector(".fui-Card")).not.toBeNull());
  await waitFor(() => expect(region.querySelector(":scope > .fui-Spinner")).toBeNull());
}

/** Waits for the cards of the pane's open sections, which load as chunks when the pane is drawn (`pane-chunks.tsx`). */
export async function openCardsDrawn(): Promise<void> {
  await waitFor(() => {
    for (const region of document.querySelectorAll("section > [id$='-cards']:not([hidden])")) {
      expect(region.querySelector(".fui-Card")).not.toBeNull();
      expect(region.querySelector(":scope > .fui-Spinner")).toBeNull();
    }
  });
}
