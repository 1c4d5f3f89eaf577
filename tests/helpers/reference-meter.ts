/**
 * A plain double-precision reference meter, written from docs/metering.md and the standards, sharing
 * no code with the kernel: whole-signal arrays, prefix sums, sort-based percentiles, no quanta,
 * no histograms, no SIMD. Slow and obvious on purpose.
 */

/** K-weighting coefficients as tabulated in docs/metering.md §4 (BS.1770 Tables 1–2 at 48 kHz). */
const K_TABLE: Record<number, { shelf: number[]; shelfA: number[]; hpA: number[] }> = {
  44100: {
    shelf: [1.53084123005035, -2.65097999515473, 1.16907907992159],
    shelfA: [-1.66365511325602, 0.712595428073225],
    hpA: [-1.9891696736298, 0.989199035787039],
  },
  48000: {
    shelf: [1.53512485958697, -2.69169618940638, 1.19839281085285],
    shelfA: [-1.69065929318241, 0.73248077421585],
    hpA: [-1.99004745483398, 0.99007225036621],
  },
  88200: {
    shelf: [1.55751537557965, -2.90562707992635, 1.36133397747221],
    shelfA: [-1.83091998796233, 0.844142261087853],
    hpA: [-1.99457751545034, 0.994584875878055],
  },
  96000: {
    shelf: [1.5597142289758, -2.92674157825108, 1.37826120231582],
    shelfA: [-1.84460946989011, 0.855843322930641],
    hpA: [-1.99501754472472, 0.995023759040923],
  },
  192000: {
    shelf: [1.57222721509128, -3.04728305156155, 1.47797134097961],
    shelfA: [-1.92220223060749, 0.925117735116826],
    hpA: [-1.9975072228407, 0.99750877835551],
  },
};

export function kWeight(x: ArrayLike<number>, sampleRate: number): Float64Array {
  const k = K_TABLE[sampleRate];
  if (!k) throw new Error(`no tabulated K-weighting for ${sampleRate} Hz`);
  const [b0, b1, b2] = k.shelf as [number, number, number];
  const [a1, a2] = k.shelfA as [number, number];
  const [h1, h2] = k.hpA as [number, number];
  const y = new Float64Array(x.length);
  let x1 = 0,
    x2 = 0,
    m1 = 0,
    m2 = 0,
    y1 = 0,
    y2 = 0;
  for (let n = 0; n < x.length; n++) {
    const xn = x[n]!;
    const m = b0 * xn + b1 * x1 + b2 * x2 - a1 * m1 - a2 * m2;
    const yn = m - 2 * m1 + m2 - h1 * y1 - h2 * y2;
    x2 = x1;
    x1 = xn;
    m2 = m1;
    m1 = m;
    y2 = y1;
    y1 = yn;
    y[n] = yn;
  }
  return y;
}

const BS1770_WEIGHTS: Record<number, number[]> = {
  1: [1],
  2: [1, 1],
  5: [1, 1, 1, 1.41, 1.41],
  6: [1, 1, 1, 0, 1.41, 1.41],
};

/** Prefix sums of Σ_i G_i·y_i² (so any window's energy is a difference). */
export function weightedEnergyPrefix(channels: ArrayLike<number>[], sampleRate: number): Float64Array {
  const weights = BS1770_WEIGHTS[channels.length] ?? channels.map(() => 1);
  const filtered = channels.map((c) => kWeight(c, sampleRate));
  const frames = channels[0]!.length;
  const prefix = new Float64Array(frames + 1);
  for (let n = 0; n < frames; n++) {
    let e = 0;
    for (let c = 0; c < filtered.length; c++) e += weights[c]! * filtered[c]![n]! ** 2;
    prefix[n + 1] = prefix[n]! + e;
  }
  return prefix;
}

const lufs = (energy: number): number => (energy > 0 ? -0.691 + 10 * Math.log10(energy) : -Infinity);

/** Loudness of the window of `windowFrames` ending at frame `end` (missing part = silence). */
export function windowLoudness(prefix: Float64Array, end: number, windowFrames: number): number {
  const start = Math.max(0, end - windowFrames);
  return lufs((prefix[end]! - prefix[start]!) / windowFrames);
}

