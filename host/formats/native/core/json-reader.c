/* JSON read as JSON.parse reads it (json-reader.h): a syntax check, then a walk over valid text. */
#define _GNU_SOURCE /* strtod_l */
#include "json-reader.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "js-number.h"
#include "state-json.h"

/* Nesting the syntax check follows: a state is at most GS_MAX_STATE_BYTES, so at most that deep. */
#define MAX_DEPTH (GS_MAX_STATE_BYTES + 1)

static const char *space(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  return p;
}

static int hex(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Past the string at p ('"'), or NULL if it is not a valid one. */
static const char *string_end(const char *p, const char *end) {
  for (p++; p < end; p++) {
    const unsigned char c = (unsigned char)*p;
    if (c == '"') return p + 1;
    if (c < 0x20) return NULL;
    if (c != '\\') continue;
    if (++p >= end) return NULL;
    if (*p == 'u') {
      for (int i = 0; i < 4; i++)
        if (++p >= end || hex(*p) < 0) return NULL;
    } else if (!strchr("\"\\/bfnrt", *p) || !*p) {
      return NULL;
    }
  }
  return NULL;
}

static const char *digits(const char *p, const char *end) {
  while (p < end && *p >= '0' && *p <= '9') p++;
  return p;
}

/* Past the number at p, or NULL (JSON's grammar: no leading zeros, no '+', no bare '.'). */
static const char *number_end(const char *p, const char *end) {
  if (p < end && *p == '-') p++;
  if (p < end && *p == '0') p++;
  else if (p < end && *p >= '1' && *p <= '9') p = digits(p, end);
  else return NULL;
  if (p < end && *p == '.') {
    const char *q = digits(p + 1, end);
    if (q == p + 1) return NULL;
    p = q;
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < end && (*p == '+' || *p == '-')) p++;
    const char *q = digits(p, end);
    if (q == p) return NULL;
    p = q;
  }
  return p;
}

/* Past a scalar (string, number, literal) at p, or NULL. */
static const char *scalar_end(const char *p, const char *end) {
  if (p >= end) return NULL;
  if (*p == '"') return string_end(p, end);
  for (const char *const *word = (const char *const[]){"true", "false", "null", NULL}; *word; word++) {
    const size_t n = strlen(*word);
    if ((size_t)(end - p) >= n && memcmp(p, *word, n) == 0) return p + n;
  }
  return number_end(p, end);
}

bool gs_json_valid(const char *text, size_t length) {
  const char *end = text + length, *p = space(text, end);
  static _Thread_local uint8_t objects[MAX_DEPTH / 8 + 1]; /* bit d: level d is an object */
  size_t depth = 0;
  for (;;) {
    /* A value at p. */
    if (p < end && (*p == '{' || *p == '[')) {
      if (depth >= MAX_DEPTH) return false;
      const bool object = *p == '{';
      objects[depth / 8] = (uint8_t)((objects[depth / 8] & ~(1u << depth % 8)) | (object ? 1u << depth % 8 : 0));
      depth++;
      p = space(p + 1, end);
      if (p < end && *p == (object ? '}' : ']')) {
        depth--;
        p++;
      } else {
        if (object && (!(p = p < end && *p == '"' ? string_end(p, end) : NULL) || (p = space(p, end)) >= end || *p++ != ':'))
          return false;
        p = space(p, end);
        continue;
      }
    } else if (!(p = scalar_end(p, end))) {
      return false;
    }
    /* After a value: close levels, or go on to the next member. */
    for (;;) {
      p = space(p, end);
      if (depth == 0) return p == end;
      const bool object = objects[(depth - 1) / 8] & (1u << (depth - 1) % 8);
      if (p < end && *p == (object ? '}' : ']')) {
        depth--;
        p++;
        continue;
      }
      if (p >= end || *p != ',') return false;
      p = space(p + 1, end);
      if (object && (!(p = p < end && *p == '"' ? string_end(p, end) : NULL) || (p = space(p, end)) >= end || *p++ != ':'))
        return false;
      p = space(p, end);
      break;
    }
  }
}

gs_json_value gs_json_first(const char *text, const char *end) { return space(text, end); }

const char *gs_json_kind(gs_json_value v) {
  if (!v) return "undefined";
  switch (*v) {
    case '"': return "string";
    case '[': return "an array";
    case '{': return "object";
    case 'n': return "null";
    case 't':
    case 'f': return "boolean";
    default: return "number";
  }
}

/* Past the (valid) value at v. */
static const char *value_end(const char *v, const char *end) {
  if (*v != '{' && *v != '[') return scalar_end(v, end);
  size_t depth = 0;
  for (const char *p = v; p < end; p++) {
    if (*p == '"') p = string_end(p, end) - 1;
    else if (*p == '{' || *p == '[') depth++;
    else if ((*p == '}' || *p == ']') && --depth == 0) return p + 1;
  }
  return end;
}

