/*
 * The state as JSON text, in the web's versioned format (host/model/state.ts):
 *   {"format":"gainstage-state","version":1,"plugin":{"id":…,"version":…},"params":{"inputTrimDb":-6,…}}
 * Reading validates everything before anything is used, with the web's rules and words: format,
 * version, each known parameter a finite number in range (whole for switches and choices);
 * unknown fields are ignored, missing parameters take their defaults. Numbers are read and
 * written in the C locale whatever the host's, and round-trip exactly.
 * Thread: any; nothing here allocates (after the first call made the C locale).
 */
#ifndef GAINSTAGE_STATE_JSON_H
#define GAINSTAGE_STATE_JSON_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>

#include "gainstage-contract.h"

/* Writes `values` (GS_PARAM_COUNT plain values) as state text; returns its length, 0 if it does not fit in `size`. */
size_t gs_state_write(const double *values, char *out, size_t size);

/* Reads state text into `values` (all GS_PARAM_COUNT); false with the reason in `error` if it is not a valid state. */
bool gs_state_read(const char *text, size_t length, double *values, char *error, size_t error_size);

/* The C locale (numbers with '.'), made once. */
locale_t gs_c_locale(void);

#endif
