/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { DiagnosisCharts } from "../../src/taskpane/components/diagnosis-charts";
import { createTaskpaneActions } from "../../src/taskpane/taskpane-actions";
import type { Attribution } from "../../src/core/analysis/metrics/lmdi";
import { generateTeam } from "../support/team-generator";
import { installResizeObserver, openSection } from "../support/pane-dom";

installResizeObserver();
jest.setTimeout(30_000);

/** November 2026 as a month key (year * 12 + month - 1). */
const NOVEMBER = 2026 * 12 + 10;

/** 80万 last month; new customers −30万, average order value +10万, returning customers −5万: 55万 this month. */
const ATTRIBUTION: Attribution = {
  from: 800_000,
  to: 550_000,
  change: -250_000,
  effects: [
    { name: "newCustomers", from: 20, to: 12, effect: -300_000 },
    { name: "avgOrderValue", from: 20_000, to: 25_000, effect: 100_000 },
    { name: "returningCustomers", from: 20, to: 19, effect: -50_000 },
  ],
};

interface Bar {
  readonly kind: string;
  readonly x: number;
  readonly width: number;
  readonly value: number;
}

function barsOf(svg: Element): Bar[] {
  return [...svg.querySelectorAll("g[data-kind]")].map((g) => {
    const rect = g.querySelector("rect")!;
    return {
      kind: g.getAttribute("data-kind")!,
      x: Number(rect.getAttribute("x")),
      width: Number(rect.getAttribute("width")),
      value: Number(rect.getAttribute("data-value")),
    };
  });
}

/** Each effect starts where the running total stood and ends where it moves to; the last bar is the first plus all effects. */
function expectBarsAddUp(bars: readonly Bar[]): void {
  const [start, ...rest] = bars;
  const end = rest.pop()!;
  expect([start.kind, end.kind]).toEqual(["total", "total"]);
  const zero = start.x;
  const pxPerUnit = start.width / start.value;
  let edge = start.x + start.width;
  for (const effect of rest) {
    expect(effect.kind).toBe(effect.value >= 0 ? "up" : "down");
    // The bar spans from the running total before it to the one after: its near edge is where the last one ended.
    const [from, to] = effect.value >= 0 ? [effect.x, effect.x + effect.width] : [effect.x + effect.width, effect.x];
    expect(from).toBeCloseTo(edge, 6);
    expect(Math.abs(effect.width)).toBeCloseTo(Math.abs(effect.value) * pxPerUnit, 6);
    edge = to;
  }
  expect(end.x).toBeCloseTo(zero, 6);
  expect(end.x + end.width).toBeCloseTo(edge, 6);
  expect(end.width).toBeCloseTo(start.width + rest.reduce((sum, e) => sum + Math.sign(e.value) * e.width, 0), 6);
}

describe("the diagnosis's charts in the pane", () => {
  it("draws the waterfall from last month through each driver to this month, and says it in one sentence (zh-CN)", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <DiagnosisCharts
          locale="zh-CN"
          attribution={ATTRIBUTION}
          current={NOVEMBER}
          trend={[
            { month: "2026-10", revenue: 800_000 },
            { month: "2026-11", revenue: 550_000 },
          ]}
        />
      </FluentProvider>,
    );
    const waterfall = screen.getByRole("img", { name: /^销售额从/ });
    expect(waterfall.getAttribute("aria-label")).toBe(
      "销售额从2026-10的80万变为2026-11的55万：新客户数−30万，客单价+10万，老客户数−5万。",
    );
    expect(waterfall.querySelector("title")!.textContent).toBe("本月销售额变化（按驱动因素拆分）");
    const bars = barsOf(waterfall);
    expect(bars.map((b) => [b.kind, b.value])).toEqual([
      ["total", 800_000],
      ["down", -300_000],
      ["up", 100_000],
      ["down", -50_000],
      ["total", 550_000],
    ]);
    expectBarsAddUp(bars);
    // The labels a manager reads beside the bars.
    expect(within(waterfall as unknown as HTMLElement).getByText("2026-10")).toBeTruthy();
    expect(within(waterfall as unknown as HTMLElement).getByText("−30万")).toBeTruthy();
    const trend = screen.getByRole("img", { name: /^2026-10为/ });
    expect(trend.getAttribute("aria-label")).toBe("2026-10为80万，最高为2026-10的80万，2026-11为55万。");
    expect(trend.querySelector("title")!.textContent).toBe("近2个月销售额");
  });

  it("keeps the scale when a running total goes below zero, and draws in the dark theme (en)", () => {
    const attribution: Attribution = {
      from: 10_000,
      to: 5_000,
      change: -5_000,
      effects: [
        { name: "newCustomers", from: 2, to: 0, effect: -15_000 },
        { name: "returns", from: 0, to: 0, effect: 10_000 },
      ],
    };
    render(
      <FluentProvider theme={webDarkTheme}>
        <DiagnosisCharts locale="en" attribution={attribution} current={NOVEMBER} trend={[]} />
      </FluentProvider>,
    );
    const waterfall = screen.getByRole("img");
    expect(waterfall.getAttribute("aria-label")).toBe(
      "Revenue went from 10,000 in 2026-10 to 5,000 in 2026-11: new customers −15,000, returns and credit notes +10,000.",
    );
    const bars = barsOf(waterfall);
    // Zero is no longer the left edge: the −5,000 the running total reaches is.
    const zero = bars[0].x;
    expect(bars[1].x).toBeLessThan(zero);
    expect(bars[1].x + bars[1].width).toBeCloseTo(zero + bars[0].width, 6);
    expect(bars[3].x).toBeCloseTo(zero, 6);
  });

  it("shows the charts under the TOP 3 after a diagnosis, from the diagnosis's own figures", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", generateTeam("hiddenCollapse").deals);
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="en" actions={createTaskpaneActions(host)} />
      </FluentProvider>,
    );
    await openSection("diagnosis");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Diagnose" }));
    });
    const charts = await screen.findByRole("region", { name: "Diagnosis charts" }, { timeout: 15_000 });
    const [waterfall, trend] = within(charts).getAllByRole("img");
    const bars = barsOf(waterfall);
    expectBarsAddUp(bars);
    // The waterfall ends at this month's revenue, the trend's last point.
    const points = [...trend.querySelectorAll("circle")].map((c) => Number(c.getAttribute("data-value")));
    expect(bars.at(-1)!.value).toBeCloseTo(points.at(-1)!, 2);
    expect(bars[0].value).toBeCloseTo(points.at(-2)!, 2);
  });
});
