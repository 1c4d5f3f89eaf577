/** Test signals the in-page scenarios render (48 kHz). */
export const rate = 48000;

export function sineBuffer(
  _context: BaseAudioContext,
  seconds: number,
  hz: number,
  dbfs: number,
  channels: number,
): AudioBuffer {
  const buffer = new AudioBuffer({ length: Math.round(seconds * rate), sampleRate: rate, numberOfChannels: channels });
  const amplitude = 10 ** (dbfs / 20);
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c);
    for (let n = 0; n < data.length; n++) data[n] = amplitude * Math.sin((2 * Math.PI * hz * n) / rate);
  }
  return buffer;
}

export const head = (data: Float32Array, from: number, count: number) => Array.from(data.subarray(from, from + count));
