/**
 * What the app needs to know about an audio file before the browser decodes it: its sample rate
 * (so the AudioContext can run at it: decodeAudioData resamples to the context's rate, which
 * changes the samples and the peaks), and whether it stores integer samples of some depth (so
 * a clipped sample is counted as the command line counts it: the format's largest or smallest
 * code). Read from the first bytes: WAV/RF64 fmt, FLAC STREAMINFO, MPEG frame header, Ogg Vorbis
 * identification header, Opus (always decoded at 48 kHz). Unknown containers give nulls.
 * Pure (no DOM, no Web Audio). Thread: main thread.
 */

export interface FileHeader {
  container: "wav" | "flac" | "mp3" | "ogg" | "unknown";
  /** The file's own sample rate, or null when the header does not say (or is not read). */
  sampleRate: number | null;
  /** The integer depth of the stored samples (valid bits), or 0 for float or lossy audio. */
  integerBits: number;
}

const UNKNOWN: FileHeader = { container: "unknown", sampleRate: null, integerBits: 0 };
/** MPEG-1, MPEG-2, MPEG-2.5 sampling rates by the header's version field (ISO/IEC 11172-3, 13818-3). */
const MPEG_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};
const OPUS_DECODE_RATE = 48000;

function text(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function wav(view: DataView, bytes: Uint8Array): FileHeader {
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = text(bytes, at, 4),
      size = view.getUint32(at + 4, true);
    if (id === "fmt " && at + 8 + 16 <= bytes.length) {
      let tag = view.getUint16(at + 8, true);
      const sampleRate = view.getUint32(at + 12, true);
      let bits = view.getUint16(at + 22, true);
      if (tag === 0xfffe && at + 8 + 26 <= bytes.length) {
        const valid = view.getUint16(at + 26, true);
        if (valid > 0) bits = valid;
        tag = view.getUint16(at + 32, true);
      }
      return { container: "wav", sampleRate, integerBits: tag === 1 ? bits : 0 };
    }
    at += 8 + size + (size % 2);
  }
  return { ...UNKNOWN, container: "wav" };
}

function flac(bytes: Uint8Array): FileHeader {
  if (bytes.length < 8 + 18) return { ...UNKNOWN, container: "flac" };
  const info = 8; // "fLaC" + block header; STREAMINFO's rate (20 bits) and bits − 1 (5 bits) follow its sizes
  const sampleRate = (bytes[info + 10]! << 12) | (bytes[info + 11]! << 4) | (bytes[info + 12]! >> 4);
  const bits = (((bytes[info + 12]! & 1) << 4) | (bytes[info + 13]! >> 4)) + 1;
  return { container: "flac", sampleRate, integerBits: bits };
}

function mp3(bytes: Uint8Array): FileHeader {
  let at = 0;
  if (text(bytes, 0, 3) === "ID3" && bytes.length >= 10)
    at =
      10 + (((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f));
  for (; at + 4 <= bytes.length; at++) {
    if (bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) continue;
    const rate = MPEG_RATES[(bytes[at + 1]! >> 3) & 3]?.[(bytes[at + 2]! >> 2) & 3];
    if (rate) return { container: "mp3", sampleRate: rate, integerBits: 0 };
  }
  return { ...UNKNOWN, container: "mp3" };
}

function ogg(view: DataView, bytes: Uint8Array): FileHeader {
  // The first page's first packet is the codec's identification header.
  const segments = bytes[26] ?? 0,
    packet = 27 + segments;
  if (text(bytes, packet, 7) === "\u0001vorbis" && packet + 16 <= bytes.length)
    return { container: "ogg", sampleRate: view.getUint32(packet + 12, true), integerBits: 0 };
  if (text(bytes, packet, 8) === "OpusHead") return { container: "ogg", sampleRate: OPUS_DECODE_RATE, integerBits: 0 };
  return { ...UNKNOWN, container: "ogg" };
}

/** Reads the header of an audio file from its first bytes (64 KiB is plenty). */
export function readFileHeader(buffer: ArrayBuffer): FileHeader {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const magic = text(bytes, 0, 4);
  if ((magic === "RIFF" || magic === "RF64" || magic === "BW64") && text(bytes, 8, 4) === "WAVE")
    return wav(view, bytes);
  if (magic === "fLaC") return flac(bytes);
  if (magic === "OggS") return ogg(view, bytes);
  if (text(bytes, 0, 3) === "ID3" || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)) return mp3(bytes);
  return UNKNOWN;
}
