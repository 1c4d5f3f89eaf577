/**
 * Audio files written by the tests, from the format specifications, sharing no code with the
 * host's reader/writer: WAV (PCM 8/16/24/32, float 32/64, WAVE_FORMAT_EXTENSIBLE, RF64 per EBU
 * Tech 3306) and FLAC (a minimal encoder: fixed block size, VERBATIM subframes, CRC-8/CRC-16 per
 * the FLAC format specification). Samples are quantised here, so a test knows exactly what the
 * file holds.
 */
import { Mp3Encoder } from "@breezystack/lamejs";

/** An MP3 of `channels` (1 or 2) at `kbps`, encoded by lamejs (a JavaScript port of LAME). */
export function encodeMp3(channels: Float32Array[], sampleRate: number, kbps = 320): Buffer {
  const encoder = new Mp3Encoder(channels.length, sampleRate, kbps);
  const pcm = channels.map((c) => Int16Array.from(c, (x) => quantise(x, 16)));
  const parts: Uint8Array[] = [];
  const block = 1152 * 16;
  for (let start = 0; start < pcm[0]!.length; start += block) {
    parts.push(encoder.encodeBuffer(pcm[0]!.subarray(start, start + block), pcm[1]?.subarray(start, start + block)));
  }
  parts.push(encoder.flush());
  // lamejs returns Int8Arrays whatever its typings say: view the same bytes as unsigned.
  return Buffer.concat(parts.map((part) => new Uint8Array(part.buffer, part.byteOffset, part.byteLength)));
}

export type FileFormat =
  | { container: "wav"; kind: "int" | "float"; bits: number; extensible?: boolean; rf64?: boolean }
  | { container: "flac"; bits: 16 | 24 };

/** What an integer file stores for x (round to nearest, clamp): the test's own quantiser. */
export function quantise(x: number, bits: number): number {
  const full = 2 ** (bits - 1);
  return Math.max(-full, Math.min(full - 1, Math.round(x * full)));
}

/** The samples as the file will hold them, as floats (what any correct reader must return). */
export function asStored(channels: Float32Array[], format: FileFormat): Float32Array[] {
  const kind = format.container === "flac" ? "int" : format.kind;
  if (kind === "float") return channels.map((c) => (format.bits === 32 ? c.slice() : Float32Array.from(c)));
  return channels.map((c) => Float32Array.from(c, (x) => quantise(x, format.bits) / 2 ** (format.bits - 1)));
}

export function encodeAudioFile(channels: Float32Array[], sampleRate: number, format: FileFormat): Buffer {
  return format.container === "flac"
    ? encodeFlac(channels, sampleRate, format.bits)
    : encodeWav(channels, sampleRate, format);
}

function encodeWav(channels: Float32Array[], sampleRate: number, f: Extract<FileFormat, { container: "wav" }>): Buffer {
  const count = channels.length,
    frames = channels[0]!.length,
    width = f.bits / 8;
  const extensible = f.extensible ?? false;
  const fmt = Buffer.alloc(extensible ? 40 : 16);
  const tag = f.kind === "float" ? 3 : 1;
  fmt.writeUInt16LE(extensible ? 0xfffe : tag, 0);
  fmt.writeUInt16LE(count, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * count * width, 8);
  fmt.writeUInt16LE(count * width, 12);
  fmt.writeUInt16LE(f.bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(f.bits, 18);
    fmt.writeUInt32LE(count === 6 ? 0x3f : (1 << count) - 1, 20);
    Buffer.from([tag, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71]).copy(fmt, 24);
  }
  const data = Buffer.alloc(frames * count * width);
  for (let n = 0; n < frames; n++) {
    for (let c = 0; c < count; c++) {
      const at = (n * count + c) * width,
        x = channels[c]![n]!;
      if (f.kind === "float") {
        if (width === 4) data.writeFloatLE(x, at);
        else data.writeDoubleLE(x, at);
        continue;
      }
      const q = quantise(x, f.bits);
      if (width === 1) data.writeUInt8(q + 128, at);
      else if (width === 2) data.writeInt16LE(q, at);
      else if (width === 3) data.writeIntLE(q, at, 3);
      else data.writeInt32LE(q, at);
    }
  }
  const chunk = (id: string, body: Buffer) => {
    const h = Buffer.alloc(8);
    h.write(id, 0, "latin1");
    h.writeUInt32LE(body.length, 4);
    return Buffer.concat([h, body, Buffer.alloc(body.length % 2)]);
  };
  const list = chunk("LIST", Buffer.from("INFOISFT\x0a\x00\x00\x00gs-tests\x00\x00", "latin1"));
  if (!f.rf64) {
    const body = Buffer.concat([Buffer.from("WAVE", "latin1"), chunk("fmt ", fmt), list, chunk("data", data)]);
    return Buffer.concat([Buffer.from("RIFF", "latin1"), u32(body.length), body]);
  }
  // RF64: sizes 0xFFFFFFFF in RIFF and data, the real ones in ds64 (EBU Tech 3306 §3).
  const ds64 = Buffer.alloc(28);
  const riffSize = 4 + 36 + (8 + fmt.length) + list.length + 8 + data.length;
  ds64.writeBigUInt64LE(BigInt(riffSize), 0);
  ds64.writeBigUInt64LE(BigInt(data.length), 8);
  ds64.writeBigUInt64LE(BigInt(frames), 16);
  const dataHeader = Buffer.from("data\xff\xff\xff\xff", "latin1");
  return Buffer.concat([
    Buffer.from("RF64\xff\xff\xff\xffWAVE", "latin1"),
    chunk("ds64", ds64),
    chunk("fmt ", fmt),
    list,
    dataHeader,
    data,
  ]);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

/** Big-endian bit writer. */
class Bits {
  private bytes: number[] = [];
  private acc = 0;
  private used = 0;
  put(value: number, bits: number): void {
    if (this.used === 0 && bits % 8 === 0) {
      // byte-aligned: whole bytes, most significant first
      for (let shift = bits - 8; shift >= 0; shift -= 8) this.bytes.push(Math.floor(value / 2 ** shift) & 0xff);
      return;
    }
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | (Math.floor(value / 2 ** i) & 1);
      if (++this.used === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.used = 0;
      }
    }
  }
  signed(value: number, bits: number): void {
    this.put(value < 0 ? value + 2 ** bits : value, bits);
  }
  align(): void {
    if (this.used > 0) this.put(0, 8 - this.used);
  }
  take(): number[] {
    this.align();
    const out = this.bytes;
    this.bytes = [];
    return out;
  }
}

