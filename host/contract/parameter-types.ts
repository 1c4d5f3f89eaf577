/** The shape of a parameter's declaration (parameters*.ts declare them). Part of declaration.ts. */

/** Which point of a PRE/POST pair applies a parameter (a single point applies all). */
export type AppliesAt = "pre" | "post" | "both";

export interface ParamDeclaration {
  id: number;
  key: string;
  name: string;
  /** Display unit; empty for switches and choices. */
  unit: string;
  min: number;
  max: number;
  default: number;
  /** Fine-adjust and wheel step in plain units. */
  step: number;
  /** Digits after the decimal point in text. */
  decimals: number;
  /** Labels for choices, index = plain value (a choice is stepped). */
  choices?: readonly string[];
  stepped?: boolean;
  automatable: boolean;
  bypass?: boolean;
  readOnly?: boolean;
  /** Ramp of a change in the kernel (ms); 0 = at once. */
  smoothingMs: number;
  appliesAt: AppliesAt;
  /** False for a parameter only the host reads (the kernel refuses its id). */
  kernel: boolean;
  /** Meaningful only in a PRE/POST pair (a plugin format without pairs leaves it out). */
  pairOnly?: boolean;
}

/** Labels of an on/off switch (plugin formats show it as a boolean). */
export const OFF_ON = ["Off", "On"] as const;
