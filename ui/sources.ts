/**
 * The app's sources other than files: the built-in demo loop, the calibration tone and the
 * microphone. Each returns what the engine plays; none touches the graph. Thread: main thread.
 */
import { demoProgramme } from "./demo-programme.js";

/** A source could not be opened; the message is for the user, plain words. */
export class EngineError extends Error {}

/** Calibration tone: 997 Hz (BS.1770's test frequency, not a sub-multiple of common rates), −18 dBFS peak = 0 VU. */
export const TONE_HZ = 997;
export const TONE_DBFS = -18;

function stereoBuffer(
  context: BaseAudioContext,
  left: Float32Array<ArrayBuffer>,
  right: Float32Array<ArrayBuffer>,
): AudioBuffer {
  const buffer = new AudioBuffer({ length: left.length, numberOfChannels: 2, sampleRate: context.sampleRate });
  buffer.copyToChannel(left, 0);
  buffer.copyToChannel(right, 1);
  return buffer;
}

/** The demo loop (demo-programme.ts) at the context's rate. */
export function demoBuffer(context: BaseAudioContext): AudioBuffer {
  const [left, right] = demoProgramme(context.sampleRate);
  return stereoBuffer(context, left, right);
}

/** One second of the tone, to be looped: 997 whole cycles fit exactly in 1 s, so the loop is seamless. */
export function toneBuffer(context: BaseAudioContext): AudioBuffer {
  const frames = context.sampleRate;
  const amplitude = 10 ** (TONE_DBFS / 20);
  const data = Float32Array.from(
    { length: frames },
    (_, n) => amplitude * Math.sin((2 * Math.PI * TONE_HZ * n) / frames),
  );
  return stereoBuffer(context, data, data);
}

/** Opens the microphone unprocessed (no echo cancelling, noise suppression or gain control: they would change the levels metered). */
export async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new EngineError("This browser gives no microphone access here (it needs https or localhost).");
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (error) {
    const name = (error as DOMException).name;
    throw new EngineError(
      name === "NotAllowedError"
        ? "Microphone permission was refused. Allow it in the browser's site settings, then choose Microphone again."
        : name === "NotFoundError"
          ? "No microphone was found."
          : `The microphone could not be opened (${name}).`,
    );
  }
}
