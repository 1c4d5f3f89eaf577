/**
 * FLAC files through the decoder library @wasm-audio-decoders/flac (libFLAC in WebAssembly),
 * streamed by decoded-stream.ts. STREAMINFO (FLAC format specification, METADATA_BLOCK_STREAMINFO)
 * gives rate, channels, bit depth and the promised length, so a cut-off file is caught.
 * Thread: the offline host (main thread or a worker).
 */
import { readSync } from "node:fs";
import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { AudioFileError } from "./audio-file.js";
import { DecodedStreamReader, type StreamHeader } from "./decoded-stream.js";

const STREAMINFO_TYPE = 0;
const STREAMINFO_BYTES = 34;

function readStreamInfo(fd: number): StreamHeader {
  const head = Buffer.alloc(8 + STREAMINFO_BYTES);
  if (readSync(fd, head, 0, head.length, 0) < head.length) throw new AudioFileError("truncated: shorter than a FLAC header");
  if ((head[4]! & 0x7f) !== STREAMINFO_TYPE || head.readUIntBE(5, 3) !== STREAMINFO_BYTES) throw new AudioFileError("corrupt: FLAC without a STREAMINFO block");
  const info = head.subarray(8);
  const sampleRate = (info[10]! << 12) | (info[11]! << 4) | (info[12]! >> 4);
  const channels = ((info[12]! >> 1) & 0x7) + 1;
  const bits = (((info[12]! & 0x1) << 4) | (info[13]! >> 4)) + 1;
  const totalFrames = (info[13]! & 0xf) * 2 ** 32 + info.readUInt32BE(14);
  if (sampleRate === 0) throw new AudioFileError("corrupt: FLAC sample rate 0");
  return { container: "flac", description: `FLAC PCM ${bits}-bit`, format: { kind: "int", bits }, sampleRate, channels, totalFrames };
}

export function openFlac(path: string): Promise<DecodedStreamReader> {
  return DecodedStreamReader.open(path, readStreamInfo, async () => {
    const decoder = new FLACDecoder();
    await decoder.ready;
    return decoder;
  });
}
