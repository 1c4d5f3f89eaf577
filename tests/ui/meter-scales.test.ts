/**
 * The strip scales against their definitions (docs/metering.md §12–§13): K-system 0 at −20/−14/−12
 * dB AES17 with amber to +4 and red above (Katz 2000); PPM marks from the alignment level: BBC
 * PPM 4 = AL and 4 dB a mark (PPM 1 = −30, PPM 7 = −6 dBFS at AL −18, the BBC's test sequence),
 * EBU TEST = AL, Nordic 0 = AL with PML +9, DIN 0 dB = AL + 6 dB.
 */
import { describe, expect, test } from "vitest";
import { PPM_STANDARDS } from "../../host/declaration/ppm-standards.js";
import { kText, ppmReadoutText, ppmText, scaleFor } from "../../ui/meter-scales.js";

const at = (key: string) => ({ alignmentDbfs: -18, ppmStandard: PPM_STANDARDS.findIndex((s) => s.key === key) });

describe("K-system", () => {
  test.each([
    ["k20", -20],
    ["k14", -14],
    ["k12", -12],
  ] as const)("%s: 0 at %i dB, amber from 0, red above +4", (kind, zero) => {
    const scale = scaleFor(kind, at("ebu"));
    expect(scale.marks.find((m) => m.strong)!.dbfs).toBe(zero);
    expect(scale.zone(zero - 0.1)).toBe("safe");
    expect(scale.zone(zero)).toBe("hot");
    expect(scale.zone(zero + 4)).toBe("over");
    expect(kText(zero + 2.5, kind)).toBe(`+2.5 ${kind.toUpperCase().replace("K", "K-")}`);
  });
});

describe("PPM scales", () => {
  test("BBC: PPM 1 … 7 at −30 … −6 dBFS, red above PPM 6", () => {
    const scale = scaleFor("ppm", at("bbc"));
    expect(scale.marks.map((m) => [m.label, m.dbfs])).toEqual([
      ["1", -30],
      ["2", -26],
      ["3", -22],
      ["4", -18],
      ["5", -14],
      ["6", -10],
      ["7", -6],
    ]);
    expect(scale.zone(-10.1)).toBe("safe");
    expect(scale.zone(-10)).toBe("over");
    expect(ppmText(-12, at("bbc"))).toBe("PPM 5.5");
  });
  test("EBU: TEST at the alignment level, PML +9", () => {
    expect(ppmText(-18, at("ebu"))).toBe("0.0 dB");
    expect(scaleFor("ppm", at("ebu")).zoneEdges).toEqual([-9]);
  });
  test("Nordic: 0 = alignment, permitted maximum +9", () => {
    expect(ppmText(-9, at("nordic"))).toBe("+9.0 dB");
  });
  test("DIN: 0 dB = alignment + 6 dB (+6 dBu), red above 0", () => {
    expect(ppmText(-12, at("din"))).toBe("0.0 dB");
    expect(scaleFor("ppm", at("din")).zoneEdges).toEqual([-12]);
  });
  test("the alignment level moves every mark", () => {
    expect(ppmText(-16, { ...at("bbc"), alignmentDbfs: -20 })).toBe("PPM 5.0");
  });
});

test("the PPM readout names its reference: dBFS for the standards read in dB, PPM numbers for the BBC's", () => {
  expect(ppmReadoutText(-9, at("ebu"))).toBe("−9.0 dBFS");
  expect(ppmReadoutText(-12, at("bbc"))).toBe("PPM 5.5");
  expect(ppmReadoutText(-Infinity, at("ebu"))).toBe("—");
});
