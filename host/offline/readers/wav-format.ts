/**
 * The WAV `fmt ` chunk, read and written: WAVEFORMAT / WAVEFORMATEX (PCM, IEEE float) and
 * WAVE_FORMAT_EXTENSIBLE with its sub-format GUID, valid bits and channel mask. Sources: Microsoft
 * "Multimedia Programming Interface and Data Specifications 1.0" (fmt), mmreg.h / ksmedia.h
 * (WAVEFORMATEXTENSIBLE, KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT). Thread: the offline host.
 */
import { AudioFileError, type SampleFormat } from "./audio-reader.js";
import { MAX_CHANNELS } from "../../declaration/layout.js";

export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_IEEE_FLOAT = 3;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
export const CHUNK_HEADER_BYTES = 8;
/** Size of a WAVEFORMATEX body without extension, and of a WAVEFORMATEXTENSIBLE body. */
const PLAIN_FMT_BYTES = 16;
const EXTENSIBLE_FMT_BYTES = 40;
const EXTENSION_BYTES = 22;
/** A fmt chunk larger than this is not a fmt chunk (the largest defined is 40 bytes). */
export const MAX_FMT_BYTES = 1024;
// Byte offsets in the fmt body.
const AT_TAG = 0,
  AT_CHANNELS = 2,
  AT_RATE = 4,
  AT_BYTES_PER_SECOND = 8,
  AT_BLOCK_ALIGN = 12,
  AT_BITS = 14;
const AT_CB_SIZE = 16,
  AT_VALID_BITS = 18,
  AT_CHANNEL_MASK = 20,
  AT_SUB_FORMAT = 24;
/** The 14 bytes every KSDATAFORMAT_SUBTYPE_* GUID built on a format tag ends with: -0000-0010-8000-00aa00389b71. */
const GUID_TAIL = [0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71];
/**
 * dwChannelMask by channel count, in the order FLAC defines channels (RFC 9639 §9.1.3): mono FC;
 * L R; L R C; FL FR BL BR; FL FR FC BL BR; 5.1 FL FR FC LFE BL BR; 6.1 … BC SL SR; 7.1 … BL BR SL SR.
 */
const CHANNEL_MASKS = [0x4, 0x3, 0x7, 0x33, 0x37, 0x3f, 0x70f, 0x63f];

export interface WavFormat {
  sampleRate: number;
  channels: number;
  format: SampleFormat;
}

/** A GUID as Windows writes it: the first three fields are little-endian numbers, the rest bytes in order. */
function guidText(bytes: Buffer): string {
  const hex = (from: number, to: number) =>
    Array.from(bytes.subarray(from, to), (b) => b.toString(16).padStart(2, "0")).join("");
  const field = (value: number, digits: number) => value.toString(16).padStart(digits, "0");
  return `{${field(bytes.readUInt32LE(0), 8)}-${field(bytes.readUInt16LE(4), 4)}-${field(bytes.readUInt16LE(6), 4)}-${hex(8, 10)}-${hex(10, 16)}}`;
}

