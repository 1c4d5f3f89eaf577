/** Registers the Gainstage point processor (point-processor.ts) for the web host. Thread: audio thread. */
import { GainstageProcessor } from "./point-processor.js";
import { PROCESSOR_NAME } from "./protocol.js";

registerProcessor(PROCESSOR_NAME, GainstageProcessor);
