/*
 * A small strict JSON reader (RFC 8259): strings with every escape, numbers in the JSON grammar
 * read in the C locale, nesting limited, any value checked and passed over. Errors say what is
 * wrong in the web's words ("state is not valid JSON (truncated or corrupted?)"). Used by
 * state-json.c. Thread: any; allocates nothing.
 */
#ifndef GAINSTAGE_JSON_READER_H
#define GAINSTAGE_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>

/* JSON nesting deeper than this is refused (a real state is 3 deep). */
#define GS_JSON_MAX_DEPTH 32
/* Strings longer than this are cut when kept (keys and the format string cannot be longer). */
#define GS_JSON_MAX_KEY 256

typedef struct reader {
  const char *start, *at, *end;
  char *error;
  size_t error_size;
  bool failed;
} reader;

/* Records the first error (printf-style) and returns false. */
bool gs_json_fail(reader *r, const char *format, ...);
void gs_json_space(reader *r);
bool gs_json_expect(reader *r, char c);
/* A string; its bytes go to `out` (GS_JSON_MAX_KEY + 1) if given, non-ASCII as '?'. */
bool gs_json_string(reader *r, char *out, size_t *length);
bool gs_json_number(reader *r, double *value);
/* Any value, checked and passed over. */
bool gs_json_skip(reader *r, int depth);
/* What the value ahead is ("a string", "an array", …), for messages. */
const char *gs_json_kind_ahead(reader *r);

#endif
