/* A small strict JSON reader (json-reader.h): enough to read a state and refuse anything else. */
#define _GNU_SOURCE /* strtod_l */
#include "json-reader.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state-json.h"


bool gs_json_fail(reader *r, const char *format, ...) {
  if (!r->failed) {
    va_list args;
    va_start(args, format);
    vsnprintf(r->error, r->error_size, format, args);
    va_end(args);
  }
  r->failed = true;
  return false;
}

void gs_json_space(reader *r) {
  while (r->at < r->end && (*r->at == ' ' || *r->at == '\t' || *r->at == '\n' || *r->at == '\r')) r->at++;
}

bool gs_json_expect(reader *r, char c) {
  gs_json_space(r);
  if (r->at < r->end && *r->at == c) {
    r->at++;
    return true;
  }
  return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?): expected '%c' at byte %ld", c,
              (long)(r->at - r->start));
}

static int hex(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A string; its bytes (escapes decoded, UTF-8) go to `out` if given. Longer than GS_JSON_MAX_KEY is cut, not refused. */
bool gs_json_string(reader *r, char *out, size_t *length) {
  if (!gs_json_expect(r, '"')) return false;
  size_t n = 0;
  while (r->at < r->end && *r->at != '"') {
    unsigned char c = (unsigned char)*r->at++;
    uint32_t code = c;
    if (c < 0x20) return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?): a control character in a string");
    if (c == '\\') {
      if (r->at >= r->end) break;
      char e = *r->at++;
      const char *simple = strchr("\"\\/bfnrt", e);
      if (simple && e) code = (const char[]){'"', '\\', '/', '\b', '\f', '\n', '\r', '\t'}[simple - "\"\\/bfnrt"];
      else if (e == 'u' && r->end - r->at >= 4) {
        code = 0;
        for (int i = 0; i < 4; i++) {
          int h = hex(*r->at++);
          if (h < 0) return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?): a bad \\u escape");
          code = code * 16 + (uint32_t)h;
        }
      } else {
        return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?): a bad escape");
      }
    }
    /* Keys we compare are ASCII; other code points are kept as '?' (a mismatch either way). */
    if (out && n < GS_JSON_MAX_KEY) out[n++] = code < 0x80 ? (char)code : '?';
  }
  if (!gs_json_expect(r, '"')) return false;
  if (out) out[n < GS_JSON_MAX_KEY ? n : GS_JSON_MAX_KEY] = '\0';
  if (length) *length = n;
  return true;
}

bool gs_json_number(reader *r, double *value) {
  gs_json_space(r);
  const char *start = r->at;
  if (r->at < r->end && *r->at == '-') r->at++;
  if (r->at < r->end && *r->at == '0') r->at++;
  else if (r->at < r->end && *r->at >= '1' && *r->at <= '9')
    while (r->at < r->end && *r->at >= '0' && *r->at <= '9') r->at++;
  else return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?): a bad number");
  if (r->at < r->end && *r->at == '.') {
    r->at++;
    if (r->at >= r->end || *r->at < '0' || *r->at > '9') return gs_json_fail(r, "state is not valid JSON: a bad number");
    while (r->at < r->end && *r->at >= '0' && *r->at <= '9') r->at++;
  }
  if (r->at < r->end && (*r->at == 'e' || *r->at == 'E')) {
    r->at++;
    if (r->at < r->end && (*r->at == '+' || *r->at == '-')) r->at++;
    if (r->at >= r->end || *r->at < '0' || *r->at > '9') return gs_json_fail(r, "state is not valid JSON: a bad number");
    while (r->at < r->end && *r->at >= '0' && *r->at <= '9') r->at++;
  }
  char text[64];
  const size_t n = (size_t)(r->at - start);
  if (n >= sizeof text) return gs_json_fail(r, "state is not valid JSON: a number %zu characters long", n);
  memcpy(text, start, n);
  text[n] = '\0';
  *value = strtod_l(text, NULL, gs_c_locale());
  return true;
}

static bool literal(reader *r, const char *word) {
  const size_t n = strlen(word);
  if ((size_t)(r->end - r->at) >= n && memcmp(r->at, word, n) == 0) {
    r->at += n;
    return true;
  }
  return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?)");
}

/* Any value, checked and passed over. */
bool gs_json_skip(reader *r, int depth) {
  if (depth > GS_JSON_MAX_DEPTH) return gs_json_fail(r, "state is nested more than %d deep; not a Gainstage state", GS_JSON_MAX_DEPTH);
  gs_json_space(r);
  if (r->at >= r->end) return gs_json_fail(r, "state is not valid JSON (truncated or corrupted?)");
  const char c = *r->at;
  if (c == '"') return gs_json_string(r, NULL, NULL);
  if (c == 't') return literal(r, "true");
  if (c == 'f') return literal(r, "false");
  if (c == 'n') return literal(r, "null");
  if (c == '[' || c == '{') {
    const char close = c == '[' ? ']' : '}';
    r->at++;
    gs_json_space(r);
    if (r->at < r->end && *r->at == close) return r->at++, true;
    for (;;) {
      if (c == '{' && !(gs_json_string(r, NULL, NULL) && gs_json_expect(r, ':'))) return false;
      if (!gs_json_skip(r, depth + 1)) return false;
      gs_json_space(r);
      if (r->at < r->end && *r->at == ',') r->at++;
      else return gs_json_expect(r, close);
    }
  }
  double ignored;
  return gs_json_number(r, &ignored);
}

/* What the value ahead is, in the web's words ("a string", "an array", …) for error messages. */
const char *gs_json_kind_ahead(reader *r) {
  gs_json_space(r);
  if (r->at >= r->end) return "nothing";
  switch (*r->at) {
    case '"': return "a string";
    case '[': return "an array";
    case '{': return "an object";
    case 'n': return "null";
    case 't':
    case 'f': return "a boolean";
    default: return "a number";
  }
}
