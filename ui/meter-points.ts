/**
 * The four meter points of the chain, named in a producer's words, in one place: the strips,
 * the chain diagram, the A/B table, Learn and the stage check all say the same thing.
 * (In the code they are the PRE point's IN and SEND taps and the POST point's RETURN and OUT.)
 */
export type PointId = "in" | "send" | "return" | "out";

export const METER_POINTS: Record<PointId, { label: string; words: string }> = {
  in: { label: "IN", words: "what comes in, before the input trim" },
  send: { label: "TO EFFECT", words: "what the effect is fed, after the input trim" },
  return: { label: "FROM EFFECT", words: "what the effect gives back, before the output trim" },
  out: { label: "OUT", words: "what you hear, after the output trim" },
};
