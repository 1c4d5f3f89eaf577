/*
 * Gainstage as LV2 plugins: one per channel layout (gainstage-contract.h GS_LV2_LAYOUTS, 1 to 8
 * channels; ports described in gainstage.ttl, both generated from the declaration with the one
 * port table). Control inputs are the native parameters by key (the bypass parameter as LV2's
 * enable port, lv2:enabled, 1 = processing), and a trigger that clears the meters; control
 * outputs are the IN and OUT meters and the latency (declared). A meter output reads GS_METER_FLOOR_DB,
 * "no reading", for silence and until its loudness window has filled since the last reset (never
 * the host's initial 0). It asks for no host feature, so it runs in hosts that offer none
 * (lilv's lv2apply) and at any block size down to one frame per run().
 *
 * Threads (LV2's classes): instantiate, activate, deactivate, cleanup [instantiation class, never
 * while run() runs]; connect_port and run [audio class]: allocate nothing and take no lock. The
 * point (point.h) is used from the audio class only once instantiated. Buffers may be shared
 * between input and output (in place): the kernel copies its input before it writes output.
 */
#include <lv2/core/lv2.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/meters.h"
#include "../core/point.h"
#include "inline-display.h"

/* How often the plugin asks Ardour to redraw its inline display (ms of audio). */
#define INLINE_DISPLAY_MS 50

typedef struct {
  gs_point point;
  const gs_lv2_layout *layout;
  double sample_rate;
  const float *in[GS_MAX_CHANNELS];
  float *out[GS_MAX_CHANNELS];
  const float *controls[GS_NATIVE_PARAM_COUNT];
  float last[GS_NATIVE_PARAM_COUNT];
  const float *reset;
  float reset_last;
  float *meters[GS_METER_OUTPUT_COUNT];
  float *latency;
  gs_idpy display; /* Ardour's inline display, where the host offers it */
} plugin;

static const gs_lv2_layout *layout_of(const char *uri) {
  for (int i = 0; i < GS_LV2_LAYOUT_COUNT; i++)
    if (strcmp(GS_LV2_LAYOUTS[i].uri, uri) == 0) return &GS_LV2_LAYOUTS[i];
  return NULL;
}

static LV2_Handle instantiate(const LV2_Descriptor *descriptor, double sample_rate, const char *bundle_path,
                              const LV2_Feature *const *features) {
  (void)bundle_path;
  const gs_lv2_layout *layout = layout_of(descriptor->URI);
  if (!layout) return NULL;
  plugin *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->layout = layout;
  self->sample_rate = sample_rate;
  if (!gs_point_init(&self->point) || !gs_point_activate(&self->point, sample_rate, layout->channels)) {
    gs_point_free(&self->point);
    free(self);
    return NULL;
  }
  for (int i = 0; i < GS_NATIVE_PARAM_COUNT; i++) self->last[i] = NAN;
  for (int i = 0; features && features[i]; i++)
    if (strcmp(features[i]->URI, GS_IDPY__queue_draw) == 0) self->display.host = features[i]->data;
  self->display.draw_every_frames = (uint32_t)(sample_rate * INLINE_DISPLAY_MS / 1000);
  return self;
}

static void connect_port(LV2_Handle handle, uint32_t port, void *data) {
  plugin *self = handle;
  const gs_lv2_layout *l = self->layout;
  if (port < l->channels) self->in[port] = data;
  else if (port < l->controls) self->out[port - l->channels] = data;
  else if (port < l->reset) self->controls[port - l->controls] = data;
  else if (port == l->reset) self->reset = data;
  else if (port < l->latency) self->meters[port - l->meters] = data;
  else if (port == l->latency) self->latency = data;
}

/* Every meter output says "no reading" until the meters have something to say. */
static void clear_meter_ports(plugin *self) {
  for (int i = 0; i < GS_METER_OUTPUT_COUNT; i++)
    if (self->meters[i]) *self->meters[i] = (float)gs_meter_none(i);
}

/* LV2 activate: a fresh start (meters cleared, ramps landed). */
static void activate(LV2_Handle handle) {
  plugin *self = handle;
  gs_point_reset(&self->point, true);
  clear_meter_ports(self);
  if (self->latency) *self->latency = GS_LATENCY_FRAMES;
}

/* A control port's value as the parameter's: LV2's enable port is 1 − bypass. */
static double parameter_value(int native, float port) {
  return (GS_PARAMS[GS_NATIVE_PARAMS[native]].flags & GS_PARAM_BYPASS) ? 1.0 - port : port;
}

static void apply_controls(plugin *self) {
  for (int i = 0; i < GS_NATIVE_PARAM_COUNT; i++) {
    if (!self->controls[i]) continue;
    const float value = *self->controls[i];
    if (value == self->last[i] || !isfinite(value)) continue; /* NaN or ±Inf from a host changes nothing */
    self->last[i] = value;
    gs_point_set_audio(&self->point, (int)GS_NATIVE_PARAMS[i], parameter_value(i, value));
  }
  if (self->reset) {
    const float reset = *self->reset;
    if (reset > 0 && !(self->reset_last > 0)) { /* a trigger: the rising edge clears the meters */
      gs_point_reset(&self->point, false);
      clear_meter_ports(self);
    }
    self->reset_last = reset;
  }
}

static void write_meters(plugin *self, const double *readout) {
  for (int i = 0; i < GS_METER_OUTPUT_COUNT; i++)
    if (self->meters[i]) *self->meters[i] = (float)gs_meter_value(readout, i, self->sample_rate);
}

static void run(LV2_Handle handle, uint32_t frames) {
  plugin *self = handle;
  apply_controls(self);
  for (uint32_t c = 0; c < self->layout->channels; c++)
    if (!self->in[c] || !self->out[c]) return; /* unconnected audio: nothing to do */
  gs_point_process(&self->point, self->in, self->out, frames, NULL, NULL);
  const double *readout = gs_point_readout(&self->point); /* as last published: at display rate */
  if (readout) write_meters(self, readout);
  if (self->latency) *self->latency = GS_LATENCY_FRAMES;
  gs_idpy_tick(&self->display, frames);
}

static void deactivate(LV2_Handle handle) { (void)handle; }

static void cleanup(LV2_Handle handle) {
  plugin *self = handle;
  gs_idpy_free(&self->display);
  gs_point_free(&self->point);
  free(self);
}

static gs_idpy_surface *render(LV2_Handle handle, uint32_t width, uint32_t max_height) {
  plugin *self = handle;
  return gs_idpy_render(&self->display, &self->point, width, max_height);
}

static const gs_idpy_interface INLINE_DISPLAY = {render};

static const void *extension_data(const char *uri) {
  return strcmp(uri, GS_IDPY__interface) == 0 ? &INLINE_DISPLAY : NULL;
}

#define DESCRIBE(uri) {uri, instantiate, connect_port, activate, run, deactivate, cleanup, extension_data},
static const LV2_Descriptor descriptors[GS_LV2_LAYOUT_COUNT] = {GS_LV2_URIS(DESCRIBE)};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) {
  return index < GS_LV2_LAYOUT_COUNT ? &descriptors[index] : NULL;
}
