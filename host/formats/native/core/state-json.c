/* State text (state-json.h): the state's rules on top of json-reader.c, and its writer. */
#define _GNU_SOURCE /* strtod_l, uselocale */
#include "state-json.h"

#include "json-reader.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The web refuses more fields than this in the state or its params (state.ts MAX_FIELDS). */
#define MAX_FIELDS 256

static locale_t numeric_locale;
static pthread_once_t locale_once = PTHREAD_ONCE_INIT;
static void make_locale(void) { numeric_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0); }
/* Freed when the plugin's library is unloaded: a host that unloads it keeps nothing of ours. */
__attribute__((destructor)) static void free_locale(void) {
  if (numeric_locale) freelocale(numeric_locale);
}
locale_t gs_c_locale(void) {
  pthread_once(&locale_once, make_locale);
  return numeric_locale;
}

/* ---- writing ---- */

/* The shortest text that reads back as exactly `value` (as JavaScript writes numbers). */
static void number_text(double value, char *out, size_t size) {
  locale_t previous = uselocale(gs_c_locale());
  for (int digits = 1; digits <= 17; digits++) {
    snprintf(out, size, "%.*g", digits, value);
    if (strtod_l(out, NULL, gs_c_locale()) == value) break;
  }
  uselocale(previous);
}

size_t gs_state_write(const double *values, char *out, size_t size) {
  size_t at = 0;
  bool fits = true;
#define PUT(...)                                                        \
  do {                                                                  \
    int n_ = snprintf(out + at, at < size ? size - at : 0, __VA_ARGS__); \
    if (n_ < 0 || at + (size_t)n_ >= size) fits = false;                \
    else at += (size_t)n_;                                              \
  } while (0)
  PUT("{\"format\":\"%s\",\"version\":%d,\"plugin\":{\"id\":\"%s\",\"version\":\"%s\"},\"params\":{", GS_STATE_FORMAT,
      GS_STATE_VERSION, GS_PLUGIN_ID, GS_PLUGIN_VERSION);
  for (int i = 0; i < GS_PARAM_COUNT && fits; i++) {
    char number[40];
    number_text(values[i], number, sizeof number);
    PUT("%s\"%s\":%s", i ? "," : "", GS_PARAMS[i].key, number);
  }
  PUT("}}");
#undef PUT
  return fits ? at : 0;
}

/* ---- reading ---- */
static bool read_params(reader *r, double *values) {
  if (r->at >= r->end || *r->at != '{') return gs_json_fail(r, "state.params must be an object, not %s", gs_json_kind_ahead(r));
  r->at++;
  gs_json_space(r);
  if (r->at < r->end && *r->at == '}') return r->at++, true;
  int known = 0;
  char first_key[41] = "";
  for (int fields = 1;; fields++) {
    if (fields > MAX_FIELDS) return gs_json_fail(r, "state.params has more than %d fields; too many", MAX_FIELDS);
    char key[GS_JSON_MAX_KEY + 1];
    if (!gs_json_string(r, key, NULL) || !gs_json_expect(r, ':')) return false;
    int index = -1;
    for (int i = 0; i < GS_PARAM_COUNT; i++)
      if (strcmp(GS_PARAMS[i].key, key) == 0) index = i;
    if (fields == 1) snprintf(first_key, sizeof first_key, "%.40s", key); /* the first 40 bytes, as the web quotes it */
    if (index >= 0) known++;
    if (index < 0) {
      if (!gs_json_skip(r, 2)) return false;
    } else {
      const gs_param_decl *p = &GS_PARAMS[index];
      if (strcmp(gs_json_kind_ahead(r), "a number") != 0) return gs_json_fail(r, "%s: %s is not a finite number", p->key, gs_json_kind_ahead(r));
      double value;
      if (!gs_json_number(r, &value)) return false;
      if (!isfinite(value)) return gs_json_fail(r, "%s: %.17g is not a finite number", p->key, value);
      if (value < p->min || value > p->max)
        return gs_json_fail(r, "%s: %.17g is outside %g … %g%s%s", p->key, value, p->min, p->max, *p->unit ? " " : "", p->unit);
      if ((p->flags & GS_PARAM_STEPPED) && value != nearbyint(value))
        return gs_json_fail(r, "%s: %.17g must be a whole number", p->key, value);
      values[index] = value;
    }
    gs_json_space(r);
    if (r->at < r->end && *r->at == ',') {
      r->at++;
      continue;
    }
    if (!gs_json_expect(r, '}')) return false;
    /* Parameters of something else only (another plugin's preset): loading it would reset every setting. */
    if (known == 0)
      return gs_json_fail(r, "state.params names none of Gainstage's parameters (%d unknown, e.g. \"%s\")", fields, first_key);
    return true;
  }
}