/** BS.1770-5 integrated loudness, straight from eqs. 3–7. */
export function integratedLoudness(prefix: Float64Array, sampleRate: number): number {
  const frames = prefix.length - 1;
  const gate = Math.round(0.4 * sampleRate),
    hop = Math.round(0.1 * sampleRate);
  const energies: number[] = [];
  for (let start = 0; start + gate <= frames; start += hop)
    energies.push((prefix[start + gate]! - prefix[start]!) / gate);
  const aboveAbsolute = energies.filter((e) => lufs(e) > -70);
  if (aboveAbsolute.length === 0) return -Infinity;
  const relative = lufs(aboveAbsolute.reduce((a, b) => a + b, 0) / aboveAbsolute.length) - 10;
  const gated = aboveAbsolute.filter((e) => lufs(e) > relative);
  return lufs(gated.reduce((a, b) => a + b, 0) / gated.length);
}

/** EBU Tech 3342 loudness range from short-term values every 100 ms after the first 3 s. */
export function loudnessRange(prefix: Float64Array, sampleRate: number): number {
  const frames = prefix.length - 1;
  const window = Math.round(3 * sampleRate),
    hop = Math.round(0.1 * sampleRate);
  const values: number[] = [];
  for (let end = window; end <= frames; end += hop) values.push(windowLoudness(prefix, end, window));
  const kept = values.filter((v) => v >= -70);
  if (kept.length === 0) return 0;
  const relative = 10 * Math.log10(kept.reduce((a, v) => a + 10 ** (v / 10), 0) / kept.length) - 20;
  const gated = kept.filter((v) => v >= relative).sort((a, b) => a - b);
  const at = (p: number) => gated[Math.round((gated.length - 1) * p + 1) - 1]!;
  return at(0.95) - at(0.1);
}

/** RMS (mean square) of the `windowFrames` ending at `end`. */
export function meanSquare(x: ArrayLike<number>, end: number, windowFrames: number): number {
  let sum = 0;
  for (let n = Math.max(0, end - windowFrames); n < end; n++) sum += x[n]! ** 2;
  return sum / windowFrames;
}

/** VU reading (sine-calibrated, linear) after each sample, per docs/metering.md §8. */
export function vuReadings(x: ArrayLike<number>, sampleRate: number): Float64Array {
  const w = 11.1 / sampleRate;
  let z1 = 0,
    z2 = 0;
  const out = new Float64Array(x.length);
  for (let n = 0; n < x.length; n++) {
    z1 += w * (Math.abs(x[n]!) - z2 / 2 - z1);
    z2 += w * (z1 - z2);
    out[n] = 1.5 * (Math.PI / 2) * z2;
  }
  return out;
}

export function samplePeak(x: ArrayLike<number>): number {
  let peak = 0;
  for (let n = 0; n < x.length; n++) peak = Math.max(peak, Math.abs(x[n]!));
  return peak;
}

/**
 * Near-exact band-limited peak: 32× interpolation with a Kaiser-windowed sinc spanning
 * ±64 input samples (β = 10), far beyond what a meter can afford.
 */
export function bandLimitedPeak(x: ArrayLike<number>): number {
  const factor = 32,
    half = 64,
    beta = 10;
  const bessel = (v: number) => {
    let s = 1,
      t = 1;
    for (let k = 1; k < 30; k++) {
      t *= (v / (2 * k)) ** 2;
      s += t;
    }
    return s;
  };
  // coefficient of input sample n + j for the point n + p/factor, j = −half+1 … half
  const table = Array.from({ length: factor }, (_, p) =>
    Array.from({ length: 2 * half }, (_, i) => {
      const d = p / factor - (i - half + 1);
      if (d === 0) return 1;
      return (
        ((Math.sin(Math.PI * d) / (Math.PI * d)) * bessel(beta * Math.sqrt(Math.max(0, 1 - (d / half) ** 2)))) /
        bessel(beta)
      );
    }),
  );
  let peak = samplePeak(x);
  for (let n = 0; n < x.length - 1; n++) {
    for (let p = 1; p < factor; p++) {
      const row = table[p]!;
      let acc = 0;
      for (let i = 0; i < 2 * half; i++) {
        const k = n + i - half + 1;
        if (k >= 0 && k < x.length) acc += x[k]! * row[i]!;
      }
      peak = Math.max(peak, Math.abs(acc));
    }
  }
  return peak;
}
