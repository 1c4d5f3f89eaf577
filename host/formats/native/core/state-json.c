/* State text (state-json.h): the web's rules, in its order, with the declared messages (GS_MSG_*). */
#define _GNU_SOURCE /* uselocale */
#include "state-json.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js-number.h"
#include "json-reader.h"

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

void gs_state_defaults(gs_state *state) {
  memset(state, 0, sizeof *state);
  for (int i = 0; i < GS_PARAM_COUNT; i++) state->values[i] = GS_PARAMS[i].default_value;
}

/* ---- writing: JSON.stringify(saveState(…)) ---- */

typedef struct writer {
  char *out;
  size_t size, at;
  bool fits;
} writer;

static void put(writer *w, const char *text) {
  const size_t n = strlen(text);
  if (w->at + n >= w->size) w->fits = false;
  else memcpy(w->out + w->at, text, n), w->at += n;
}

static void put_params(writer *w, const double *values) {
  put(w, "{");
  for (int i = 0; i < GS_PARAM_COUNT; i++) {
    char number[40];
    gs_js_number_text(values[i], number, sizeof number);
    put(w, i ? ",\"" : "\""), put(w, GS_PARAMS[i].key), put(w, "\":"), put(w, number);
  }
  put(w, "}");
}

size_t gs_state_write(const gs_state *state, char *out, size_t size) {
  writer w = {out, size, 0, true};
  char version[16];
  snprintf(version, sizeof version, "%d", GS_STATE_VERSION);
  put(&w, "{\"format\":\"" GS_STATE_FORMAT "\",\"version\":"), put(&w, version);
  put(&w, ",\"plugin\":{\"id\":\"" GS_PLUGIN_ID "\",\"version\":\"" GS_PLUGIN_VERSION "\"},\"params\":");
  put_params(&w, state->values);
  if (state->link_id[0])
    put(&w, ",\"link\":{\"id\":\""), put(&w, state->link_id), put(&w, "\",\"role\":\""), put(&w, state->link_role),
      put(&w, "\"}");
  for (int s = 0, first = 1; s < GS_SNAPSHOT_SLOT_COUNT; s++) {
    if (!(state->snapshot_mask & (1u << s))) continue;
    put(&w, first ? ",\"snapshots\":{\"" : ",\""), put(&w, GS_SNAPSHOT_SLOTS[s]), put(&w, "\":");
    put_params(&w, state->snapshots[s]);
    first = 0;
  }
  if (state->snapshot_mask) put(&w, "}");
  put(&w, "}");
  if (w.fits) out[w.at] = '\0';
  return w.fits ? w.at : 0;
}

/* ---- reading: validateState(JSON.parse(text)) ---- */

typedef struct reading {
  const char *end;
  char *error;
  size_t error_size;
} reading;

#define QUOTE(value) quoted(r, value, (char[GS_QUOTED_LENGTH * 4 + 1]){0})
#define NUMBER(value) js_text(value, (char[40]){0})

static const char *quoted(const reading *r, gs_json_value value, char *out) {
  if (!value) return "undefined"; /* JSON.stringify(undefined), as the web's quote() falls back to */
  gs_json_quote(value, r->end, out, GS_QUOTED_LENGTH * 4 + 1, GS_QUOTED_LENGTH);
  return out;
}

static const char *js_text(double value, char *out) {
  gs_js_number_text(value, out, 40);
  return out;
}

/* `text` cut to `units` UTF-16 units, as JavaScript's slice(0, units). */
static void cut(char *text, size_t units) {
  size_t used = 0;
  for (unsigned char *t = (unsigned char *)text; *t; t++) {
    if ((*t & 0xC0) == 0x80) continue;
    const size_t width = *t >= 0xF0 ? 2 : 1;
    if (used + width > units) {
      *t = '\0';
      return;
    }
    used += width;
  }
}

/* A set of parameter values at `where` ("state.params", "state.snapshots.A") into `values`. */
static bool read_params(const reading *r, gs_json_value params, const char *where, double *values) {
  if (!params || *params != '{') return GS_MSG_NOT_OBJECT(r->error, r->error_size, where, gs_json_kind(params)), false;
  const int count = gs_json_key_count(params, r->end);
  if (count > GS_MAX_STATE_FIELDS) return GS_MSG_TOO_MANY_FIELDS(r->error, r->error_size, where, NUMBER(count)), false;
  bool known = false;
  for (int i = 0; i < GS_PARAM_COUNT && !known; i++) known = gs_json_field(params, r->end, GS_PARAMS[i].key) != NULL;
  if (count > 0 && !known) {
    char first[GS_JSON_MAX_KEY + 1];
    gs_json_value ignored;
    const char *at = NULL;
    gs_json_next_field(params, &at, r->end, first, &ignored);
    cut(first, GS_QUOTED_LENGTH);
    return GS_MSG_FOREIGN_PARAMS(r->error, r->error_size, where, NUMBER(count), first), false;
  }
  for (int i = 0; i < GS_PARAM_COUNT; i++) {
    const gs_param_decl *p = &GS_PARAMS[i];
    values[i] = p->default_value;
    const gs_json_value v = gs_json_field(params, r->end, p->key);
    if (!v) continue;
    const double x = *v == '-' || (*v >= '0' && *v <= '9') ? gs_json_number(v) : NAN;
    if (!isfinite(x)) return GS_MSG_NOT_FINITE(r->error, r->error_size, p->key, QUOTE(v)), false;
    char unit[24] = "";
    if (*p->unit) snprintf(unit, sizeof unit, " %s", p->unit);
    if (x < p->min || x > p->max)
      return GS_MSG_OUT_OF_RANGE(r->error, r->error_size, p->key, NUMBER(x), NUMBER(p->min), NUMBER(p->max), unit),
             false;
    if ((p->flags & GS_PARAM_STEPPED) && x != trunc(x))
      return GS_MSG_NOT_WHOLE(r->error, r->error_size, p->key, NUMBER(x)), false;
    values[i] = x;
  }
  return true;
}