bool gs_state_read(const char *text, size_t length, double *values, char *error, size_t error_size) {
  reader r = {text, text, text + length, error, error_size, false};
  if (error_size) error[0] = '\0';
  if (length > GS_MAX_STATE_BYTES)
    return gs_json_fail(&r, "state is %zu bytes; more than %d is not a Gainstage state", length, GS_MAX_STATE_BYTES);
  double read[GS_PARAM_COUNT];
  for (int i = 0; i < GS_PARAM_COUNT; i++) read[i] = GS_PARAMS[i].default_value;
  bool has_format = false, has_params = false, has_version = false;
  const char *params_at = NULL;
  double version = 0;
  char format[GS_JSON_MAX_KEY + 1] = "";
  gs_json_space(&r);
  if (r.at >= r.end || *r.at != '{') {
    const char *kind = gs_json_kind_ahead(&r);
    /* Text that is not even JSON says so; JSON of another kind says what it is. */
    if (r.at < r.end && !strchr("\"[tfn-0123456789", *r.at)) return gs_json_fail(&r, "state is not valid JSON (truncated or corrupted?)");
    return gs_json_fail(&r, "state must be an object, not %s", kind);
  }
  r.at++;
  gs_json_space(&r);
  if (r.at < r.end && *r.at == '}') r.at++;
  else
    for (int fields = 1;; fields++) {
      if (fields > MAX_FIELDS) return gs_json_fail(&r, "state has more than %d fields; too many", MAX_FIELDS);
      char key[GS_JSON_MAX_KEY + 1];
      if (!gs_json_string(&r, key, NULL) || !gs_json_expect(&r, ':')) return false;
      gs_json_space(&r);
      if (strcmp(key, "format") == 0 && r.at < r.end && *r.at == '"') {
        if (!gs_json_string(&r, format, NULL)) return false;
        has_format = true;
      } else if (strcmp(key, "version") == 0 && strcmp(gs_json_kind_ahead(&r), "a number") == 0) {
        if (!gs_json_number(&r, &version)) return false;
        has_version = true;
      } else if (strcmp(key, "params") == 0) {
        /* The format decides what params means: read them once the whole state is known to be ours. */
        has_params = true;
        params_at = r.at;
        if (!gs_json_skip(&r, 1)) return false;
      } else if (!gs_json_skip(&r, 1)) {
        return false;
      }
      gs_json_space(&r);
      if (r.at < r.end && *r.at == ',') r.at++;
      else if (!gs_json_expect(&r, '}')) return false;
      else break;
    }
  gs_json_space(&r);
  if (r.at != r.end) return gs_json_fail(&r, "state is not valid JSON (truncated or corrupted?): text after the state");
  if (!has_format || strcmp(format, GS_STATE_FORMAT) != 0)
    return gs_json_fail(&r, "not a Gainstage state: format is %s%s%s, expected \"%s\"", has_format ? "\"" : "",
                has_format ? format : "missing", has_format ? "\"" : "", GS_STATE_FORMAT);
  if (!has_version || version < 1 || version != nearbyint(version))
    return gs_json_fail(&r, "state version must be a whole number >= 1");
  if (version > GS_STATE_VERSION)
    return gs_json_fail(&r, "state version %.0f is newer than this Gainstage understands (%d)", version, GS_STATE_VERSION);
  if (!has_params) return gs_json_fail(&r, "state.params must be an object, not missing");
  reader params = {text, params_at, r.end, error, error_size, false};
  gs_json_space(&params);
  if (!read_params(&params, read)) return false;
  memcpy(values, read, sizeof read);
  return true;
}
