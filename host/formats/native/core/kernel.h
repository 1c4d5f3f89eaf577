/*
 * The Gainstage kernel in a native process: the very AssemblyScript kernel the browser runs,
 * its SIMD build compiled to C by wasm2c 1.0.39 (WebAssembly's SIMD as SIMDe's portable
 * intrinsics). Each gs_kernel owns its linear memory and globals: no state is shared between
 * instances.
 *
 * Safe in a host process: our runtime (wasm-rt.h) has no signal handlers or address-space
 * reservations (bounds are checked in code) and no shared call-depth counter (the kernel does
 * not recurse). The
 * kernel imports nothing (no env.abort to supply: --noAssert compiles its aborts away, and the
 * build refuses a kernel with imports). A trap cannot unwind into the host: every call into the
 * kernel runs under a per-thread guard; a trap marks the instance failed and it outputs silence.
 *
 * Threads: gs_kernel_create/activate/destroy on the main thread (they allocate); the rest on the
 * audio thread or, when not processing, the main thread. Nothing after activate allocates.
 */
#ifndef GAINSTAGE_KERNEL_H
#define GAINSTAGE_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "gainstage-contract.h"

typedef struct gs_kernel gs_kernel;

/* A kernel instance with its own memory; NULL if out of memory. [main thread] */
gs_kernel *gs_kernel_create(void);
void gs_kernel_destroy(gs_kernel *kernel);

/* Prepares for `sample_rate` (Hz) and `channels` (1 … GS_MAX_CHANNELS); false if refused (nothing changes). [main thread] */
bool gs_kernel_activate(gs_kernel *kernel, double sample_rate, uint32_t channels);

/* Sets parameter `id` (plain units) in the kernel; the kernel ramps gain changes. Returns the kernel's status. */
int32_t gs_kernel_set_param(gs_kernel *kernel, uint32_t id, double value);
double gs_kernel_get_param(gs_kernel *kernel, uint32_t id);

/* Called for each move the kernel makes itself (Ride): parameter id, plain value, frame in the block. */
typedef void (*gs_move_fn)(void *context, uint32_t id, double value, uint32_t frame);

/*
 * Processes `frames` frames of `channels` planar channels (any count: longer runs go in chunks
 * of GS_MAX_FRAMES). `in` and `out` may be the same buffers. A failed or unactivated kernel
 * writes silence. [audio thread]
 */
void gs_kernel_process(gs_kernel *kernel, const float *const *in, float *const *out, uint32_t frames,
                       gs_move_fn on_move, void *context);

/* Runs kernel command `id` (GS_COMMAND_RESET_METERS, _LEARN_START with seconds, _LEARN_FINISH,
   _LEARN_CANCEL); the moves it makes (Learn's decision) go to `on_move` at frame 0. Returns the
   kernel's status (GS_STATUS_BAD_PARAM_ID for a command the native formats do not send). [audio thread] */
int32_t gs_kernel_command(gs_kernel *kernel, uint32_t id, double value, gs_move_fn on_move, void *context);
/* Clears meters (peaks, loudness, counts). Lands ramps too when `ramps`. [audio thread] */
void gs_kernel_reset(gs_kernel *kernel, bool ramps);

/* Writes the readout and returns it (GS_READOUT_SLOTS f64, layout in gainstage-contract.h); maxima
   "since read" restart. NULL before activation or after a trap. [audio thread] */
const double *gs_kernel_read_meters(gs_kernel *kernel);

/* Whether the kernel trapped (it then outputs silence until destroyed). */
bool gs_kernel_failed(const gs_kernel *kernel);

#endif
