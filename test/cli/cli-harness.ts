import type { CliIo } from "../../src/cli/cli-io";
import { main } from "../../src/cli/main";

/** Runs the command line in-process with captured output, "today" fixed to Thursday 2026-11-26. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    isTTY: false,
    now: () => new Date(2026, 10, 26),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
