/*
 * One Gainstage point for the native plugin formats: the kernel (kernel.h) behind a thread model
 * every format shares, so no format ever runs the kernel from two threads:
 *
 * - the main thread owns the parameter model: every declared parameter's value (`values`, atomic
 *   doubles any thread may read), the state (save/load), text; while the point is active it never
 *   touches the kernel: what it sets is marked pending and the audio thread applies it at its next
 *   process or flush, as a host's parameter event would be (the kernel ramps gain, no click);
 * - the audio thread owns the kernel: host automation (gs_point_set_audio), processing, meters;
 *   the kernel's own moves (Ride) update `values`, so the model always says what the audio hears;
 * - the meters reach other threads through a lock-free snapshot (snapshot.h) the audio thread
 *   publishes at display rate; nobody else reads the kernel.
 *
 * Units: parameter values are plain (dB, index), indices are into GS_PARAMS.
 * Threads, per function below: [main] the host's main thread, [audio] the audio thread (or the
 * main thread while the point is inactive), [any] either. Nothing on [audio] allocates or locks.
 */
#ifndef GAINSTAGE_POINT_H
#define GAINSTAGE_POINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel.h"
#include "params.h"
#include "snapshot.h"
#include "state-json.h"

/* Kernel commands (Learn's start, finish, cancel) waiting for the audio thread: a small ring. */
#define GS_POINT_COMMANDS 8
typedef struct gs_point_command_slot {
  uint32_t id;
  double value;
} gs_point_command_slot;

typedef struct gs_point {
  gs_kernel *kernel;               /* [audio] while active */
  double values[GS_PARAM_COUNT];   /* [any] atomic: every parameter's value */
  uint8_t pending[GS_PARAM_COUNT]; /* atomic: set on [main] while active, applied on [audio] */
  uint32_t any_pending;            /* atomic: some pending flag is set */
  gs_point_command_slot commands[GS_POINT_COMMANDS]; /* written on [main], read on [audio] */
  uint32_t commands_written, commands_read;          /* atomic counters of the ring */
  uint32_t channels;
  double sample_rate;
  bool active;                     /* [main] */
  /* [audio] */
  double frames;                   /* processed since activation */
  uint32_t frames_since_publish, publish_every_frames;
  const double *readout;           /* the last published readout (kernel memory), NULL before one */
  gs_snapshot snapshot;            /* [any] */
  gs_state kept;                   /* [main] the last state's snapshots and link, saved again as they came */
} gs_point;

/* A point with every parameter at its default; false if out of memory. [main] */
bool gs_point_init(gs_point *point);
void gs_point_free(gs_point *point);

/* Prepares for `sample_rate` and `channels`; the values apply from the first frame (no ramp). The
   audio thread must not be running. [main] */
bool gs_point_activate(gs_point *point, double sample_rate, uint32_t channels);
/* Stops using the kernel; pending values stay in the model and apply at the next activate. [main] */
void gs_point_deactivate(gs_point *point);

/* A parameter's value now. [any] */
double gs_point_get(const gs_point *point, int index);

/* Sets parameter `index` from the main thread (a host's or the editor's edit, a loaded state):
   normalized, stored, and applied by the audio thread at its next process or flush. A NaN or ±Inf
   value is refused: false, nothing changes. [main] */
bool gs_point_set(gs_point *point, int index, double value);

/* Sets parameter `index` on the audio thread (host automation): applied at once. [audio] */
bool gs_point_set_audio(gs_point *point, int index, double value);

/* Sends kernel command `id` (GS_COMMAND_*) with `value` to the audio thread, which gives it to the
   kernel at its next process or flush; false if the point is inactive or too many are waiting. [main] */
bool gs_point_command(gs_point *point, uint32_t id, double value);
/* Applies what the main thread set since the last call. process() calls it; a format's flush
   (events outside processing) calls it too. [audio] */
void gs_point_sync(gs_point *point);

/* Called for each move the kernel makes itself (Ride): parameter id, plain value, frame in the call. */
typedef void (*gs_point_move_fn)(void *context, uint32_t id, double value, uint32_t frame);

/* Processes `frames` frames of the point's channels (planar; in and out may be the same buffers),
   after gs_point_sync; moves update the model and are reported; the snapshot is published at
   display rate. A failed kernel outputs silence. [audio] */
void gs_point_process(gs_point *point, const float *const *in, float *const *out, uint32_t frames,
                      gs_point_move_fn on_move, void *context);

/* Publishes the meters now (process() does at display rate; a format calls this where the audio
   stops, so readers see where it ended). [audio] */
void gs_point_publish(gs_point *point);

/* Clears the meters (and lands ramps when `ramps`). [audio] */
void gs_point_reset(gs_point *point, bool ramps);

/* The readout the audio thread last published (GS_READOUT_SLOTS values), NULL before the first
   publication or after a trap. Valid until the next process. [audio] */
const double *gs_point_readout(const gs_point *point);

/* Copies the latest published meters (GS_READOUT_SLOTS values); false if none yet. [any, not audio] */
bool gs_point_read_meters(gs_point *point, double *out);

/* Whether the kernel trapped (it outputs silence from then on). [any] */
bool gs_point_failed(const gs_point *point);

/* Writes the state as JSON text (no terminating NUL counted); returns its length, 0 if `size` is too small. [main] */
size_t gs_point_save(const gs_point *point, char *out, size_t size);

/* Loads a state: all of it is validated first; on any fault nothing changes, `error` says why
   and false is returned. Parameters missing from it take their defaults. [main] */
bool gs_point_load(gs_point *point, const char *text, size_t length, char *error, size_t error_size);

#endif
