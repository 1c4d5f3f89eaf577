// @types/audioworklet lacks AudioWorkletNodeOptions (see DEVELOPERS notes); the processor only
// reads processorOptions from it.
interface AudioWorkletNodeOptions {
  numberOfInputs?: number;
  numberOfOutputs?: number;
  outputChannelCount?: number[];
  parameterData?: Record<string, number>;
  processorOptions?: unknown;
}