/** Reads and validates a fmt chunk body; throws AudioFileError. Refuses before anything is allocated. */
export function parseFmt(fmt: Buffer): WavFormat {
  if (fmt.length < PLAIN_FMT_BYTES) throw new AudioFileError("corrupt: fmt chunk too short");
  let tag = fmt.readUInt16LE(AT_TAG);
  const channels = fmt.readUInt16LE(AT_CHANNELS),
    sampleRate = fmt.readUInt32LE(AT_RATE),
    blockAlign = fmt.readUInt16LE(AT_BLOCK_ALIGN);
  const bits = fmt.readUInt16LE(AT_BITS);
  let validBits = bits;
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (fmt.length < EXTENSIBLE_FMT_BYTES)
      throw new AudioFileError("corrupt: WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
    const guid = fmt.subarray(AT_SUB_FORMAT, AT_SUB_FORMAT + 16);
    tag = fmt.readUInt16LE(AT_SUB_FORMAT);
    if (
      fmt.readUInt16LE(AT_SUB_FORMAT + 2) !== 0 ||
      !GUID_TAIL.every((byte, i) => guid[2 + i] === byte) ||
      (tag !== WAVE_FORMAT_PCM && tag !== WAVE_FORMAT_IEEE_FLOAT)
    ) {
      throw new AudioFileError(
        `unsupported WAVE_FORMAT_EXTENSIBLE sub-format ${guidText(guid)}; PCM and IEEE float are supported`,
      );
    }
    const declared = fmt.readUInt16LE(AT_VALID_BITS);
    if (declared > bits) throw new AudioFileError(`corrupt: ${declared} valid bits in ${bits}-bit samples`);
    if (declared > 0) validBits = declared;
  }
  const kind = tag === WAVE_FORMAT_PCM ? "int" : tag === WAVE_FORMAT_IEEE_FLOAT ? "float" : null;
  if (!kind)
    throw new AudioFileError(
      `unsupported WAV encoding (format tag 0x${tag.toString(16)}); PCM and IEEE float are supported`,
    );
  if (kind === "int" && ![8, 16, 24, 32].includes(bits)) throw new AudioFileError(`unsupported PCM bit depth ${bits}`);
  if (kind === "float" && bits !== 32 && bits !== 64) throw new AudioFileError(`unsupported float bit depth ${bits}`);
  if (channels < 1) throw new AudioFileError("corrupt: 0 channels");
  if (channels > MAX_CHANNELS) throw new AudioFileError(`${channels} channels; at most ${MAX_CHANNELS} are supported`);
  if (blockAlign !== channels * (bits / 8))
    throw new AudioFileError(`corrupt: block align ${blockAlign} does not fit ${channels} × ${bits}-bit`);
  if (!(sampleRate > 0)) throw new AudioFileError("corrupt: sample rate 0");
  return { sampleRate, channels, format: { kind, bits, validBits } };
}

/** Bytes per frame of `format` with `channels` channels. */
export function frameBytes(format: SampleFormat, channels: number): number {
  return channels * (format.bits / 8);
}

/**
 * A fmt body for writing: `source` (the input's own fmt, when it was a WAV) with the derived
 * fields recomputed (nAvgBytesPerSec, nBlockAlign), else a new one — EXTENSIBLE when there are
 * more than 2 channels, more than 16 bits, or fewer valid bits than the container holds.
 */
export function fmtBody(format: SampleFormat, channels: number, sampleRate: number, source?: Buffer): Buffer {
  const blockAlign = frameBytes(format, channels);
  if (source) {
    const body = Buffer.from(source);
    body.writeUInt32LE(sampleRate * blockAlign, AT_BYTES_PER_SECOND);
    body.writeUInt16LE(blockAlign, AT_BLOCK_ALIGN);
    return body;
  }
  const extensible = channels > 2 || format.bits > 16 || format.validBits < format.bits;
  const body = Buffer.alloc(extensible ? EXTENSIBLE_FMT_BYTES : PLAIN_FMT_BYTES);
  const tag = format.kind === "float" ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;
  body.writeUInt16LE(extensible ? WAVE_FORMAT_EXTENSIBLE : tag, AT_TAG);
  body.writeUInt16LE(channels, AT_CHANNELS);
  body.writeUInt32LE(sampleRate, AT_RATE);
  body.writeUInt32LE(sampleRate * blockAlign, AT_BYTES_PER_SECOND);
  body.writeUInt16LE(blockAlign, AT_BLOCK_ALIGN);
  body.writeUInt16LE(format.bits, AT_BITS);
  if (extensible) {
    body.writeUInt16LE(EXTENSION_BYTES, AT_CB_SIZE);
    body.writeUInt16LE(format.validBits, AT_VALID_BITS);
    body.writeUInt32LE(CHANNEL_MASKS[channels - 1] ?? 0, AT_CHANNEL_MASK);
    Buffer.from([tag, 0, ...GUID_TAIL]).copy(body, AT_SUB_FORMAT);
  }
  return body;
}

/** A chunk with its 8-byte header and the pad byte that keeps chunks word-aligned. */
export function chunkBytes(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(CHUNK_HEADER_BYTES);
  header.write(id, 0, "latin1");
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}
