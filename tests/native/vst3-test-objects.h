/*
 * The host-side objects a VST 3 plug-in is handed, for the test host (vst3-host.c): parameter
 * changes (in: points at absolute frames, shown to each block as its own; out: what the plug-in
 * sends, kept at absolute frames), a memory stream for state, and UTF-16 → UTF-8.
 */
#ifndef GAINSTAGE_VST3_TEST_OBJECTS_H
#define GAINSTAGE_VST3_TEST_OBJECTS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vst3/vst3-abi.h"

#define TEST_QUEUES 64
#define TEST_POINTS 8192

static void test_utf8(char *out, size_t size, const vst3_char16 *text) {
  size_t at = 0;
  for (int i = 0; i < 128 && text[i] && at + 4 < size; i++) {
    const uint32_t c = text[i];
    if (c < 0x80) out[at++] = (char)c;
    else if (c < 0x800) out[at++] = (char)(0xC0 | (c >> 6)), out[at++] = (char)(0x80 | (c & 0x3F));
    else out[at++] = (char)(0xE0 | (c >> 12)), out[at++] = (char)(0x80 | ((c >> 6) & 0x3F)), out[at++] = (char)(0x80 | (c & 0x3F));
  }
  out[at] = 0;
}

static vst3_result test_no_query(void *self, const vst3_uid iid, void **object) {
  (void)self, (void)iid;
  *object = NULL;
  return VST3_NO_INTERFACE;
}
static uint32_t test_one(void *self) {
  (void)self;
  return 1;
}

typedef struct test_queue {
  const vst3_param_value_queue_vtbl *vtbl;
  uint32_t id;
  int32_t count;
  int32_t offsets[TEST_POINTS];
  double values[TEST_POINTS];
} test_queue;

static vst3_param_id queue_id(void *self) { return ((test_queue *)self)->id; }
static int32_t queue_count(void *self) { return ((test_queue *)self)->count; }
static vst3_result queue_get(void *self, int32_t index, int32_t *offset, vst3_param_value *value) {
  test_queue *q = self;
  if (index < 0 || index >= q->count) return VST3_INVALID_ARGUMENT;
  *offset = q->offsets[index];
  *value = q->values[index];
  return VST3_OK;
}
static vst3_result queue_add(void *self, int32_t offset, vst3_param_value value, int32_t *index);
static const vst3_param_value_queue_vtbl QUEUE = {test_no_query, test_one, test_one, queue_id, queue_count, queue_get, queue_add};

typedef struct test_changes {
  const vst3_parameter_changes_vtbl *vtbl;
  test_queue all[TEST_QUEUES];  /* every point, at absolute frames */
  int32_t count;
  test_queue shown[TEST_QUEUES]; /* this block's, at offsets in it */
  int32_t shown_count;
  int offset_base; /* out: the block's first frame */
  int recording;   /* out: points are added to `all` */
} test_changes;

static test_changes *test_recording; /* the object a queue of `all` belongs to, while recording */

static vst3_result queue_add(void *self, int32_t offset, vst3_param_value value, int32_t *index) {
  test_queue *q = self;
  if (q->count >= TEST_POINTS) return VST3_FALSE;
  q->offsets[q->count] = offset + (test_recording ? test_recording->offset_base : 0);
  q->values[q->count] = value;
  if (index) *index = q->count;
  q->count++;
  return VST3_OK;
}

static test_queue *changes_find(test_changes *c, uint32_t id) {
  for (int32_t i = 0; i < c->count; i++)
    if (c->all[i].id == id) return &c->all[i];
  if (c->count >= TEST_QUEUES) return NULL;
  test_queue *q = &c->all[c->count++];
  q->vtbl = &QUEUE;
  q->id = id;
  q->count = 0;
  return q;
}

static int32_t changes_count(void *self) {
  test_changes *c = self;
  return c->recording ? c->count : c->shown_count;
}
static vst3_param_value_queue *changes_get(void *self, int32_t index) {
  test_changes *c = self;
  if (c->recording) return index >= 0 && index < c->count ? (vst3_param_value_queue *)&c->all[index] : NULL;
  return index >= 0 && index < c->shown_count ? (vst3_param_value_queue *)&c->shown[index] : NULL;
}
static vst3_param_value_queue *changes_add(void *self, const vst3_param_id *id, int32_t *index) {
  test_changes *c = self;
  test_recording = c;
  test_queue *q = changes_find(c, *id);
  if (index) *index = q ? (int32_t)(q - c->all) : -1;
  return (vst3_param_value_queue *)q;
}
static const vst3_parameter_changes_vtbl CHANGES = {test_no_query, test_one, test_one, changes_count, changes_get, changes_add};

