/*
 * The runtime interface the kernel's C (wasm2c 1.0.39's output of the SIMD build) expects, declared
 * by us for a plugin inside a host: no signal handlers, no address-space reservations (bounds are
 * checked in code, WASM_RT_MEMCHECK_GUARD_PAGES 0), no segment registers, no call-depth counter
 * (the kernel does not recurse), one instance's memory its own. A trap returns to the kernel's guard
 * (kernel.c), never aborts the host. The SIMD type is SIMDe's (Debian's libsimde-dev), which wasm2c's
 * output includes itself. Written by hand: wabt's own runtime is not on this machine in the version
 * that translates SIMD (npm's wabt ships the translator only).
 */
#ifndef GAINSTAGE_WASM_RT_H
#define GAINSTAGE_WASM_RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WASM_RT_USE_SEGUE 0
#define WASM_RT_STACK_DEPTH_COUNT 0
#define WASM_RT_MAX_CALL_STACK_DEPTH 0
#define WASM_RT_MEMCHECK_GUARD_PAGES 0
#define WASM_RT_SANITY_CHECKS 0
#define WASM_RT_SEGUE_FREE_SEGMENT 0
#define wasm_rt_memcpy memcpy

typedef enum {
  WASM_RT_TRAP_NONE,
  WASM_RT_TRAP_OOB,
  WASM_RT_TRAP_INT_OVERFLOW,
  WASM_RT_TRAP_DIV_BY_ZERO,
  WASM_RT_TRAP_INVALID_CONVERSION,
  WASM_RT_TRAP_UNREACHABLE,
  WASM_RT_TRAP_CALL_INDIRECT,
  WASM_RT_TRAP_UNCAUGHT_EXCEPTION,
  WASM_RT_TRAP_UNALIGNED,
  WASM_RT_TRAP_EXHAUSTION,
  WASM_RT_TRAP_NULL_REF,
} wasm_rt_trap_t;

typedef enum { WASM_RT_I32, WASM_RT_I64, WASM_RT_F32, WASM_RT_F64, WASM_RT_V128, WASM_RT_FUNCREF, WASM_RT_EXTERNREF } wasm_rt_type_t;

typedef void (*wasm_rt_function_ptr_t)(void);
struct wasm_rt_tailcallee_t;
typedef void (*wasm_rt_tailcallee_fn)(void **, struct wasm_rt_tailcallee_t *);
typedef struct wasm_rt_tailcallee_t {
  wasm_rt_tailcallee_fn fn;
} wasm_rt_tailcallee_t;
typedef const char *wasm_rt_func_type_t;
typedef struct {
  wasm_rt_func_type_t func_type;
  wasm_rt_function_ptr_t func;
  wasm_rt_tailcallee_t func_tailcallee;
  void *module_instance;
} wasm_rt_funcref_t;
static const wasm_rt_funcref_t wasm_rt_funcref_null_value = {0};
typedef void *wasm_rt_externref_t;
static const wasm_rt_externref_t wasm_rt_externref_null_value = 0;

/* One linear memory: `size` bytes at `data`, grown by the kernel only while it is set up. */
typedef struct {
  uint8_t *data;
  uint64_t pages, max_pages, size;
  bool is64;
} wasm_rt_memory_t;
typedef struct {
  wasm_rt_funcref_t *data;
  uint32_t max_size, size;
} wasm_rt_funcref_table_t;
typedef struct {
  wasm_rt_externref_t *data;
  uint32_t max_size, size;
} wasm_rt_externref_table_t;

/* A trap: back to the guard of the kernel call that raised it (kernel.c). */
void wasm_rt_trap(wasm_rt_trap_t trap) __attribute__((noreturn));
bool wasm_rt_is_initialized(void);
void wasm_rt_allocate_memory(wasm_rt_memory_t *memory, uint64_t initial_pages, uint64_t max_pages, bool is64,
                             uint32_t page_size);
/* Grows by `pages`; the old page count, or (uint64_t)-1 if it cannot. [main thread: set-up only] */
uint64_t wasm_rt_grow_memory(wasm_rt_memory_t *memory, uint64_t pages);
void wasm_rt_free_memory(wasm_rt_memory_t *memory);

#endif
