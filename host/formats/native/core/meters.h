/*
 * Reading the kernel's readout as the plugin formats show it: one meter output (gainstage-contract.h
 * GS_METER_OUTPUTS: a tap's peaks, loudness, RMS, VU, PPM, clip count) as a finite number. Levels
 * read GS_METER_FLOOR_DB, "no reading", for silence (−∞) and until the loudness window the reading
 * needs has filled since the last reset, since control ports and parameters carry finite values;
 * counts read as counts. Thread: any (reads memory only).
 */
#ifndef GAINSTAGE_METERS_H
#define GAINSTAGE_METERS_H

#include <math.h>

#include "gainstage-contract.h"

/* What output `output` reads before anything was measured. */
static inline double gs_meter_none(int output) { return GS_METER_OUTPUTS[output].count ? 0.0 : GS_METER_FLOOR_DB; }

static inline double gs_meter_value(const double *readout, int output, double sample_rate) {
  const gs_meter_output *m = &GS_METER_OUTPUTS[output];
  const double *tap = readout + GS_TAP_BLOCK(m->tap);
  const double value = tap[(m->channel_block ? GS_CHANNEL_FIELDS_AT(-1) : 0) + m->slot];
  if (m->count) return isfinite(value) ? value : 0.0;
  /* A window is full once as many frames as it spans have passed since reset. */
  if (m->window_ms > 0 && tap[GS_L_FRAMES_SINCE_RESET] * 1000.0 < m->window_ms * sample_rate) return GS_METER_FLOOR_DB;
  return isfinite(value) ? (value < GS_METER_FLOOR_DB ? GS_METER_FLOOR_DB : value) : GS_METER_FLOOR_DB;
}

#endif
