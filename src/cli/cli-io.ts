import type { Locale } from "../core/i18n/locale";
import { resolveLocale } from "../core/i18n/locale";

/** What the command line talks to: injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
  readonly now: () => Date;
  /** Where an internal error's details are written (default: the system's temporary folder). */
  readonly tmpdir?: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
  };
}

/** --lang wins; else the system locale (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 -> zh-CN); else English. */
export function resolveCliLocale(flag: string | undefined, env: CliIo["env"]): Locale {
  if (flag) return resolveLocale(flag);
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return system ? resolveLocale(system) : "en";
}

/**
 * A progress line on stderr for work that takes more than a second (terminals only): the stage and a
 * bar of the stages done. Quiet for fast runs and for pipes.
 */
export function createProgress(io: CliIo, label: string, stages: number): { step(name: string): void; done(): void } {
  const started = Date.now();
  let done = 0;
  let shown = false;
  let current = "";
  const draw = () => {
    if (!io.isTTY || Date.now() - started < 1000) return;
    const width = 20;
    const filled = Math.round((done / stages) * width);
    io.stderr(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${current}   `);
    shown = true;
  };
  const timer = setInterval(draw, 250);
  timer.unref?.();
  return {
    step(name) {
      current = name;
      done++;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown) io.stderr("\r\x1b[K");
    },
  };
}
