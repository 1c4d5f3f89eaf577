/* The wasm2c kernel behind gs_kernel (kernel.h). */
#include "kernel.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "gainstage-kernel.h"

struct gs_kernel {
  w2c_gainstage wasm;
  bool instantiated;
  bool active;
  bool failed;
  uint32_t channels;
};

/* `failed` is set on the thread that ran the kernel and read on any: atomic. */
static void mark_failed(gs_kernel *k) { __atomic_store_n(&k->failed, true, __ATOMIC_RELEASE); }

/* Where a trap on this thread returns to: the guard around the current call into the kernel. */
static __thread jmp_buf *trap_target;

/* Where the runtime sends a trap (wasm-rt.c): back to the guard, never into the host's stack
   frames. `code` is a wasm_rt_trap_t. */
void gs_kernel_trap(int code) {
  if (trap_target) _longjmp(*trap_target, code + 1);
  abort(); /* a trap outside any guard cannot happen: every call below is guarded */
}

/* Runs BODY under a trap guard; a trap marks the kernel failed. */
#define GUARDED(kernel, body)                    \
  do {                                           \
    jmp_buf guard_;                              \
    jmp_buf *saved_ = trap_target;               \
    trap_target = &guard_;                       \
    if (_setjmp(guard_) == 0) {                  \
      body;                                      \
    } else {                                     \
      mark_failed(kernel);                       \
    }                                            \
    trap_target = saved_;                        \
  } while (0)

static uint8_t *memory(gs_kernel *k) { return k->wasm.w2c_memory.data; }

gs_kernel *gs_kernel_create(void) {
  gs_kernel *volatile k = calloc(1, sizeof *k); /* volatile: read after a trap returns through _longjmp */
  if (!k) return NULL;
  GUARDED(k, {
    wasm2c_gainstage_instantiate(&k->wasm);
    k->instantiated = true;
  });
  if (!k->instantiated) {
    free(k);
    return NULL;
  }
  return k;
}

void gs_kernel_destroy(gs_kernel *k) {
  if (!k) return;
  if (k->instantiated) wasm2c_gainstage_free(&k->wasm);
  free(k);
}

bool gs_kernel_activate(gs_kernel *k, double sample_rate, uint32_t channels) {
  if (gs_kernel_failed(k)) return false;
  volatile int32_t status = GS_STATUS_NOT_READY;
  /* Set up for the most channels first, so a later change of layout never grows memory. */
  GUARDED(k, {
    status = (int32_t)w2c_gainstage_setup(&k->wasm, sample_rate, GS_MAX_CHANNELS);
    if (status >= 0) status = (int32_t)w2c_gainstage_setup(&k->wasm, sample_rate, channels);
  });
  if (gs_kernel_failed(k) || status < 0) return false;
  k->channels = channels;
  k->active = true;
  return true;
}

int32_t gs_kernel_set_param(gs_kernel *k, uint32_t id, double value) {
  volatile int32_t status = GS_STATUS_NOT_READY;
  if (!gs_kernel_failed(k)) GUARDED(k, status = (int32_t)w2c_gainstage_setParam(&k->wasm, id, value));
  return status;
}

double gs_kernel_get_param(gs_kernel *k, uint32_t id) {
  volatile double value = 0;
  if (!gs_kernel_failed(k)) GUARDED(k, value = w2c_gainstage_getParam(&k->wasm, id));
  return value;
}

static void silence(float *const *out, uint32_t channels, uint32_t from, uint32_t frames) {
  for (uint32_t c = 0; c < channels; c++) memset(out[c] + from, 0, frames * sizeof(float));
}

/* The kernel's own moves of the last call: parameter id (i32), frame in the range (i32), plain value (f64) each. */
static void report_moves(gs_kernel *k, uint32_t moves, uint32_t at, uint32_t offset, gs_move_fn on_move, void *context) {
  const uint32_t move_bytes = moves ? w2c_gainstage_outputEventBytes(&k->wasm) : 0;
  for (uint32_t i = 0; i < moves && on_move && !gs_kernel_failed(k); i++) {
    const uint8_t *event = memory(k) + at + (size_t)i * move_bytes;
    int32_t id, frame;
    double value;
    memcpy(&id, event, 4);
    memcpy(&frame, event + 4, 4);
    memcpy(&value, event + 8, 8);
    on_move(context, (uint32_t)id, value, offset + (uint32_t)frame);
  }
}

