/* The runtime (wasm-rt.h) for the kernel's C: memory from the C heap, traps to the kernel's guard. */
#include "wasm-rt.h"

#include <stdlib.h>

/* WebAssembly's page. */
#define PAGE_BYTES 65536u

void gs_kernel_trap(int code) __attribute__((noreturn));

void wasm_rt_trap(wasm_rt_trap_t trap) { gs_kernel_trap((int)trap); }

bool wasm_rt_is_initialized(void) { return true; }

void wasm_rt_allocate_memory(wasm_rt_memory_t *memory, uint64_t initial_pages, uint64_t max_pages, bool is64,
                             uint32_t page_size) {
  (void)page_size; /* the kernel's pages are WebAssembly's */
  memory->data = calloc(initial_pages ? initial_pages : 1, PAGE_BYTES);
  if (!memory->data) wasm_rt_trap(WASM_RT_TRAP_OOB);
  memory->pages = initial_pages;
  memory->max_pages = max_pages;
  memory->size = initial_pages * PAGE_BYTES;
  memory->is64 = is64;
}

uint64_t wasm_rt_grow_memory(wasm_rt_memory_t *memory, uint64_t delta) {
  const uint64_t old = memory->pages, pages = old + delta;
  if (pages > memory->max_pages) return (uint64_t)-1;
  uint8_t *data = realloc(memory->data, pages * PAGE_BYTES);
  if (!data) return (uint64_t)-1;
  memset(data + old * PAGE_BYTES, 0, delta * PAGE_BYTES);
  memory->data = data;
  memory->pages = pages;
  memory->size = pages * PAGE_BYTES;
  return old;
}

void wasm_rt_free_memory(wasm_rt_memory_t *memory) {
  free(memory->data);
  memory->data = NULL;
  memory->size = memory->pages = 0;
}