static void test_changes_init(test_changes *c) {
  memset(c, 0, sizeof *c);
  c->vtbl = &CHANGES;
  c->recording = 1;
}

/* In: a point at absolute frame `frame`. */
static void test_changes_add(test_changes *c, uint32_t id, int frame, double value) {
  test_queue *q = changes_find(c, id);
  q->offsets[q->count] = frame;
  q->values[q->count++] = value;
  c->recording = 0;
}

/* In: shows the block [at, at + frames) its points, at offsets in the block. */
static void test_changes_window(test_changes *c, int at, int frames) {
  c->shown_count = 0;
  for (int32_t i = 0; i < c->count; i++) {
    test_queue *shown = &c->shown[c->shown_count];
    shown->vtbl = &QUEUE;
    shown->id = c->all[i].id;
    shown->count = 0;
    for (int32_t k = 0; k < c->all[i].count; k++)
      if (c->all[i].offsets[k] >= at && c->all[i].offsets[k] < at + frames) {
        shown->offsets[shown->count] = c->all[i].offsets[k] - at;
        shown->values[shown->count++] = c->all[i].values[k];
      }
    if (shown->count > 0) c->shown_count++;
  }
}

/* Out: "changes": {id: {count, first, last, lastValue}} */
static void test_changes_print(const test_changes *c) {
  printf("\"changes\": {");
  for (int32_t i = 0; i < c->count; i++) {
    const test_queue *q = &c->all[i];
    printf("%s\"%u\": {\"count\": %d, \"first\": %d, \"last\": %d, \"lastValue\": %.17g}", i ? ", " : "", q->id,
           q->count, q->count ? q->offsets[0] : -1, q->count ? q->offsets[q->count - 1] : -1,
           q->count ? q->values[q->count - 1] : 0.0);
  }
  printf("}");
}

typedef struct test_stream {
  const vst3_bstream_vtbl *vtbl;
  char *data;
  size_t size, at, capacity;
} test_stream;

static vst3_result stream_read(void *self, void *buffer, int32_t bytes, int32_t *done) {
  test_stream *s = self;
  size_t n = s->size - s->at < (size_t)bytes ? s->size - s->at : (size_t)bytes;
  memcpy(buffer, s->data + s->at, n);
  s->at += n;
  if (done) *done = (int32_t)n;
  return VST3_OK;
}
static vst3_result stream_write(void *self, void *buffer, int32_t bytes, int32_t *done) {
  test_stream *s = self;
  if (s->at + (size_t)bytes > s->capacity) {
    s->capacity = (s->at + (size_t)bytes) * 2;
    s->data = realloc(s->data, s->capacity);
  }
  memcpy(s->data + s->at, buffer, (size_t)bytes);
  s->at += (size_t)bytes;
  if (s->at > s->size) s->size = s->at;
  if (done) *done = bytes;
  return VST3_OK;
}
static vst3_result stream_seek(void *self, int64_t position, int32_t mode, int64_t *result) {
  test_stream *s = self;
  const int64_t base = mode == VST3_SEEK_SET ? 0 : mode == VST3_SEEK_CUR ? (int64_t)s->at : (int64_t)s->size;
  s->at = (size_t)(base + position);
  if (result) *result = (int64_t)s->at;
  return VST3_OK;
}
static vst3_result stream_tell(void *self, int64_t *position) {
  *position = (int64_t)((test_stream *)self)->at;
  return VST3_OK;
}
static const vst3_bstream_vtbl STREAM = {test_no_query, test_one, test_one, stream_read, stream_write, stream_seek, stream_tell};

/* A stream holding a copy of `data` (NULL: empty, for writing). */
static void test_stream_init(test_stream *s, const char *data, size_t size) {
  s->vtbl = &STREAM;
  s->size = s->capacity = size;
  s->at = 0;
  s->data = malloc(size ? size : 1);
  if (data) memcpy(s->data, data, size);
}

#endif
