/** States a host might hand over that are not a Gainstage state, or are damaged or hostile: each must be refused. */
const good = () => ({
  format: "gainstage-state",
  version: 1,
  plugin: { id: "audio.gainstage.gainstage", version: "0.1.0" },
  params: {} as Record<string, unknown>,
});

export function hostileStates(): [string, unknown][] {
  const withParams = (params: Record<string, unknown>) => ({ ...good(), params });
  return [
    ["not JSON", "{ this is not json"],
    ["null", null],
    ["an array", [1, 2, 3]],
    ["another plugin's state", { parameterValues: { gain: { id: "gain", value: 1 } } }],
    ["a newer version", { ...good(), version: 99 }],
    ["a trim far out of range", withParams({ inputTrimDb: 1e9 })],
    ["a trim as text", withParams({ inputTrimDb: "-6" })],
    ["a fractional choice", withParams({ autoTrimDetector: 1.5 })],
    ["a link id with a path in it", { ...good(), link: { id: "../../etc/passwd", role: "pre" } }],
    ["a link with an unknown role", { ...good(), link: { id: "pair-1", role: "boss" } }],
    ["100 kB of text", "x".repeat(100_000)],
  ];
}
