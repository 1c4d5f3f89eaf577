/* gs_point (point.h): the parameter model, its hand-over to the audio thread, and the meters' publication. */
#include "point.h"

#include <math.h>
#include <string.h>

#include "state-json.h"

static void store_value(gs_point *point, int index, double value) {
  __atomic_store(&point->values[index], &value, __ATOMIC_RELAXED);
}

double gs_point_get(const gs_point *point, int index) {
  double value;
  __atomic_load(&point->values[index], &value, __ATOMIC_RELAXED);
  return value;
}

bool gs_point_init(gs_point *point) {
  memset(point, 0, sizeof *point);
  for (int i = 0; i < GS_PARAM_COUNT; i++) point->values[i] = GS_PARAMS[i].default_value;
  gs_snapshot_clear(&point->snapshot);
  gs_state_defaults(&point->kept);
  point->kernel = gs_kernel_create();
  return point->kernel != NULL;
}

void gs_point_free(gs_point *point) {
  gs_kernel_destroy(point->kernel);
  point->kernel = NULL;
}

bool gs_point_activate(gs_point *point, double sample_rate, uint32_t channels) {
  if (!gs_kernel_activate(point->kernel, sample_rate, channels)) return false;
  /* Before the first frame the kernel applies values at once: a restored session never ramps. */
  for (int i = 0; i < GS_PARAM_COUNT; i++) {
    __atomic_store_n(&point->pending[i], 0, __ATOMIC_RELAXED);
    if (GS_PARAMS[i].flags & GS_PARAM_NATIVE)
      gs_kernel_set_param(point->kernel, GS_PARAMS[i].id, gs_point_get(point, i));
  }
  __atomic_store_n(&point->any_pending, 0, __ATOMIC_RELEASE);
  __atomic_store_n(&point->commands_read, __atomic_load_n(&point->commands_written, __ATOMIC_RELAXED), __ATOMIC_RELEASE);
  point->sample_rate = sample_rate;
  point->channels = channels;
  point->frames = 0;
  point->frames_since_publish = 0;
  point->publish_every_frames = (uint32_t)ceil(sample_rate * GS_METER_PUBLISH_MS / 1000.0);
  point->readout = NULL;
  gs_snapshot_clear(&point->snapshot);
  point->active = true;
  return true;
}

void gs_point_deactivate(gs_point *point) { point->active = false; }

bool gs_point_set(gs_point *point, int index, double value) {
  if (index < 0 || index >= GS_PARAM_COUNT || !isfinite(value)) return false;
  store_value(point, index, gs_param_normalize(index, value));
  if (point->active && (GS_PARAMS[index].flags & GS_PARAM_NATIVE)) {
    /* Release: the audio thread that sees the flag sees the value stored before it. */
    __atomic_store_n(&point->pending[index], 1, __ATOMIC_RELEASE);
    __atomic_store_n(&point->any_pending, 1, __ATOMIC_RELEASE);
  }
  return true;
}

bool gs_point_set_audio(gs_point *point, int index, double value) {
  if (index < 0 || index >= GS_PARAM_COUNT || !isfinite(value)) return false;
  const double applied = gs_param_normalize(index, value);
  store_value(point, index, applied);
  if (GS_PARAMS[index].flags & GS_PARAM_NATIVE) gs_kernel_set_param(point->kernel, GS_PARAMS[index].id, applied);
  return true;
}

bool gs_point_command(gs_point *point, uint32_t id, double value) {
  if (!point->active || !isfinite(value)) return false;
  const uint32_t written = __atomic_load_n(&point->commands_written, __ATOMIC_RELAXED);
  if (written - __atomic_load_n(&point->commands_read, __ATOMIC_ACQUIRE) >= GS_POINT_COMMANDS) return false;
  point->commands[written % GS_POINT_COMMANDS] = (gs_point_command_slot){id, value};
  __atomic_store_n(&point->commands_written, written + 1, __ATOMIC_RELEASE);
  return true;
}

typedef struct move_relay {
  gs_point *point;
  gs_point_move_fn on_move;
  void *context;
  uint32_t offset; /* frame of the current chunk in the call */
} move_relay;

