/*
 * The declared parameters (gainstage-contract.h GS_PARAMS) as a host and a person meet them: by
 * id, normalized, as text and back, by the web's rules (host/model/params.ts, format.ts); the
 * tests hold both to the same table of cases (tests/native/clap.test.ts and clap-manners.test.ts).
 * Units: values are plain (dB, index); indices are into GS_PARAMS. Thread: any (no allocation).
 */
#ifndef GAINSTAGE_PARAMS_H
#define GAINSTAGE_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gainstage-contract.h"

/* The index in GS_PARAMS of parameter `id` (-1 if there is none).*/
int gs_param_index(uint32_t id);

/* The value a parameter takes for `value`: clamped to its range, whole for switches and choices
   (rounded half up, as the web's Math.round). NaN stays NaN (callers refuse it).*/
double gs_param_normalize(int index, double value);

/* Text of a value: "−6.0 dB", "+3.0 dB", "Off", "Inverted" (UTF-8, as the web app writes it), of the
   value the parameter would take (normalized); a NaN reads "—".*/
void gs_value_to_text(int index, double value, char *out, size_t size);

/* A value from text ("-6", "−6,0 dB", "inverted", "1"), normalized; false (nothing written) if it is not one.*/
bool gs_text_to_value(int index, const char *text, double *value);

#endif
