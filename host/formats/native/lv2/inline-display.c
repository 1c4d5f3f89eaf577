/* Ardour's inline display (inline-display.h): the IN and OUT peak bars, one above the other, on the
   web's meter face (zones from the generated face; the −18 dBFS zone and −6 dBFS line marked).
   Plain pixel fills, no drawing library: the DSP library links nothing new. */
#include <math.h>
#include <stdlib.h>

#include "../core/point.h"
#include "inline-display.h"

/* Bars this tall and no taller, however much room the host offers. */
#define BAR_HEIGHT 8
#define GAP 2

static uint32_t argb(gs_rgba c) {
  return 0xFF000000u | (uint32_t)(c.r * 255 + 0.5) << 16 | (uint32_t)(c.g * 255 + 0.5) << 8 | (uint32_t)(c.b * 255 + 0.5);
}

/* The x of a level on a bar `width` wide, over the face's axis. */
static uint32_t x_of(double dbfs, uint32_t width) {
  const double span = GS_FACE_BAR_TOP_DBFS - GS_FACE_BAR_FLOOR_DBFS;
  const double at = fmin(fmax(dbfs, GS_FACE_BAR_FLOOR_DBFS), GS_FACE_BAR_TOP_DBFS) - GS_FACE_BAR_FLOOR_DBFS;
  return (uint32_t)lround(width * at / span);
}

static uint32_t zone(double dbfs) {
  if (dbfs >= GS_FACE_OVER_DBFS) return argb(GS_FACE_OVER);
  if (dbfs >= GS_FACE_HEADROOM_LINE_DBFS) return argb(GS_FACE_HOT);
  if (dbfs >= GS_FACE_ANALOG_ZONE_LOW_DBFS) return argb(GS_FACE_ANALOG);
  return argb(GS_FACE_SAFE);
}

static void bar(uint32_t *row0, uint32_t stride, uint32_t width, double dbfs) {
  const uint32_t level = isfinite(dbfs) ? x_of(dbfs, width) : 0;
  const uint32_t mark18 = x_of(-18, width), mark6 = x_of(GS_FACE_HEADROOM_LINE_DBFS, width);
  for (uint32_t y = 0; y < BAR_HEIGHT; y++) {
    uint32_t *row = row0 + y * stride;
    for (uint32_t x = 0; x < width; x++) {
      const double at = GS_FACE_BAR_FLOOR_DBFS + (GS_FACE_BAR_TOP_DBFS - GS_FACE_BAR_FLOOR_DBFS) * (x + 0.5) / width;
      row[x] = x < level ? zone(at) : argb(GS_FACE_PANEL_BG);
      if (x == mark18 || x == mark6) row[x] = argb(GS_FACE_STRONG);
    }
  }
}

gs_idpy_surface *gs_idpy_render(gs_idpy *d, gs_point *point, uint32_t width, uint32_t max_height) {
  const uint32_t height = 2 * BAR_HEIGHT + 3 * GAP;
  if (width == 0 || max_height < height) return NULL;
  if (width * height > d->capacity) {
    free(d->pixels);
    d->pixels = malloc(sizeof(uint32_t) * width * height);
    d->capacity = d->pixels ? width * height : 0;
    if (!d->pixels) return NULL;
  }
  for (uint32_t i = 0; i < width * height; i++) d->pixels[i] = argb(GS_FACE_PANEL_PANEL);
  const bool measured = gs_point_read_meters(point, d->readout);
  for (int tap = 0; tap < GS_TAP_COUNT; tap++) {
    const double peak = measured ? d->readout[GS_TAP_BLOCK(tap) + GS_CHANNEL_FIELDS_AT(-1) + GS_C_SAMPLE_PEAK_DBFS] : -INFINITY;
    bar(d->pixels + (GAP + tap * (BAR_HEIGHT + GAP)) * width, width, width, peak);
  }
  d->surface = (gs_idpy_surface){(unsigned char *)d->pixels, (int)width, (int)height, (int)(width * 4)};
  return &d->surface;
}

void gs_idpy_tick(gs_idpy *d, uint32_t frames) {
  if (!d->host) return;
  d->frames_since_draw += frames;
  if (d->frames_since_draw < d->draw_every_frames) return;
  d->frames_since_draw = 0;
  d->host->queue_draw(d->host->handle);
}

void gs_idpy_free(gs_idpy *d) {
  free(d->pixels);
  d->pixels = NULL;
  d->capacity = 0;
}
