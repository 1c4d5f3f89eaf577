// Arena: the kernel's only allocator. Set-up lays every meter's state out in one bump region
// after the static data; `arenaReset()` rewinds it so set-up can run again (new sample rate or
// channel count) without leaking. Nothing allocates after set-up, so linear memory never grows
// while audio is processed (docs/architecture.md, "Kernel rules").

const ALIGN_BYTES: usize = 16; // v128 loads are fastest aligned; f64 needs 8
const PAGE_BYTES: usize = 65536;

const arenaStart: usize = (__heap_base + ALIGN_BYTES - 1) & ~(ALIGN_BYTES - 1);
let arenaTop: usize = arenaStart;

/** Rewinds the arena: every pointer handed out before becomes invalid. */
export function arenaReset(): void {
  arenaTop = arenaStart;
}

/**
 * Reserves `bytes` zero-filled bytes aligned to 16, growing memory when needed.
 * Returns 0 when the engine refuses to grow memory (the caller reports an error status).
 */
export function arenaAlloc(bytes: usize): usize {
  const ptr = arenaTop;
  const end = (ptr + bytes + ALIGN_BYTES - 1) & ~(ALIGN_BYTES - 1);
  const haveBytes = <usize>memory.size() * PAGE_BYTES;
  if (end > haveBytes) {
    const pages = <i32>((end - haveBytes + PAGE_BYTES - 1) / PAGE_BYTES);
    if (memory.grow(pages) < 0) return 0;
  }
  memory.fill(ptr, 0, end - ptr);
  arenaTop = end;
  return ptr;
}

/** Bytes in use by the arena (for tests and the benchmark's memory figure). */
export function arenaUsedBytes(): usize {
  return arenaTop - arenaStart;
}
