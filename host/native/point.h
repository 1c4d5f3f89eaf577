/*
 * One Gainstage point for the native plugin formats: the kernel (kernel.h) with the parameter
 * values of every declared parameter (gainstage-contract.h GS_PARAMS; the kernel applies the
 * native ones), text for values, and the state in the web's versioned JSON format. The LV2 and
 * CLAP adapters hold one each and add only their format's calls.
 *
 * Units: parameter values are plain (dB, index), indices are into GS_PARAMS.
 * Threads: create/activate/load/destroy on the main thread; set/process/read on the audio
 * thread (or on the main thread while not processing). Text and state functions allocate nothing.
 */
#ifndef GAINSTAGE_POINT_H
#define GAINSTAGE_POINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel.h"

typedef struct gs_point {
  gs_kernel *kernel;
  double values[GS_PARAM_COUNT];
  uint32_t channels;
  double sample_rate;
  bool active;
} gs_point;

/* A point with every parameter at its default; false if out of memory. [main thread] */
bool gs_point_init(gs_point *point);
void gs_point_free(gs_point *point);

/* Prepares for `sample_rate` and `channels`; the values apply from the first frame (no ramp). */
bool gs_point_activate(gs_point *point, double sample_rate, uint32_t channels);

/* The index in GS_PARAMS of parameter `id` (-1 if there is none). */
int gs_param_index(uint32_t id);

/* Sets parameter `index` to `value` (clamped, whole for switches and choices). A NaN or ±Inf
   value is refused: false, nothing changes. */
bool gs_point_set(gs_point *point, int index, double value);

/* Text of a value: "−6.0 dB", "+3.0 dB", "Off", "Inverted" (UTF-8, as the web app writes it). */
void gs_value_to_text(int index, double value, char *out, size_t size);

/* A value from text ("-6", "−6,0 dB", "inverted", "1"); false (nothing written) if it is not one. */
bool gs_text_to_value(int index, const char *text, double *value);

/* Writes the state as JSON text (no terminating NUL counted); returns its length, 0 if `size` is too small. */
size_t gs_point_save(const gs_point *point, char *out, size_t size);

/* Loads a state: all of it is validated first; on any fault nothing changes, `error` says why
   and false is returned. Parameters missing from it take their defaults. */
bool gs_point_load(gs_point *point, const char *text, size_t length, char *error, size_t error_size);

#endif
