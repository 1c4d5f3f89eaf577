/* The state through a host's IBStream: the JSON every format writes (state-json.h), whole.
   Reading takes the stream to its end (at most GS_VST3_STATE_MAX_BYTES), then loads it all or
   nothing (point.h). [main] */
#include <stdio.h>
#include <stdlib.h>

#include "gainstage-vst3.h"

/* A state is a few kilobytes; anything past this is not one of ours. */
#define GS_VST3_STATE_MAX_BYTES (1 << 20)
/* Room for the longest state text (every parameter and snapshot slot written out). */
#define GS_VST3_STATE_TEXT_BYTES (64 * 1024)

vst3_result gs_vst3_save(gs_vst3 *self, vst3_bstream *stream) {
  if (!stream) return VST3_INVALID_ARGUMENT;
  char *text = malloc(GS_VST3_STATE_TEXT_BYTES);
  if (!text) return VST3_OUT_OF_MEMORY;
  const size_t length = gs_point_save(&self->point, text, GS_VST3_STATE_TEXT_BYTES);
  vst3_result result = length > 0 ? VST3_OK : VST3_INTERNAL_ERROR;
  for (size_t at = 0; result == VST3_OK && at < length;) {
    int32_t written = 0;
    result = stream->lpVtbl->write(stream, text + at, (int32_t)(length - at), &written);
    if (result == VST3_OK && written <= 0) result = VST3_INTERNAL_ERROR;
    at += written > 0 ? (size_t)written : 0;
  }
  free(text);
  return result;
}

/* Reads the whole stream into a buffer that grows as needed (up to GS_VST3_STATE_MAX_BYTES);
   its length, or GS_VST3_STATE_MAX_BYTES when it is larger than any state. */
static size_t read_all(vst3_bstream *stream, char **text) {
  size_t capacity = 16 * 1024, length = 0;
  *text = malloc(capacity);
  while (*text) {
    if (length == capacity) {
      if (capacity == GS_VST3_STATE_MAX_BYTES) return GS_VST3_STATE_MAX_BYTES;
      capacity *= 2;
      char *grown = realloc(*text, capacity);
      if (!grown) break;
      *text = grown;
    }
    int32_t read = 0;
    if (stream->lpVtbl->read(stream, *text + length, (int32_t)(capacity - length), &read) != VST3_OK || read <= 0)
      return length;
    length += (size_t)read;
  }
  return GS_VST3_STATE_MAX_BYTES;
}

vst3_result gs_vst3_load(gs_vst3 *self, vst3_bstream *stream) {
  if (!stream) return VST3_INVALID_ARGUMENT;
  char *text = NULL;
  const size_t length = read_all(stream, &text);
  char error[256] = "larger than any state";
  const bool loaded = text && length < GS_VST3_STATE_MAX_BYTES &&
                      gs_point_load(&self->point, text, length, error, sizeof error);
  if (!loaded) fprintf(stderr, "Gainstage: state refused, nothing changed: %s\n", error);
  free(text);
  return loaded ? VST3_OK : VST3_FALSE;
}
