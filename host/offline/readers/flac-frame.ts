/**
 * Decoding one FLAC frame (RFC 9639 §9): frame header, one subframe per channel (CONSTANT,
 * VERBATIM, FIXED or LPC prediction with a Rice-coded residual), inter-channel decorrelation,
 * CRC-8 and CRC-16 checks. Samples come out as exact integers of any depth FLAC allows (4 … 32
 * bits), in float64 so that the 33-bit side channel of 32-bit audio fits. Written by hand: the
 * npm FLAC decoders scale only 8/16/24/32-bit audio (12- and 20-bit files decode to ∞/NaN in
 * @wasm-audio-decoders/flac) or hand back bytes re-packed per depth (libflac.js).
 * Thread: the offline host (main thread or a worker).
 */
import { AudioFileError } from "./audio-reader.js";
import { BitReader, crc16, crc8 } from "./flac-bits.js";

export interface StreamInfo {
  sampleRate: number;
  channels: number;
  bits: number;
  totalFrames: number;
}

export const MAX_BLOCK_FRAMES = 65535;
const SYNC_CODE = 0x3ffe; // 14 bits: 11111111111110
const RATES = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
const DEPTHS = [0, 8, 12, -1, 16, 20, 24, 32]; // sample size codes; -1 reserved
const LEFT_SIDE = 8,
  SIDE_RIGHT = 9,
  MID_SIDE = 10;
/** Fixed predictor coefficients, order 0 … 4 (RFC 9639 §9.2.5). */
const FIXED = [[], [1], [2, -1], [3, -3, 1], [4, -6, 4, -1]];
/** Above this many bits a prediction sum may pass 2^53 and is computed exactly with BigInt. */
const EXACT_DOUBLE_BITS = 52;

function corrupt(what: string): never {
  throw new AudioFileError(`corrupt FLAC: ${what}`);
}

/** The decoded frame: `frames` samples per channel in `samples` (reused between frames). */
export interface DecodedFrame {
  frames: number;
  endOffset: number;
}

/**
 * Decodes the frame starting at `start` of `bytes` into `samples` (one Float64Array of
 * MAX_BLOCK_FRAMES per channel). Throws OutOfData when the frame runs past `end`, AudioFileError
 * when it is damaged.
 */
export function decodeFrame(
  bytes: Uint8Array,
  start: number,
  end: number,
  info: StreamInfo,
  samples: Float64Array[],
): DecodedFrame {
  const bits = new BitReader(bytes, start, end);
  if (bits.bits(14) !== SYNC_CODE) corrupt(`lost sync at byte ${start}`);
  bits.bits(2); // reserved, blocking strategy
  const sizeCode = bits.bits(4),
    rateCode = bits.bits(4),
    assignment = bits.bits(4),
    depthCode = bits.bits(3);
  if (bits.bits(1) !== 0) corrupt("reserved bit set in a frame header");
  readCodedNumber(bits);
  let blockFrames =
    sizeCode === 1 ? 192 : sizeCode <= 5 ? 576 << (sizeCode - 2) : sizeCode >= 8 ? 256 << (sizeCode - 8) : 0;
  if (sizeCode === 6) blockFrames = bits.bits(8) + 1;
  else if (sizeCode === 7) blockFrames = bits.bits(16) + 1;
  if (sizeCode === 0 || blockFrames > MAX_BLOCK_FRAMES) corrupt("bad block size");
  if (rateCode === 12) bits.bits(8);
  else if (rateCode === 13 || rateCode === 14) bits.bits(16);
  else if (rateCode === 15) corrupt("bad sample rate code");
  else if (rateCode !== 0 && RATES[rateCode] !== info.sampleRate)
    corrupt("a frame's sample rate differs from STREAMINFO");
  const depth = depthCode === 0 ? info.bits : DEPTHS[depthCode]!;
  if (depth !== info.bits) corrupt(`a frame's bit depth (${depth}) differs from STREAMINFO (${info.bits})`);
  const channels =
    assignment < LEFT_SIDE ? assignment + 1 : assignment <= MID_SIDE ? 2 : corrupt("reserved channel assignment");
  if (channels !== info.channels) corrupt("a frame's channel count differs from STREAMINFO");
  if (crc8(bytes, start, bits.position) !== bits.bits(8)) corrupt("a frame header fails its CRC-8");

  for (let channel = 0; channel < channels; channel++) {
    const side =
      (assignment === LEFT_SIDE && channel === 1) ||
      (assignment === SIDE_RIGHT && channel === 0) ||
      (assignment === MID_SIDE && channel === 1);
    decodeSubframe(bits, samples[channel]!, blockFrames, depth + (side ? 1 : 0));
  }
  bits.align();
  const crcAt = bits.position;
  if (crc16(bytes, start, crcAt) !== bits.bits(16)) corrupt("a frame fails its CRC-16 (damaged data)");
  decorrelate(assignment, samples, blockFrames);
  return { frames: blockFrames, endOffset: crcAt + 2 };
}