/* Decodes the string at s (valid) into out (cut to size − 1 bytes); returns its decoded length. */
static size_t decode(const char *s, const char *end, char *out, size_t size) {
  size_t n = 0;
  for (const char *p = s + 1; p < end && *p != '"'; p++) {
    uint32_t code = (unsigned char)*p;
    if (*p == '\\') {
      const char e = *++p;
      if (e == 'u') {
        code = (uint32_t)(hex(p[1]) << 12 | hex(p[2]) << 8 | hex(p[3]) << 4 | hex(p[4]));
        p += 4;
      } else {
        code = (uint32_t)(unsigned char)"\"\\/\b\f\n\r\t"[strchr("\"\\/bfnrt", e) - "\"\\/bfnrt"];
      }
    }
    char bytes[4];
    size_t k = 0;
    if (code < 0x80 || *p != 'u') bytes[k++] = (char)code;
    else if (code < 0x800) bytes[k++] = (char)(0xC0 | code >> 6), bytes[k++] = (char)(0x80 | (code & 0x3F));
    else bytes[k++] = (char)(0xE0 | code >> 12), bytes[k++] = (char)(0x80 | (code >> 6 & 0x3F)), bytes[k++] = (char)(0x80 | (code & 0x3F));
    for (size_t i = 0; i < k; i++, n++)
      if (out && n + 1 < size) out[n] = bytes[i];
  }
  if (out && size) out[n < size ? n : size - 1] = '\0';
  return n;
}

bool gs_json_next_field(gs_json_value object, const char **at, const char *end, char *key, gs_json_value *value) {
  const char *p = *at ? *at : space(object + 1, end);
  if (p >= end || *p != '"') return false;
  decode(p, end, key, GS_JSON_MAX_KEY + 1);
  p = space(string_end(p, end), end) + 1; /* past ':' */
  *value = space(p, end);
  p = space(value_end(*value, end), end);
  *at = p < end && *p == ',' ? space(p + 1, end) : end;
  return true;
}

gs_json_value gs_json_field(gs_json_value object, const char *end, const char *key) {
  char name[GS_JSON_MAX_KEY + 1];
  gs_json_value value, found = NULL;
  for (const char *at = NULL; gs_json_next_field(object, &at, end, name, &value);)
    if (strcmp(name, key) == 0) found = value;
  return found;
}

static uint64_t hash(const char *text) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *text; text++) h = (h ^ (unsigned char)*text) * 1099511628211ull;
  return h;
}

static int by_value(const void *a, const void *b) {
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int gs_json_key_count(gs_json_value object, const char *end) {
  /* Every field takes at least 4 bytes ("":0), so the text bounds their number. */
  const size_t most = (size_t)(end - object) / 4 + 1;
  uint64_t *hashes = malloc(most * sizeof *hashes);
  if (!hashes) return 0;
  char name[GS_JSON_MAX_KEY + 1];
  gs_json_value value;
  size_t fields = 0;
  for (const char *at = NULL; fields < most && gs_json_next_field(object, &at, end, name, &value);)
    hashes[fields++] = hash(name);
  qsort(hashes, fields, sizeof *hashes, by_value);
  int count = 0;
  for (size_t i = 0; i < fields; i++) count += i == 0 || hashes[i] != hashes[i - 1];
  free(hashes);
  return count;
}

double gs_json_number(gs_json_value v) { return strtod_l(v, NULL, gs_c_locale()); }

bool gs_json_string(gs_json_value v, const char *end, char *out, size_t size) {
  if (!v || *v != '"') return false;
  decode(v, end, out, size);
  return true;
}

/* Appends `text` to out (at *n, up to `limit` UTF-16 units as JavaScript counts them); false when full. */
static bool put(char *out, size_t size, size_t *n, size_t *units, size_t limit, const char *text) {
  for (const unsigned char *t = (const unsigned char *)text; *t; t++) {
    const bool lead = (*t & 0xC0) != 0x80;
    if (lead) {
      const size_t width = *t >= 0xF0 ? 2 : 1; /* a code point above U+FFFF is two UTF-16 units */
      if (*units + width > limit) return false;
      *units += width;
    }
    if (*n + 1 < size) out[(*n)++] = (char)*t;
  }
  return true;
}

void gs_json_quote(gs_json_value v, const char *end, char *out, size_t size, size_t limit) {
  size_t n = 0, units = 0;
  const char *stop = value_end(v, end);
  for (const char *p = v; p < stop;) {
    char piece[GS_JSON_MAX_KEY * 6 + 8];
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      p++;
      continue;
    }
    if (*p == '"') {
      /* Decoded, then escaped as JSON.stringify escapes: quote, backslash, control characters. */
      char text[GS_JSON_MAX_KEY + 1];
      decode(p, end, text, sizeof text);
      size_t k = 0;
      piece[k++] = '"';
      for (const unsigned char *c = (const unsigned char *)text; *c && k + 8 < sizeof piece; c++) {
        const char *named = *c == '"' ? "\\\"" : *c == '\\' ? "\\\\" : *c == '\n' ? "\\n" : *c == '\r' ? "\\r" : *c == '\t' ? "\\t" : *c == '\b' ? "\\b" : *c == '\f' ? "\\f" : NULL;
        if (named) k += (size_t)sprintf(piece + k, "%s", named);
        else if (*c < 0x20) k += (size_t)sprintf(piece + k, "\\u%04x", *c);
        else piece[k++] = (char)*c;
      }
      piece[k++] = '"';
      piece[k] = '\0';
      p = string_end(p, end);
    } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
      const double number = gs_json_number(p);
      if (isfinite(number)) gs_js_number_text(number, piece, sizeof piece);
      else snprintf(piece, sizeof piece, "null"); /* JSON.stringify(Infinity) */
      p = number_end(p, end);
    } else if (strchr("{}[],:", *p)) {
      piece[0] = *p++, piece[1] = '\0';
    } else {
      const char *after = scalar_end(p, end);
      snprintf(piece, sizeof piece, "%.*s", (int)(after - p), p);
      p = after;
    }
    if (!put(out, size, &n, &units, limit, piece)) break;
  }
  if (size) out[n < size ? n : size - 1] = '\0';
}
