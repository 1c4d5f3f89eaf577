/* gs_point (point.h): values, text and the applying of parameters; the state is state-json.c's. */
#define _GNU_SOURCE /* strtod_l: numbers in the C locale, whatever the host's */
#include "point.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "state-json.h"

/* The true minus sign, as the web app prints levels (format.ts). */
static const char MINUS[] = "\xE2\x88\x92";

int gs_param_index(uint32_t id) {
  for (int i = 0; i < GS_PARAM_COUNT; i++)
    if (GS_PARAMS[i].id == id) return i;
  return -1;
}

static double clamp_value(const gs_param_decl *p, double value) {
  double v = value < p->min ? p->min : value > p->max ? p->max : value;
  return (p->flags & GS_PARAM_STEPPED) ? floor(v + 0.5) : v; /* half up, as the kernel's Math.round */
}

bool gs_point_init(gs_point *point) {
  memset(point, 0, sizeof *point);
  for (int i = 0; i < GS_PARAM_COUNT; i++) point->values[i] = GS_PARAMS[i].default_value;
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
  for (int i = 0; i < GS_PARAM_COUNT; i++)
    if (GS_PARAMS[i].flags & GS_PARAM_NATIVE) gs_kernel_set_param(point->kernel, GS_PARAMS[i].id, point->values[i]);
  point->sample_rate = sample_rate;
  point->channels = channels;
  point->active = true;
  return true;
}

bool gs_point_set(gs_point *point, int index, double value) {
  if (index < 0 || index >= GS_PARAM_COUNT || !isfinite(value)) return false;
  const gs_param_decl *p = &GS_PARAMS[index];
  double applied = clamp_value(p, value);
  /* Atomic: a host may read values on the main thread while the audio thread sets them. */
  __atomic_store(&point->values[index], &applied, __ATOMIC_RELAXED);
  if (point->active && (p->flags & GS_PARAM_NATIVE)) gs_kernel_set_param(point->kernel, p->id, applied);
  return true;
}

/* |value| rounded to `decimals` digits as JavaScript's toFixed rounds (a tie goes away from zero),
   written with a '.' whatever the C locale: "12.5". */
static void fixed(double magnitude, unsigned decimals, char *out, size_t size) {
  long double scale = 1;
  for (unsigned i = 0; i < decimals; i++) scale *= 10;
  const long double scaled = (long double)magnitude * scale; /* exact: 53 + ≤10 bits fit long double's 64 */
  unsigned long long whole = (unsigned long long)floorl(scaled);
  if (scaled - (long double)whole >= 0.5L) whole++;
  const unsigned long long unit = (unsigned long long)scale;
  if (decimals == 0) snprintf(out, size, "%llu", whole);
  else snprintf(out, size, "%llu.%0*llu", whole / unit, (int)decimals, whole % unit);
}

void gs_value_to_text(int index, double value, char *out, size_t size) {
  if (size == 0) return;
  out[0] = '\0';
  if (index < 0 || index >= GS_PARAM_COUNT) return;
  const gs_param_decl *p = &GS_PARAMS[index];
  if (p->choice_count > 0) {
    const double i = floor(value + 0.5);
    if (i >= 0 && i < p->choice_count) snprintf(out, size, "%s", p->choices[(int)i]);
    else snprintf(out, size, "%g", value);
    return;
  }
  if (isnan(value)) {
    snprintf(out, size, "\xE2\x80\x94"); /* — */
    return;
  }
  if (isinf(value)) {
    snprintf(out, size, "%s\xE2\x88\x9E%s%s", value < 0 ? MINUS : "+", *p->unit ? " " : "", p->unit);
    return;
  }
  char digits[64];
  fixed(fabs(value), p->decimals, digits, sizeof digits);
  /* The sign of the rounded value: "−0.0" never appears, "+" only for dB (a change, not a level). */
  const bool zero = strspn(digits, "0.") == strlen(digits);
  const bool signed_db = strcmp(p->unit, "dB") == 0;
  const char *sign = zero ? "" : value < 0 ? MINUS : signed_db ? "+" : "";
  snprintf(out, size, "%s%s%s%s", sign, digits, *p->unit ? " " : "", p->unit);
}

static bool word_equal(const char *a, size_t length, const char *b) {
  return strlen(b) == length && strncasecmp(a, b, length) == 0;
}

bool gs_text_to_value(int index, const char *text, double *value) {
  if (index < 0 || index >= GS_PARAM_COUNT || !text) return false;
  const gs_param_decl *p = &GS_PARAMS[index];
  while (*text == ' ' || *text == '\t') text++;
  size_t length = strlen(text);
  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t')) length--;
  for (uint32_t i = 0; i < p->choice_count; i++) {
    const char *label = p->choices[i];
    const size_t first_word = strcspn(label, " ");
    if (word_equal(text, length, label) || (length == first_word && strncasecmp(text, label, first_word) == 0)) {
      *value = i;
      return true;
    }
  }
  /* [sign] digits [. or , digits] [unit or "db"], as params.ts textToValue reads it. */
  const char *at = text, *end = text + length;
  char number[64];
  size_t n = 0;
  if (at < end && (*at == '+' || *at == '-')) number[n++] = *at++;
  else if (end - at >= 3 && memcmp(at, MINUS, 3) == 0) number[n++] = '-', at += 3;
  while (at < end && *at == ' ') at++;
  bool digits = false, point = false;
  for (; at < end && n < sizeof number - 1; at++) {
    if (*at >= '0' && *at <= '9') digits = true, number[n++] = *at;
    else if ((*at == '.' || *at == ',') && !point) point = true, number[n++] = '.';
    else break;
  }
  number[n] = '\0';
  if (!digits) return false;
  while (at < end && *at == ' ') at++;
  const size_t rest = (size_t)(end - at);
  if (rest > 0 && !(*p->unit && word_equal(at, rest, p->unit)) && !word_equal(at, rest, "db")) return false;
  *value = clamp_value(p, strtod_l(number, NULL, gs_c_locale()));
  return true;
}

size_t gs_point_save(const gs_point *point, char *out, size_t size) {
  return gs_state_write(point->values, out, size);
}

bool gs_point_load(gs_point *point, const char *text, size_t length, char *error, size_t error_size) {
  double values[GS_PARAM_COUNT];
  if (!gs_state_read(text, length, values, error, error_size)) return false;
  for (int i = 0; i < GS_PARAM_COUNT; i++) gs_point_set(point, i, values[i]);
  return true;
}
