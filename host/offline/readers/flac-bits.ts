/**
 * Reading a FLAC bit stream (RFC 9639 §9: big-endian, most significant bit first) and its two
 * checksums: CRC-8 (polynomial x^8 + x^2 + x + 1, initial 0) over a frame header and CRC-16
 * (x^16 + x^15 + x^2 + 1, initial 0) over a whole frame (RFC 9639 §9.1.8, §9.3).
 * Thread: the offline host (main thread or a worker).
 */

/** Thrown when a frame needs more bytes than the buffer holds: the caller waits for more input. */
export class OutOfData extends Error {}

const CRC8_POLY = 0x07;
const CRC16_POLY = 0x8005;

function crcTable(bits: number, poly: number): Uint16Array {
  const top = 1 << (bits - 1),
    mask = (1 << bits) - 1;
  return Uint16Array.from({ length: 256 }, (_, byte) => {
    let crc = byte << (bits - 8);
    for (let i = 0; i < 8; i++) crc = crc & top ? ((crc << 1) ^ poly) & mask : (crc << 1) & mask;
    return crc;
  });
}
const CRC8 = crcTable(8, CRC8_POLY);
const CRC16 = crcTable(16, CRC16_POLY);

export function crc8(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = CRC8[crc ^ bytes[i]!]!;
  return crc;
}

export function crc16(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = ((crc << 8) & 0xffff) ^ CRC16[(crc >> 8) ^ bytes[i]!]!;
  return crc;
}

/** Folded Rice values below this decode in 32-bit integer arithmetic. */
const FOLDED_INT_LIMIT = 2 ** 31;

/** A cursor over `bytes` from `start` to `end`, reading up to 32 bits at a time. */
export class BitReader {
  /** Index of the next byte to load into the cache. */
  private next: number;
  /** Up to 32 bits not yet consumed, left-aligned in `cacheBits` bits of `cache`. */
  private cache = 0;
  private cacheBits = 0;

  constructor(
    private bytes: Uint8Array,
    start: number,
    private end: number,
  ) {
    this.next = start;
  }

  /** Byte position of the next unread bit, when byte-aligned (the caller checks `aligned`). */
  get position(): number {
    return this.next - (this.cacheBits >> 3);
  }
  get aligned(): boolean {
    return (this.cacheBits & 7) === 0;
  }

  private fill(): void {
    while (this.cacheBits <= 24) {
      if (this.next >= this.end) {
        if (this.cacheBits === 0) throw new OutOfData();
        return;
      }
      this.cache = (this.cache << 8) | this.bytes[this.next++]!;
      this.cacheBits += 8;
    }
  }

  /** An unsigned number of `count` bits (0 … 32). */
  bits(count: number): number {
    if (count === 0) return 0;
    if (count > 24) return this.bits(count - 16) * 65536 + this.bits(16);
    if (this.cacheBits < count) {
      this.fill();
      if (this.cacheBits < count) throw new OutOfData();
    }
    this.cacheBits -= count;
    return (this.cache >>> this.cacheBits) & ((1 << count) - 1);
  }

  /** A two's complement number of `count` bits (1 … 33). */
  signed(count: number): number {
    const wide = count > 32;
    const value = this.bits(Math.min(count, 32)) * (wide ? 2 : 1) + (wide ? this.bits(1) : 0);
    return value >= 2 ** (count - 1) ? value - 2 ** count : value;
  }

  /** A unary number: how many 0 bits come before the next 1 bit (which is consumed). */
  unary(): number {
    let zeros = 0;
    for (;;) {
      if (this.cacheBits === 0) this.fill();
      const window = (this.cache << (32 - this.cacheBits)) | 0;
      if (window !== 0) {
        const lead = Math.clz32(window);
        if (lead < this.cacheBits) {
          this.cacheBits -= lead + 1;
          return zeros + lead;
        }
      }
      zeros += this.cacheBits;
      this.cacheBits = 0;
    }
  }

  /**
   * A partition of Rice codes with parameter `k` (RFC 9639 §9.2.7.2: a unary quotient, then `k`
   * bits) into out[from … to), each folded value turned back into its signed residual. The hot
   * loop of FLAC decoding: the cursor lives in locals, bytes are loaded a word's worth at a time.
   */
  rice(out: Float64Array, from: number, to: number, k: number): void {
    const bytes = this.bytes,
      end = this.end;
    let next = this.next,
      cache = this.cache,
      cacheBits = this.cacheBits;
    const scale = 2 ** k,
      mask = k > 24 ? 0 : (1 << k) - 1;
    try {
      for (let n = from; n < to; n++) {
        let quotient = 0;
        for (;;) {
          while (cacheBits <= 24 && next < end) {
            cache = (cache << 8) | bytes[next++]!;
            cacheBits += 8;
          }
          if (cacheBits === 0) throw new OutOfData();
          const window = (cache << (32 - cacheBits)) | 0;
          const lead = window === 0 ? 32 : Math.clz32(window);
          if (lead < cacheBits) {
            cacheBits -= lead + 1;
            quotient += lead;
            break;
          }
          quotient += cacheBits;
          cacheBits = 0;
        }
        let remainder = 0;
        if (k > 24) {
          // Rare (parameters above 24 code residuals near 2^30): the general reader.
          this.next = next;
          this.cache = cache;
          this.cacheBits = cacheBits;
          remainder = this.bits(k);
          ({ next, cache, cacheBits } = this);
        } else if (k > 0) {
          while (cacheBits <= 24 && next < end) {
            cache = (cache << 8) | bytes[next++]!;
            cacheBits += 8;
          }
          if (cacheBits < k) throw new OutOfData();
          cacheBits -= k;
          remainder = (cache >>> cacheBits) & mask;
        }
        const folded = quotient * scale + remainder;
        // Zig-zag: 0, 1, 2, 3 … ↔ 0, −1, 1, −2 …; in 32-bit integers when it fits, else exactly in doubles.
        out[n] =
          folded < FOLDED_INT_LIMIT
            ? (folded >>> 1) ^ -(folded & 1)
            : folded % 2 === 0
              ? folded / 2
              : -(folded + 1) / 2;
      }
    } finally {
      this.next = next;
      this.cache = cache;
      this.cacheBits = cacheBits;
    }
  }

  /** Skips to the next byte boundary. */
  align(): void {
    this.cacheBits -= this.cacheBits & 7;
  }
}
