/*
 * The meter snapshot: the kernel's readout as the audio thread last published it, for any other
 * thread (a host's main thread, an editor) to copy without ever making the audio thread wait, as
 * the browser's meter snapshot does (host/formats/web/meter-snapshot.ts). A sequence counter (seqlock)
 * makes each copy consistent; every access to the values is an atomic one, so there is no data race.
 * Until a reader has copied a write, the next write merges each "max since read" slot
 * (GS_SINCE_READ_SLOTS) with max(), so no peak is lost however slowly the reader polls.
 *
 * Threads: one writer [audio thread]; readers on any other thread.
 */
#ifndef GAINSTAGE_SNAPSHOT_H
#define GAINSTAGE_SNAPSHOT_H

#include <stdbool.h>
#include <stdint.h>

#include "gainstage-contract.h"

typedef struct gs_snapshot {
  uint32_t sequence;                 /* odd while a write is under way */
  uint32_t consumed;                 /* 1 once a reader has copied the latest write */
  double frame;                      /* frames processed since activation when it was written */
  double values[GS_READOUT_SLOTS];   /* the readout's layout (gainstage-contract.h) */
} gs_snapshot;

/* No snapshot yet: reads return false until the first write. [main thread, audio stopped] */
void gs_snapshot_clear(gs_snapshot *snapshot);

/* Publishes `readout` (GS_READOUT_SLOTS values). [audio thread] */
void gs_snapshot_write(gs_snapshot *snapshot, const double *readout, double frame);

/* Copies the latest write into `out` (GS_READOUT_SLOTS values) and marks it read; false if there is
   none yet, or the writer was busy on every try (then try again at the next display frame). [any thread] */
bool gs_snapshot_read(gs_snapshot *snapshot, double *out, double *frame);

#endif
