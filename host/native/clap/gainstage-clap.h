/*
 * Gainstage's CLAP plugin: the plugin object (one gs_point, stereo in and out) shared by
 * clap-plugin.c (entry, factory, lifecycle, process, audio ports, latency, state) and
 * clap-params.c (the params extension), and Gainstage's own extension for reading the meters.
 */
#ifndef GAINSTAGE_CLAP_H
#define GAINSTAGE_CLAP_H

#include "../point.h"
#include "clap-abi.h"

/* Gainstage's extension: the kernel's readout (GS_READOUT_SLOTS f64, layout in the generated
   gainstage-contract.h; maxima "since read" restart). [audio-thread, or main-thread while not processing] */
#define GS_CLAP_EXT_METERS "audio.gainstage.meters/1"
typedef struct gs_clap_meters {
  const double *(*read)(const clap_plugin_t *plugin, uint32_t *slots);
} gs_clap_meters_t;

typedef struct gs_clap {
  clap_plugin_t plugin;
  const clap_host_t *host;
  gs_point point;
  bool initialized;
  bool active;
  bool processing;
} gs_clap;

#define GS_CLAP_CHANNELS 2

static inline gs_clap *gs_clap_of(const clap_plugin_t *plugin) { return (gs_clap *)plugin->plugin_data; }

/* The params extension (clap-params.c). */
extern const clap_plugin_params_t gs_clap_params;

/* Applies one input event if it is a parameter change of ours (NaN/±Inf refused); true if applied. */
bool gs_clap_apply_event(gs_clap *self, const clap_event_header_t *event);

#endif
