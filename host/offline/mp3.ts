/**
 * MP3 (MPEG-1/2 Layer III, also I/II) through the decoder library mpg123-decoder (libmpg123 in
 * WebAssembly), streamed by decoded-stream.ts; gapless (the encoder's delay and padding, from the
 * LAME/Xing header, are removed), so the measured audio is the music. Lossy: the samples are the
 * decoder's floats, and a trimmed copy is written as 32-bit float WAV (no MP3 encoder here).
 * Thread: the offline host (main thread or a worker).
 */
import { MPEGDecoder } from "mpg123-decoder";
import { DecodedStreamReader, type StreamHeader } from "./decoded-stream.js";

const EMPTY = { channelData: [], samplesDecoded: 0, sampleRate: 0, errors: [] };

const header = (): StreamHeader => ({
  container: "mp3", description: "MP3 (decoded to 32-bit float)", format: { kind: "float", bits: 32 }, sampleRate: null, channels: null, totalFrames: 0,
});

export function openMp3(path: string): Promise<DecodedStreamReader> {
  return DecodedStreamReader.open(path, header, async () => {
    const decoder = new MPEGDecoder({ enableGapless: true });
    await decoder.ready;
    return { decode: (bytes) => decoder.decode(bytes), flush: () => EMPTY, free: () => decoder.free() };
  });
}

/** An MP3 file starts with an ID3v2 tag or an MPEG audio frame sync (11 set bits). */
export function looksLikeMp3(head: Buffer): boolean {
  return head.toString("latin1", 0, 3) === "ID3" || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0);
}