static bool read_link(const reading *r, gs_json_value link, gs_state *state) {
  if (!link) return true;
  if (*link != '{') return GS_MSG_NOT_OBJECT(r->error, r->error_size, "state.link", gs_json_kind(link)), false;
  char id[GS_JSON_MAX_KEY + 1] = "", role[8] = "";
  const bool is_string = gs_json_string(gs_json_field(link, r->end, "id"), r->end, id, sizeof id);
  const size_t length = strlen(id);
  bool valid = is_string && length >= 1 && length <= GS_LINK_ID_MAX_LENGTH;
  for (size_t i = 0; valid && i < length; i++) valid = GS_LINK_ID_CHARACTER(id[i]);
  if (!valid) return GS_MSG_BAD_LINK_ID(r->error, r->error_size), false;
  const gs_json_value role_value = gs_json_field(link, r->end, "role");
  if (!gs_json_string(role_value, r->end, role, sizeof role) || (strcmp(role, "pre") != 0 && strcmp(role, "post") != 0))
    return GS_MSG_BAD_LINK_ROLE(r->error, r->error_size, QUOTE(role_value)), false;
  snprintf(state->link_id, sizeof state->link_id, "%s", id);
  snprintf(state->link_role, sizeof state->link_role, "%s", role);
  return true;
}

static bool read_snapshots(const reading *r, gs_json_value snapshots, gs_state *state) {
  if (!snapshots) return true;
  if (*snapshots != '{')
    return GS_MSG_NOT_OBJECT(r->error, r->error_size, "state.snapshots", gs_json_kind(snapshots)), false;
  char slot[GS_JSON_MAX_KEY + 1];
  gs_json_value params;
  for (const char *at = NULL; gs_json_next_field(snapshots, &at, r->end, slot, &params);) {
    int s = 0;
    while (s < GS_SNAPSHOT_SLOT_COUNT && strcmp(GS_SNAPSHOT_SLOTS[s], slot) != 0) s++;
    if (s < GS_SNAPSHOT_SLOT_COUNT) continue;
    cut(slot, GS_QUOTED_LENGTH);
    return GS_MSG_NO_SLOT(r->error, r->error_size, slot, GS_SNAPSHOT_SLOT_LIST), false;
  }
  for (const char *at = NULL; gs_json_next_field(snapshots, &at, r->end, slot, &params);) {
    int s = 0;
    while (strcmp(GS_SNAPSHOT_SLOTS[s], slot) != 0) s++;
    char where[sizeof "state.snapshots." + GS_JSON_MAX_KEY];
    snprintf(where, sizeof where, "state.snapshots.%s", slot);
    if (!read_params(r, gs_json_field(snapshots, r->end, slot), where, state->snapshots[s])) return false;
    state->snapshot_mask |= 1u << s;
  }
  return true;
}

bool gs_state_read(const char *text, size_t length, gs_state *state, char *error, size_t error_size) {
  const reading context = {text + length, error, error_size}, *r = &context;
  if (error_size) error[0] = '\0';
  if (length > GS_MAX_STATE_BYTES)
    return GS_MSG_TOO_LARGE(error, error_size, NUMBER(length), NUMBER(GS_MAX_STATE_BYTES)), false;
  if (!gs_json_valid(text, length)) return GS_MSG_NOT_JSON(error, error_size), false;
  const gs_json_value root = gs_json_first(text, r->end);
  if (*root != '{') return GS_MSG_NOT_OBJECT(error, error_size, "state", gs_json_kind(root)), false;
  const int fields = gs_json_key_count(root, r->end);
  if (fields > GS_MAX_STATE_FIELDS) return GS_MSG_TOO_MANY_FIELDS(error, error_size, "state", NUMBER(fields)), false;
  const gs_json_value format = gs_json_field(root, r->end, "format");
  char name[GS_JSON_MAX_KEY + 1];
  if (!gs_json_string(format, r->end, name, sizeof name) || strcmp(name, GS_STATE_FORMAT) != 0)
    return GS_MSG_NOT_OURS(error, error_size, QUOTE(format), GS_STATE_FORMAT), false;
  const gs_json_value version_value = gs_json_field(root, r->end, "version");
  const double version = version_value && strcmp(gs_json_kind(version_value), "number") == 0 ? gs_json_number(version_value) : NAN;
  if (!isfinite(version) || version != trunc(version) || version < 1)
    return GS_MSG_BAD_VERSION(error, error_size, QUOTE(version_value)), false;
  if (version > GS_STATE_VERSION)
    return GS_MSG_NEWER_VERSION(error, error_size, NUMBER(version), NUMBER(GS_STATE_VERSION)), false;
  gs_state read;
  gs_state_defaults(&read);
  if (!read_params(r, gs_json_field(root, r->end, "params"), "state.params", read.values) ||
      !read_link(r, gs_json_field(root, r->end, "link"), &read) ||
      !read_snapshots(r, gs_json_field(root, r->end, "snapshots"), &read))
    return false;
  *state = read;
  return true;
}
