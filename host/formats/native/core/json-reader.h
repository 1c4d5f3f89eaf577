/*
 * Reading JSON text (RFC 8259) as JavaScript's JSON.parse does, for the state reader
 * (state-json.c): a whole-text syntax check first (any nesting depth, as JSON.parse), then a walk
 * over values already known to be valid: the kind of a value in JavaScript's words, an object's
 * field by key (the last of duplicates, as JSON.parse keeps it), numbers and strings, and a value
 * quoted as JSON.stringify would write it. Thread: any; allocates nothing.
 */
#ifndef GAINSTAGE_JSON_READER_H
#define GAINSTAGE_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>

/* A value in the text: where it starts (past leading space). */
typedef const char *gs_json_value;

/* Whether text[0, length) is one valid JSON value (with space around it). */
bool gs_json_valid(const char *text, size_t length);

/* The value at the start of the valid text `text` … `end`. */
gs_json_value gs_json_first(const char *text, const char *end);

/* JavaScript's typeof for a value, with "an array" and "null" as the web's messages say. */
const char *gs_json_kind(gs_json_value value);

/* An object's fields, in order: `*at` starts at 0; each call gives the next key (decoded into
   `key`, GS_JSON_MAX_KEY bytes at most, cut) and its value; false after the last. */
#define GS_JSON_MAX_KEY 256
bool gs_json_next_field(gs_json_value object, const char **at, const char *end, char *key, gs_json_value *value);

/* The value of `key` in an object (the last one if repeated), or NULL. */
gs_json_value gs_json_field(gs_json_value object, const char *end, const char *key);

/* How many different keys an object has (duplicates count once, as in JSON.parse's result). */
int gs_json_key_count(gs_json_value object, const char *end);

/* A number's value (call on a number). */
double gs_json_number(gs_json_value value);

/* A string's bytes, escapes decoded (UTF-8), cut to `size` − 1; false if it is not a string. */
bool gs_json_string(gs_json_value value, const char *end, char *out, size_t size);

/* `value` as JSON.stringify writes it, cut to `limit` characters (numbers as JavaScript writes them). */
void gs_json_quote(gs_json_value value, const char *end, char *out, size_t size, size_t limit);

#endif
