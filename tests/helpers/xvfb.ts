/**
 * A virtual X server (Debian's Xvfb) for the native editors' tests: started on a free display
 * number it picks itself (-displayfd), stopped at the end. Returns null where Xvfb is not installed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const XVFB = "/usr/bin/Xvfb";

export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":99". */
  display: string;
  stop(): void;
}

export function xvfbHere(): boolean {
  return existsSync(XVFB);
}

export async function startXvfb(): Promise<VirtualDisplay> {
  const server: ChildProcess = spawn(XVFB, ["-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = "";
    server.stdio[3]!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(text.trim());
    });
    server.on("exit", (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
  });
  return { display: `:${number}`, stop: () => server.kill() };
}
