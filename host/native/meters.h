/*
 * Reading the kernel's readout as the plugin formats show it: one meter output (a tap's sample
 * peak, true peak, short-term or integrated loudness, AES17 RMS or VU; gainstage-contract.h
 * GS_METER_OUTPUTS) as a finite number — silence (−∞) reads as GS_METER_FLOOR_DB, since control
 * ports and parameters carry finite values. Thread: any (reads memory only).
 */
#ifndef GAINSTAGE_METERS_H
#define GAINSTAGE_METERS_H

#include <math.h>

#include "gainstage-contract.h"

static inline double gs_meter_value(const double *readout, int output) {
  const gs_meter_output *m = &GS_METER_OUTPUTS[output];
  const double value = readout[m->tap * GS_TAP_FIELDS + (m->channel_block ? GS_LOUDNESS_FIELDS : 0) + m->slot];
  return isfinite(value) ? (value < GS_METER_FLOOR_DB ? GS_METER_FLOOR_DB : value) : GS_METER_FLOOR_DB;
}

#endif
