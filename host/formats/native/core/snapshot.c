/* The meter snapshot (snapshot.h): a seqlock over atomic slots, one writer. */
#include "snapshot.h"

#include <string.h>

/* A reader gives up after this many torn copies (the writer publishes at most every few ms). */
#define READ_ATTEMPTS 8

#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

static double load_double(const double *at) {
  double value;
  __atomic_load(at, &value, __ATOMIC_RELAXED);
  return value;
}

static void store_double(double *at, double value) { __atomic_store(at, &value, __ATOMIC_RELAXED); }

void gs_snapshot_clear(gs_snapshot *s) {
  memset(s, 0, sizeof *s);
  s->consumed = 1;
}

void gs_snapshot_write(gs_snapshot *s, const double *readout, double frame) {
  const uint32_t consumed = __atomic_exchange_n(&s->consumed, 0, __ATOMIC_ACQ_REL);
  const uint32_t sequence = LOAD(s->sequence);
  STORE(s->sequence, sequence + 1);
  __atomic_thread_fence(__ATOMIC_RELEASE);
  /* Not read yet (and not the first write): each "max since read" keeps the larger. A NaN never
     wins (a reading is −∞ or a number), so max is the larger of the two as written. */
  double kept[GS_SINCE_READ_SLOT_COUNT];
  const bool merge = consumed == 0 && sequence > 0;
  if (merge)
    for (uint32_t i = 0; i < GS_SINCE_READ_SLOT_COUNT; i++) kept[i] = load_double(&s->values[GS_SINCE_READ_SLOTS[i]]);
  for (uint32_t i = 0; i < GS_READOUT_SLOTS; i++) store_double(&s->values[i], readout[i]);
  if (merge)
    for (uint32_t i = 0; i < GS_SINCE_READ_SLOT_COUNT; i++) {
      const uint32_t slot = GS_SINCE_READ_SLOTS[i];
      if (kept[i] > readout[slot]) store_double(&s->values[slot], kept[i]);
    }
  store_double(&s->frame, frame);
  __atomic_store_n(&s->sequence, sequence + 2, __ATOMIC_RELEASE);
}

bool gs_snapshot_read(gs_snapshot *s, double *out, double *frame) {
  for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
    const uint32_t before = __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE);
    if (before == 0) return false;
    if (before % 2 == 1) continue;
    for (uint32_t i = 0; i < GS_READOUT_SLOTS; i++) out[i] = load_double(&s->values[i]);
    const double at = load_double(&s->frame);
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    if (LOAD(s->sequence) != before) continue;
    __atomic_store_n(&s->consumed, 1, __ATOMIC_RELEASE);
    if (frame) *frame = at;
    return true;
  }
  return false;
}
