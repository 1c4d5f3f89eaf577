/** Running the `gainstage` command as a user does: the bin in a child process, in a folder of the test's. */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../browser/servers.js";

/** The command under test; GAINSTAGE_BIN points at another build (e.g. an older one, to see a test fail before its fix). */
export const BIN = process.env.GAINSTAGE_BIN ?? join(ROOT, "bin/gainstage.mjs");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `gainstage args…` in `cwd`, optionally with `input` on standard input. */
export function gainstageIn(cwd: string, args: string[], input?: Buffer): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    input,
    maxBuffer: 1 << 26,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `gainstage args…` without waiting (to signal it, or read its output as it comes). */
export function startGainstage(cwd: string, args: string[], node: string[] = []) {
  return spawn(process.execPath, [...node, BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
}