int32_t gs_kernel_command(gs_kernel *k, uint32_t id, double value, gs_move_fn on_move, void *context) {
  if (!k->active || gs_kernel_failed(k)) return GS_STATUS_NOT_READY;
  volatile int32_t status = GS_STATUS_BAD_PARAM_ID;
  volatile uint32_t moves = 0, at = 0;
  GUARDED(k, {
    switch (id) {
    case GS_COMMAND_RESET_METERS:
      w2c_gainstage_resetMeters(&k->wasm);
      status = GS_STATUS_OK;
      break;
    case GS_COMMAND_LEARN_START: status = (int32_t)w2c_gainstage_learnStart(&k->wasm, value); break;
    case GS_COMMAND_LEARN_CANCEL: status = (int32_t)w2c_gainstage_learnCancel(&k->wasm); break;
    case GS_COMMAND_LEARN_FINISH: /* decides now, and moves the trim: the moves are this call's */
      status = (int32_t)w2c_gainstage_learnFinish(&k->wasm);
      moves = w2c_gainstage_outputEventCount(&k->wasm);
      at = w2c_gainstage_outputEventBuffer(&k->wasm);
      break;
    default: break;
    }
  });
  report_moves(k, moves, at, 0, on_move, context);
  return status;
}

void gs_kernel_process(gs_kernel *k, const float *const *in, float *const *out, uint32_t frames, gs_move_fn on_move,
                       void *context) {
  if (!k->active || gs_kernel_failed(k)) {
    silence(out, k->channels ? k->channels : 1, 0, frames);
    return;
  }
  volatile uint32_t done = 0; /* volatile: read after a trap returns through _longjmp */
  while (done < frames && !gs_kernel_failed(k)) {
    const volatile uint32_t count = frames - done < GS_MAX_FRAMES ? frames - done : GS_MAX_FRAMES;
    volatile int32_t status = GS_STATUS_NOT_READY;
    volatile uint32_t moves = 0, moves_at = 0;
    GUARDED(k, {
      const uint32_t input = w2c_gainstage_inputBuffer(&k->wasm);
      const uint32_t output = w2c_gainstage_outputBuffer(&k->wasm);
      const size_t stride = (size_t)GS_MAX_FRAMES * sizeof(float);
      for (uint32_t c = 0; c < k->channels; c++)
        memcpy(memory(k) + input + c * stride, in[c] + done, count * sizeof(float));
      status = (int32_t)w2c_gainstage_processRange(&k->wasm, 0, count);
      if (status >= 0) {
        for (uint32_t c = 0; c < k->channels; c++)
          memcpy(out[c] + done, memory(k) + output + c * stride, count * sizeof(float));
        moves = w2c_gainstage_outputEventCount(&k->wasm);
        moves_at = w2c_gainstage_outputEventBuffer(&k->wasm);
      }
    });
    if (gs_kernel_failed(k) || status < 0) silence(out, k->channels, done, count);
    report_moves(k, moves, moves_at, done, on_move, context);
    done += count;
  }
  if (gs_kernel_failed(k) && done < frames) silence(out, k->channels, done, frames - done);
}

void gs_kernel_reset(gs_kernel *k, bool ramps) {
  if (gs_kernel_failed(k) || !k->active) return;
  GUARDED(k, {
    if (ramps) w2c_gainstage_reset(&k->wasm);
    else w2c_gainstage_resetMeters(&k->wasm);
  });
}

const double *gs_kernel_read_meters(gs_kernel *k) {
  if (gs_kernel_failed(k) || !k->active) return NULL;
  volatile uint32_t readout = 0;
  GUARDED(k, {
    w2c_gainstage_readMeters(&k->wasm);
    readout = w2c_gainstage_readoutBuffer(&k->wasm);
  });
  return gs_kernel_failed(k) ? NULL : (const double *)(const void *)(memory(k) + readout);
}

bool gs_kernel_failed(const gs_kernel *k) { return __atomic_load_n(&k->failed, __ATOMIC_ACQUIRE); }