function crc8(bytes: number[]): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: number[]): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The frame number, coded like UTF-8 (FLAC format: "UTF-8" coded sample/frame number). */
function utf8Number(value: number): number[] {
  if (value < 0x80) return [value];
  const out: number[] = [];
  let continuations = 0;
  // Each continuation byte holds 6 bits; a lead byte before k of them holds 6 − k.
  do {
    out.unshift(0x80 | (value & 0x3f));
    value = Math.floor(value / 64);
    continuations++;
  } while (value >= 2 ** (6 - continuations));
  out.unshift(((0xff << (7 - continuations)) & 0xff) | value);
  return out;
}

const FLAC_BLOCK = 4096;
/** Frame-header codes (FLAC format, FRAME_HEADER), written explicitly as libFLAC does. */
const FLAC_RATE_CODES: Record<number, number> = {
  88200: 0b0001,
  176400: 0b0010,
  192000: 0b0011,
  8000: 0b0100,
  16000: 0b0101,
  22050: 0b0110,
  24000: 0b0111,
  32000: 0b1000,
  44100: 0b1001,
  48000: 0b1010,
  96000: 0b1011,
};
const FLAC_BITS_CODES: Record<number, number> = { 8: 0b001, 12: 0b010, 16: 0b100, 20: 0b101, 24: 0b110, 32: 0b111 };

function encodeFlac(channels: Float32Array[], sampleRate: number, bits: number): Buffer {
  const count = channels.length,
    frames = channels[0]!.length;
  const head = new Bits();
  head.put(0x664c6143, 32); // "fLaC"
  head.put(1, 1);
  head.put(0, 7);
  head.put(34, 24); // last metadata block, STREAMINFO, 34 bytes
  head.put(FLAC_BLOCK, 16);
  head.put(FLAC_BLOCK, 16);
  head.put(0, 24);
  head.put(0, 24);
  head.put(sampleRate, 20);
  head.put(count - 1, 3);
  head.put(bits - 1, 5);
  head.put(frames, 36);
  for (let i = 0; i < 16; i++) head.put(0, 8); // MD5 unknown (0): decoders skip the check
  const out = [head.take()];
  for (let start = 0, index = 0; start < frames; start += FLAC_BLOCK, index++) {
    const block = Math.min(FLAC_BLOCK, frames - start);
    const frame = new Bits();
    frame.put(0xfff8, 16); // sync, reserved, fixed block size
    frame.put(0b0111, 4);
    frame.put(FLAC_RATE_CODES[sampleRate] ?? 0, 4); // block size: 16-bit (n−1) at the end of the header
    frame.put(count - 1, 4);
    frame.put(FLAC_BITS_CODES[bits]!, 3);
    frame.put(0, 1); // independent channels
    const header = [...frame.take(), ...utf8Number(index), (block - 1) >> 8, (block - 1) & 0xff];
    header.push(crc8(header));
    const body = new Bits();
    for (let c = 0; c < count; c++) {
      body.put(0b00000010, 8); // zero pad, VERBATIM, no wasted bits
      for (let n = 0; n < block; n++) body.signed(quantise(channels[c]![start + n]!, bits), bits);
    }
    const bytes = [...header, ...body.take()];
    const crc = crc16(bytes);
    out.push([...bytes, crc >> 8, crc & 0xff]);
  }
  return Buffer.from(out.flat());
}
