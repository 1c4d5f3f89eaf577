/**
 * The plugin's facts, each declared once: limits, parameters (one id space: the id a host sends
 * is the id the kernel applies), commands (ids of their own, above every parameter), the readout
 * the kernel writes, status codes, meter bits, and the auto-trim enumerations. The kernel's
 * constants are generated from this file (generate-kernel.ts → assembly/generated/contract.ts,
 * `npm run generate`; a test proves regenerating changes nothing); the host's table, state,
 * decoders and every plugin format's descriptor are derived from it at run or build time.
 * Ids and enumeration orders are published: append only, never renumber or reuse.
 * Plain data only (no imports beyond its own parts), so any build step can read it.
 */

export * from "./kernel-interface.js";
export * from "./limits.js";
export * from "./parameters.js";
export * from "./ppm-standards.js";
