import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds the native plugins once, before the test files run in parallel (when the toolchain is here).
    globalSetup: ["tests/native/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report gives .ci/run the counts for its closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "build/test-results.json" }]],
  },
});
