/**
 * The two things the Excel host needs from Office.js, injected so tests can pass
 * office-addin-mock objects and capability sets of their own.
 */
export interface ExcelEnvironment {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The real Office.js environment; call only after `Office.onReady`. */
export function createOfficeEnvironment(): ExcelEnvironment {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
