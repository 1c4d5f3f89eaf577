/**
 * Vitest's global set-up: builds the native plugins and the test tools once, before the test
 * files (which run in parallel) use them. Without the toolchain the native tests are skipped,
 * unless GAINSTAGE_REQUIRE_NATIVE=1 (.ci/run sets it), when the build's failure fails them.
 */
import { buildNative, SKIP_NATIVE } from "../helpers/native.js";

export default function setup(): void {
  if (SKIP_NATIVE) return;
  try {
    buildNative();
  } catch (error) {
    console.error(`native build failed: ${(error as Error).message}`);
  }
}
