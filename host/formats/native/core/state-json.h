/*
 * The state as JSON text, the web's own format (host/declaration/state-format.ts, read by
 * host/model/state.ts): {"format","version","plugin","params", optional "link" and "snapshots"}.
 * Reading validates everything before anything is used, in the web's order and the web's words
 * (the messages are generated from the one declaration); unknown fields are ignored, missing
 * parameters take their defaults. Numbers are read and written in the C locale whatever the
 * host's, and round-trip exactly. Thread: main thread (reading allocates a little, briefly).
 */
#ifndef GAINSTAGE_STATE_JSON_H
#define GAINSTAGE_STATE_JSON_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gainstage-contract.h"

typedef struct gs_state {
  double values[GS_PARAM_COUNT];
  /* Bit s: snapshot slot s (GS_SNAPSHOT_SLOTS) holds settings. */
  uint32_t snapshot_mask;
  double snapshots[GS_SNAPSHOT_SLOT_COUNT][GS_PARAM_COUNT];
  /* The pair this point is half of: "" when alone; role "pre" or "post". */
  char link_id[GS_LINK_ID_MAX_LENGTH + 1];
  char link_role[5];
} gs_state;

/* A state with every parameter at its default, no snapshots, no link. */
void gs_state_defaults(gs_state *state);

/* Writes the state as text; returns its length, 0 if it does not fit in `size`. */
size_t gs_state_write(const gs_state *state, char *out, size_t size);

/* Reads state text; false with the reason in `error` (and `state` untouched) if it is not a valid state. */
bool gs_state_read(const char *text, size_t length, gs_state *state, char *error, size_t error_size);

/* The C locale (numbers with '.'), made once. */
locale_t gs_c_locale(void);

#endif
