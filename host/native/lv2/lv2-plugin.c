/*
 * Gainstage as an LV2 plugin: one plugin per channel layout (urn:gainstage:stereo,
 * urn:gainstage:mono; their ports are described in gainstage.ttl, generated from the declaration
 * like the port indices used here). Control inputs are the native parameters by key; control
 * outputs are the IN and OUT meters and the latency (0). It asks for no host feature, so it runs
 * in hosts that offer none (lilv's lv2apply) and at any block size down to one frame per run().
 *
 * Threads (LV2's classes): instantiate/cleanup allocate [instantiation class]; connect_port,
 * activate, run, deactivate allocate nothing and take no lock [audio class]. Buffers may be shared
 * between input and output (in place): the kernel copies its input before it writes output.
 */
#include <lv2/core/lv2.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../meters.h"
#include "../point.h"

/* Meter outputs are refreshed at least this often in seconds of audio (a display rate). */
#define METER_REFRESH_SECONDS 0.02

typedef struct {
  gs_point point;
  uint32_t channels;
  const float *in[2];
  float *out[2];
  const float *controls[GS_NATIVE_PARAM_COUNT];
  float last[GS_NATIVE_PARAM_COUNT];
  float *meters[GS_METER_OUTPUT_COUNT];
  float *latency;
  uint32_t frames_since_meters;
  uint32_t meter_every_frames;
} plugin;

static LV2_Handle instantiate(const LV2_Descriptor *descriptor, double sample_rate, const char *bundle_path,
                              const LV2_Feature *const *features) {
  (void)bundle_path;
  (void)features;
  plugin *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->channels = strcmp(descriptor->URI, "urn:gainstage:mono") == 0 ? 1 : 2;
  if (!gs_point_init(&self->point) || !gs_point_activate(&self->point, sample_rate, self->channels)) {
    gs_point_free(&self->point);
    free(self);
    return NULL;
  }
  for (int i = 0; i < GS_NATIVE_PARAM_COUNT; i++) self->last[i] = NAN;
  self->meter_every_frames = (uint32_t)(sample_rate * METER_REFRESH_SECONDS);
  return self;
}

static void connect_port(LV2_Handle handle, uint32_t port, void *data) {
  plugin *self = handle;
  const uint32_t audio = 2 * self->channels;
  if (port < self->channels) self->in[port] = data;
  else if (port < audio) self->out[port - self->channels] = data;
  else if (port < audio + GS_NATIVE_PARAM_COUNT) self->controls[port - audio] = data;
  else if (port < audio + GS_NATIVE_PARAM_COUNT + GS_METER_OUTPUT_COUNT)
    self->meters[port - audio - GS_NATIVE_PARAM_COUNT] = data;
  else if (port == audio + GS_NATIVE_PARAM_COUNT + GS_METER_OUTPUT_COUNT) self->latency = data;
}

/* LV2 activate: a fresh start (meters cleared, ramps landed). */
static void activate(LV2_Handle handle) {
  plugin *self = handle;
  gs_kernel_reset(self->point.kernel, true);
  self->frames_since_meters = 0;
}

static void apply_controls(plugin *self) {
  for (int i = 0; i < GS_NATIVE_PARAM_COUNT; i++) {
    if (!self->controls[i]) continue;
    const float value = *self->controls[i];
    if (value == self->last[i] || !isfinite(value)) continue; /* NaN or ±Inf from a host changes nothing */
    self->last[i] = value;
    gs_point_set(&self->point, (int)GS_NATIVE_PARAMS[i], value);
  }
}

static void write_meters(plugin *self) {
  const double *readout = gs_kernel_read_meters(self->point.kernel);
  for (int i = 0; i < GS_METER_OUTPUT_COUNT; i++)
    if (self->meters[i]) *self->meters[i] = readout ? (float)gs_meter_value(readout, i) : (float)GS_METER_FLOOR_DB;
}

static void run(LV2_Handle handle, uint32_t frames) {
  plugin *self = handle;
  apply_controls(self);
  for (uint32_t c = 0; c < self->channels; c++)
    if (!self->in[c] || !self->out[c]) return; /* unconnected audio: nothing to do */
  gs_kernel_process(self->point.kernel, self->in, self->out, frames, NULL, NULL);
  self->frames_since_meters += frames;
  if (self->frames_since_meters >= self->meter_every_frames) {
    write_meters(self);
    self->frames_since_meters = 0;
  }
  if (self->latency) *self->latency = 0;
}

static void deactivate(LV2_Handle handle) { (void)handle; }

static void cleanup(LV2_Handle handle) {
  plugin *self = handle;
  gs_point_free(&self->point);
  free(self);
}

static const void *extension_data(const char *uri) {
  (void)uri;
  return NULL;
}

static const LV2_Descriptor descriptors[] = {
  {"urn:gainstage:stereo", instantiate, connect_port, activate, run, deactivate, cleanup, extension_data},
  {"urn:gainstage:mono", instantiate, connect_port, activate, run, deactivate, cleanup, extension_data},
};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) {
  return index < sizeof descriptors / sizeof descriptors[0] ? &descriptors[index] : NULL;
}
