import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report gives .ci/run the counts for its closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "build/test-results.json" }]],
  },
});
