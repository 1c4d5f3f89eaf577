import { expect } from "vitest";

/**
 * Asserts expected − minus <= actual <= expected + plus, as the standards state tolerances
 * (EBU 3341: ±0.1 LU, true peak +0.2/−0.4 dB). toBeCloseTo cannot express an asymmetric window.
 */
export function expectWithin(actual: number, expected: number, plus: number, minus = plus, label = ""): void {
  const ok = Number.isFinite(actual) && actual <= expected + plus && actual >= expected - minus;
  expect(ok, `${label}: ${actual} not within ${expected} +${plus}/−${minus}`).toBe(true);
}