/** The frame or sample number, coded like UTF-8 (RFC 9639 §9.1.5); only its length matters here. */
function readCodedNumber(bits: BitReader): void {
  const first = bits.bits(8);
  const extra = first < 0x80 ? 0 : first >= 0xfe ? 6 : Math.clz32(~(first << 24)) - 1;
  if (first >= 0x80 && (extra < 1 || first === 0xff)) corrupt("bad frame number");
  for (let i = 0; i < extra; i++) if ((bits.bits(8) & 0xc0) !== 0x80) corrupt("bad frame number");
}

function decodeSubframe(bits: BitReader, out: Float64Array, frames: number, depth: number): void {
  if (bits.bits(1) !== 0) corrupt("subframe padding bit set");
  const type = bits.bits(6);
  let wasted = 0;
  if (bits.bits(1) === 1) wasted = bits.unary() + 1;
  const width = depth - wasted;
  if (width < 1) corrupt("more wasted bits than the sample holds");
  if (type === 0) {
    out.fill(bits.signed(width), 0, frames);
  } else if (type === 1) {
    for (let n = 0; n < frames; n++) out[n] = bits.signed(width);
  } else if (type >= 8 && type <= 12) {
    const order = type - 8;
    for (let n = 0; n < order; n++) out[n] = bits.signed(width);
    readResidual(bits, out, frames, order);
    predict(out, frames, FIXED[order]!, 0, width + 3);
  } else if (type >= 32) {
    const order = type - 31;
    if (order > frames) corrupt("predictor order above the block size");
    for (let n = 0; n < order; n++) out[n] = bits.signed(width);
    const precision = bits.bits(4) + 1;
    if (precision === 16) corrupt("bad coefficient precision");
    const shift = bits.signed(5);
    if (shift < 0) corrupt("negative prediction shift");
    const coefficients = Array.from({ length: order }, () => bits.signed(precision));
    readResidual(bits, out, frames, order);
    predict(out, frames, coefficients, shift, width + precision + Math.ceil(Math.log2(order + 1)));
  } else {
    corrupt(`reserved subframe type ${type}`);
  }
  if (wasted > 0) for (let n = 0; n < frames; n++) out[n]! *= 2 ** wasted;
}

/** Reads the Rice-coded residual into out[order … frames) (RFC 9639 §9.2.7). */
function readResidual(bits: BitReader, out: Float64Array, frames: number, order: number): void {
  const method = bits.bits(2);
  if (method > 1) corrupt("reserved residual coding method");
  const parameterBits = method === 0 ? 4 : 5,
    escapeCode = (1 << parameterBits) - 1;
  const partitionOrder = bits.bits(4);
  const partitions = 1 << partitionOrder,
    perPartition = frames >> partitionOrder;
  if (perPartition << partitionOrder !== frames || perPartition < order) corrupt("bad residual partition order");
  let n = order;
  for (let partition = 0; partition < partitions; partition++) {
    const end = (partition + 1) * perPartition;
    const parameter = bits.bits(parameterBits);
    if (parameter === escapeCode) {
      const raw = bits.bits(5);
      for (; n < end; n++) out[n] = raw === 0 ? 0 : bits.signed(raw);
      continue;
    }
    bits.rice(out, n, end, parameter);
    n = end;
  }
}

/** Adds the prediction to the residual in place: s[n] += (Σ c_i · s[n−1−i]) >> shift. */
function predict(out: Float64Array, frames: number, coefficients: number[], shift: number, sumBits: number): void {
  const order = coefficients.length;
  if (order === 0) return;
  if (sumBits <= EXACT_DOUBLE_BITS) {
    // Every product and partial sum is an integer below 2^53, so doubles add them exactly, and
    // scaling by a power of two is exact: the floor is the arithmetic shift.
    const c = Float64Array.from(coefficients),
      unscale = 2 ** -shift;
    for (let n = order; n < frames; n++) {
      let sum = 0;
      for (let i = 0, at = n - 1; i < order; i++, at--) sum += c[i]! * out[at]!;
      out[n]! += Math.floor(sum * unscale);
    }
    return;
  }
  const big = coefficients.map(BigInt),
    bigShift = BigInt(shift);
  for (let n = order; n < frames; n++) {
    let sum = 0n;
    for (let i = 0; i < order; i++) sum += big[i]! * BigInt(out[n - 1 - i]!);
    out[n]! += Number(sum >> bigShift);
  }
}

/** Undoes stereo decorrelation (RFC 9639 §4.2): left/side, side/right, mid/side. */
function decorrelate(assignment: number, samples: Float64Array[], frames: number): void {
  const a = samples[0]!,
    b = samples[1]!;
  if (assignment === LEFT_SIDE) for (let n = 0; n < frames; n++) b[n] = a[n]! - b[n]!;
  else if (assignment === SIDE_RIGHT) for (let n = 0; n < frames; n++) a[n] = a[n]! + b[n]!;
  else if (assignment === MID_SIDE) {
    for (let n = 0; n < frames; n++) {
      const side = b[n]!,
        mid = a[n]! * 2 + (side % 2 !== 0 ? 1 : 0);
      a[n] = (mid + side) / 2;
      b[n] = (mid - side) / 2;
    }
  }
}
