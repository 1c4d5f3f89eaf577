/* The declared parameters by id, normalized, as text and back (params.h): the web's rules (host/model/params.ts and
   format.ts), checked against them on every parameter by tests/native/clap.test.ts and clap-manners.test.ts. */
#define _GNU_SOURCE /* strtod_l: numbers in the C locale, whatever the host's */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "params.h"
#include "state-json.h"

/* The true minus sign, as the web app prints levels (format.ts). */
static const char MINUS[] = "\xE2\x88\x92";

int gs_param_index(uint32_t id) {
  for (int i = 0; i < GS_PARAM_COUNT; i++)
    if (GS_PARAMS[i].id == id) return i;
  return -1;
}

double gs_param_normalize(int index, double value) {
  const gs_param_decl *p = &GS_PARAMS[index];
  if (isnan(value)) return value;
  const double v = value < p->min ? p->min : value > p->max ? p->max : value;
  return (p->flags & GS_PARAM_STEPPED) ? floor(v + 0.5) : v;
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
  if (isnan(value)) {
    snprintf(out, size, "\xE2\x80\x94"); /* — */
    return;
  }
  /* The text of the value the parameter would take: within its range, so every number is finite
     and small (no float-to-integer overflow for a host's ±1e300). */
  value = gs_param_normalize(index, value);
  if (p->choice_count > 0) {
    snprintf(out, size, "%s", p->choices[(int)value]);
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
  /* A unit only where the parameter has one: its own, or "db" (as params.ts textToValue reads it). */
  if (rest > 0 && !(*p->unit && (word_equal(at, rest, p->unit) || word_equal(at, rest, "db")))) return false;
  *value = gs_param_normalize(index, strtod_l(number, NULL, gs_c_locale()));
  return true;
}

