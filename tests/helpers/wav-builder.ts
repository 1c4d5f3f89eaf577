/**
 * WAV files assembled chunk by chunk in the tests, from the RIFF/WAVE specification and
 * mmreg.h, sharing no code with the reader or writer under test: for the odd files real use
 * meets (two fmt chunks, chunks after the audio, corrupt derived fields, foreign sub-formats,
 * valid bits below the container, absurd channel counts).
 */
import { quantise } from "./audio-files.js";

export interface FmtFields {
  channels: number;
  sampleRate: number;
  bits: number;
  /** PCM (1) or IEEE float (3). */
  tag?: number;
  /** WAVE_FORMAT_EXTENSIBLE with these valid bits (default: plain WAVEFORMATEX). */
  validBits?: number;
  extensible?: boolean;
  /** The 16-byte sub-format GUID (default KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT). */
  guid?: number[];
  /** nAvgBytesPerSec as written (default: correct). */
  avgBytesPerSecond?: number;
}

export const PCM_GUID = [1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71];

export function fmt(f: FmtFields): Buffer {
  const tag = f.tag ?? 1,
    extensible = f.extensible ?? f.validBits !== undefined;
  const body = Buffer.alloc(extensible ? 40 : 16);
  const blockAlign = f.channels * (f.bits / 8);
  body.writeUInt16LE(extensible ? 0xfffe : tag, 0);
  body.writeUInt16LE(f.channels, 2);
  body.writeUInt32LE(f.sampleRate, 4);
  body.writeUInt32LE(f.avgBytesPerSecond ?? f.sampleRate * blockAlign, 8);
  body.writeUInt16LE(blockAlign, 12);
  body.writeUInt16LE(f.bits, 14);
  if (extensible) {
    body.writeUInt16LE(22, 16);
    body.writeUInt16LE(f.validBits ?? f.bits, 18);
    // dwChannelMask: stereo FL FR, 5.1 FL FR FC LFE BL BR; otherwise unassigned.
    body.writeUInt32LE(f.channels === 2 ? 0x3 : f.channels === 6 ? 0x3f : f.channels === 1 ? 0x4 : 0, 20);
    Buffer.from(f.guid ?? [tag, ...PCM_GUID.slice(1)]).copy(body, 24);
  }
  return body;
}

/** Interleaved integer PCM: each sample quantised to `validBits` and placed in the top bits of a `bits`-bit word. */
export function pcm(channels: Float32Array[], bits: number, validBits = bits): Buffer {
  const frames = channels[0]!.length,
    width = bits / 8;
  const data = Buffer.alloc(frames * channels.length * width);
  for (let n = 0; n < frames; n++) {
    channels.forEach((c, ch) => {
      const q = quantise(c[n]!, validBits) * 2 ** (bits - validBits);
      const at = (n * channels.length + ch) * width;
      if (width === 1) data.writeUInt8(q + 128, at);
      else data.writeIntLE(q, at, width);
    });
  }
  return data;
}

/** A RIFF/WAVE file of the given chunks, in order (each padded to an even size). */
export function wavFromChunks(chunks: [string, Buffer][]): Buffer {
  const parts = chunks.map(([id, body]) => {
    const header = Buffer.alloc(8);
    header.write(id, 0, "latin1");
    header.writeUInt32LE(body.length, 4);
    return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
  });
  const body = Buffer.concat([Buffer.from("WAVE", "latin1"), ...parts]);
  const riff = Buffer.alloc(8);
  riff.write("RIFF", 0, "latin1");
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/** The chunks of a RIFF/WAVE file as [id, body] in order (the test's own parser). */
export function chunksOf(file: Buffer): [string, Buffer][] {
  const chunks: [string, Buffer][] = [];
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString("latin1", at, at + 4),
      size = file.readUInt32LE(at + 4);
    chunks.push([id, file.subarray(at + 8, at + 8 + size)]);
    at += 8 + size + (size % 2);
  }
  return chunks;
}
