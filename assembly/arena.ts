// Arena: the kernel's only allocator. Set-up lays every meter's state out in one bump region
// after the static data; `arenaReset()` rewinds it so set-up can run again (new sample rate or
// channel count) without leaking. Nothing allocates after set-up, so linear memory never grows
// while audio is processed (docs/architecture.md, "Kernel rules").

const ALIGN_BYTES: usize = 16; // v128 loads are fastest aligned; f64 needs 8
const PAGE_BYTES: usize = 65536;

const arenaStart: usize = (__heap_base + ALIGN_BYTES - 1) & ~(ALIGN_BYTES - 1);
let arenaTop: usize = arenaStart;
// Bytes below this have been handed out before; above it memory is as the engine grew it: zero
// (WebAssembly memory.grow zero-fills), so set-up neither writes nor touches those pages again.
let arenaDirtyTop: usize = arenaStart;
// Memory grows at least this much at a time: each grow is an engine call (V8 may remap or copy),
// and set-up makes hundreds of allocations.
const GROW_MIN_PAGES: i32 = 32; // 2 MiB

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
    if (memory.grow(max(pages, GROW_MIN_PAGES)) < 0 && memory.grow(pages) < 0) return 0;
  }
  if (ptr < arenaDirtyTop) memory.fill(ptr, 0, min(end, arenaDirtyTop) - ptr);
  arenaTop = end;
  arenaDirtyTop = max(arenaDirtyTop, end);
  return ptr;
}

/** Bytes in use by the arena (for tests and the benchmark's memory figure). */
export function arenaUsedBytes(): usize {
  return arenaTop - arenaStart;
}
