/*
 * The real kernel glue (host/formats/native/core/kernel.c) around a kernel whose fourth processRange call
 * traps, as a kernel bug would: the trap goes through wasm2c's own trap path to the guard. For
 * tests/native/clap-trap.c only.
 */
#include "gainstage-kernel.h"

static int calls;
static u32 trapping_process_range(w2c_gainstage *instance, u32 start, u32 count) {
  if (++calls > 3) wasm_rt_trap(WASM_RT_TRAP_OOB);
  return w2c_gainstage_processRange(instance, start, count);
}
#define w2c_gainstage_processRange trapping_process_range
#include "../../host/formats/native/core/kernel.c"
