/**
 * jsdom has no layout, hence no ResizeObserver; Fluent's overflow handling only needs the constructor.
 * Call once at the top of a pane test file.
 */
export function installResizeObserver(): void {
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  });
}
