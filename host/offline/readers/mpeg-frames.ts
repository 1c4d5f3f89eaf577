/**
 * Walking the frames of an MPEG audio stream (ISO/IEC 11172-3 §2.4.2.3 frame header; MPEG-2 and
 * 2.5 low sampling rates) from their headers alone, fed the file chunk by chunk as it is read, to
 * tell a cut-off file from a whole one: the last frame must end at the end of the stream (or
 * where a trailing tag begins), and a Xing/Info or VBRI header, when present, says how many
 * frames there should be. The decoder library (mpg123) drops a partial last frame without a
 * word, so this is the only way to say "truncated". Thread: the offline host.
 */

const HEADER_BYTES = 4;
const ID3V2_HEADER_BYTES = 10;
const ID3V2_FOOTER_FLAG = 0x10;
/** Bytes of a first frame that can hold a Xing/Info (≤ 4 + 2 + 32 + 12) or VBRI (4 + 32 + 18) header. */
const INFO_HEADER_REACH = 64;
/** kbit/s by "MPEG version (1, or 2 for 2 and 2.5)-Layer (I, II, III as 1, 2, 3)" and bitrate index (ISO/IEC 11172-3 §2.4.2.3, 13818-3). */
const BITRATES: Record<string, number[]> = {
  "1-1": [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  "1-2": [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  "1-3": [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  "2-1": [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  "2-2": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  "2-3": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };
/** Tags that may follow the last frame: ID3v1 "TAG", APEv2 "APETAGEX", Lyrics3 "LYRICS". */
const TRAILERS = ["TAG", "APETAGEX", "LYRICS"];

interface FrameHeader {
  bytes: number;
  mpeg1: boolean;
  mono: boolean;
  crc: boolean;
}

function parseHeader(b: Uint8Array, at: number): FrameHeader | null {
  if (b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3,
    layer = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4,
    rateIndex = (b[at + 2]! >> 2) & 3,
    padding = (b[at + 2]! >> 1) & 1;
  if (version === 1 || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null; // reserved or free format
  const mpeg1 = version === 3;
  const kbps = BITRATES[`${mpeg1 ? 1 : 2}-${4 - layer}`]![bitrateIndex]!;
  const rate = RATES[version]![rateIndex]!;
  const bytes =
    layer === 3
      ? (Math.floor((12 * kbps * 1000) / rate) + padding) * 4 // Layer I: 4-byte slots
      : Math.floor(((layer === 1 && !mpeg1 ? 72 : 144) * kbps * 1000) / rate) + padding; // Layer II, III
  return { bytes, mpeg1, mono: b[at + 3]! >> 6 === 3, crc: (b[at + 1]! & 1) === 0 };
}

/** Frames a Xing/Info or VBRI header in the first frame promises (not counting itself), or null. */
function promisedFrames(b: Uint8Array, at: number, header: FrameHeader): number | null {
  const sideInfo = header.mpeg1 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  const xing = at + HEADER_BYTES + (header.crc ? 2 : 0) + sideInfo;
  const tag = String.fromCharCode(...b.subarray(xing, xing + 4));
  if ((tag === "Xing" || tag === "Info") && (b[xing + 7]! & 1) !== 0)
    return new DataView(b.buffer, b.byteOffset).getUint32(xing + 8);
  const vbri = at + HEADER_BYTES + 32;
  if (String.fromCharCode(...b.subarray(vbri, vbri + 4)) === "VBRI")
    return new DataView(b.buffer, b.byteOffset).getUint32(vbri + 14);
  return null;
}

export class MpegFrameWalker {
  /** Absolute offset of the next frame header expected; −1 before the start is known. */
  private next = -1;
  private carry = new Uint8Array(0);
  private carryAt = 0;
  private stopped = false;
  private sawInfoFrame = false;
  private lastFrame = { at: 0, bytes: 0 };
  /** The walk met bytes that are neither a frame nor a trailing tag (mpg123 resyncs there). */
  lostSync = false;
  frames = 0;
  /** Channels of the first frame (1 for single-channel mode, else 2: §2.4.2.3 "mode"); 0 before it. */
  channels = 0;
  promised: number | null = null;

  /** Feeds the bytes at absolute offset `offset` (chunks in order, no gaps). */
  feed(chunk: Uint8Array, offset: number): void {
    if (this.stopped) return;
    const data = this.carry.length > 0 ? concat(this.carry, chunk) : chunk;
    const base = this.carry.length > 0 ? this.carryAt : offset;
    if (this.next < 0) {
      if (data.length < ID3V2_HEADER_BYTES) {
        this.keep(data, base, base);
        return;
      }
      const id3 = data[0] === 0x49 && data[1] === 0x44 && data[2] === 0x33; // "ID3"
      const tagBytes = id3
        ? ((data[6]! & 0x7f) << 21) | ((data[7]! & 0x7f) << 14) | ((data[8]! & 0x7f) << 7) | (data[9]! & 0x7f)
        : 0;
      this.next = id3 ? ID3V2_HEADER_BYTES + tagBytes + (data[5]! & ID3V2_FOOTER_FLAG ? ID3V2_HEADER_BYTES : 0) : 0;
    }
    for (;;) {
      const at = this.next - base;
      if (at > data.length) {
        this.keep(new Uint8Array(0), 0, this.next);
        return;
      }
      const reach = this.frames === 0 ? INFO_HEADER_REACH : HEADER_BYTES;
      if (at + reach > data.length) {
        this.keep(data.subarray(at), base + at, this.next);
        return;
      }
      const header = parseHeader(data, at);
      if (!header) {
        // A trailing tag ends the frames; anything else means lost sync, where mpg123 resyncs and no judgement is made.
        this.stopped = true;
        this.lostSync = !TRAILERS.some((t) => String.fromCharCode(...data.subarray(at, at + t.length)) === t);
        return;
      }
      if (this.frames === 0) {
        this.channels = header.mono ? 1 : 2;
        this.promised = promisedFrames(data, at, header);
        this.sawInfoFrame = this.promised !== null;
      }
      this.frames++;
      this.lastFrame = { at: this.next, bytes: header.bytes };
      this.next += header.bytes;
    }
  }

  private keep(bytes: Uint8Array, at: number, next: number): void {
    this.carry = bytes.slice();
    this.carryAt = at;
    this.next = next;
  }

  /** After the last chunk (`totalBytes` in all): why the stream looks cut off, or null if it looks whole. */
  verdict(totalBytes: number): string | null {
    const audioFrames = this.frames - (this.sawInfoFrame ? 1 : 0);
    if (this.promised !== null && audioFrames < this.promised)
      return `${audioFrames} of the ${this.promised} MPEG frames its Xing/Info header promises`;
    if (this.stopped) return null;
    if (this.next > totalBytes)
      return `the last MPEG frame is cut off (${totalBytes - this.lastFrame.at} of its ${this.lastFrame.bytes} bytes are there)`;
    return null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