/* A move of the kernel's own: the model follows it, then the format hears of it. */
static void relay_move(void *context, uint32_t id, double value, uint32_t frame) {
  const move_relay *relay = context;
  const int index = gs_param_index(id);
  if (index >= 0) store_value(relay->point, index, value);
  if (relay->on_move) relay->on_move(relay->context, id, value, relay->offset + frame);
}

/* The commands the main thread sent, in order; Learn's decision goes through `relay`. [audio] */
static void take_commands(gs_point *point, move_relay *relay) {
  const uint32_t written = __atomic_load_n(&point->commands_written, __ATOMIC_ACQUIRE);
  uint32_t read = __atomic_load_n(&point->commands_read, __ATOMIC_RELAXED);
  for (; read != written; read++) {
    const gs_point_command_slot *slot = &point->commands[read % GS_POINT_COMMANDS];
    gs_kernel_command(point->kernel, slot->id, slot->value, relay_move, relay);
  }
  __atomic_store_n(&point->commands_read, read, __ATOMIC_RELEASE);
}

/* What the main thread set and sent since the last call, moves reported through `relay`. */
static void sync_with(gs_point *point, move_relay *relay) {
  take_commands(point, relay);
  if (!__atomic_exchange_n(&point->any_pending, 0, __ATOMIC_ACQUIRE)) return;
  for (int i = 0; i < GS_PARAM_COUNT; i++)
    if (__atomic_exchange_n(&point->pending[i], 0, __ATOMIC_ACQUIRE))
      gs_kernel_set_param(point->kernel, GS_PARAMS[i].id, gs_point_get(point, i));
}

void gs_point_sync(gs_point *point) {
  move_relay relay = {point, NULL, NULL, 0};
  sync_with(point, &relay);
}

void gs_point_process(gs_point *point, const float *const *in, float *const *out, uint32_t frames,
                      gs_point_move_fn on_move, void *context) {
  move_relay relay = {point, on_move, context, 0};
  sync_with(point, &relay);
  const float *in_at[GS_MAX_CHANNELS];
  float *out_at[GS_MAX_CHANNELS];
  /* In chunks that end on the publication clock: the meters are read at the same frames whatever
     the host's block size (a reading "since read" includes the level at the moment of reading). */
  while (relay.offset < frames) {
    const uint32_t due = point->publish_every_frames - point->frames_since_publish;
    const uint32_t count = frames - relay.offset < due ? frames - relay.offset : due;
    for (uint32_t c = 0; c < point->channels; c++) {
      in_at[c] = in[c] + relay.offset;
      out_at[c] = out[c] + relay.offset;
    }
    gs_kernel_process(point->kernel, in_at, out_at, count, relay_move, &relay);
    point->frames += count;
    point->frames_since_publish += count;
    if (point->frames_since_publish >= point->publish_every_frames) {
      point->frames_since_publish = 0;
      gs_point_publish(point);
    }
    relay.offset += count;
  }
}

void gs_point_publish(gs_point *point) {
  point->readout = gs_kernel_read_meters(point->kernel);
  if (point->readout) gs_snapshot_write(&point->snapshot, point->readout, point->frames);
}

/* The cleared meters are published at once: a reader never sees the old ones again. */
void gs_point_reset(gs_point *point, bool ramps) {
  gs_kernel_reset(point->kernel, ramps);
  gs_point_publish(point);
}

const double *gs_point_readout(const gs_point *point) { return gs_kernel_failed(point->kernel) ? NULL : point->readout; }

bool gs_point_read_meters(gs_point *point, double *out) { return gs_snapshot_read(&point->snapshot, out, NULL); }

bool gs_point_failed(const gs_point *point) { return gs_kernel_failed(point->kernel); }

size_t gs_point_save(const gs_point *point, char *out, size_t size) {
  gs_state state = point->kept;
  for (int i = 0; i < GS_PARAM_COUNT; i++) state.values[i] = gs_point_get(point, i);
  return gs_state_write(&state, out, size);
}

bool gs_point_load(gs_point *point, const char *text, size_t length, char *error, size_t error_size) {
  gs_state state;
  if (!gs_state_read(text, length, &state, error, error_size)) return false;
  for (int i = 0; i < GS_PARAM_COUNT; i++) gs_point_set(point, i, state.values[i]);
  point->kept = state;
  return true;
}
