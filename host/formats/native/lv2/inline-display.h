/*
 * Ardour's inline display for LV2 (Harrison Consoles' extension, as Ardour documents it in its
 * lv2_extensions.h): the host asks the plugin for a small picture of itself for the mixer strip,
 * on a thread of its own (not the audio thread); the plugin asks for a redraw with queue_draw,
 * which is real-time safe. Declared by us. Gainstage draws its IN and OUT bars (inline-display.c).
 */
#ifndef GAINSTAGE_LV2_INLINE_DISPLAY_H
#define GAINSTAGE_LV2_INLINE_DISPLAY_H

#include <lv2/core/lv2.h>
#include <stdint.h>

#define GS_IDPY_URI "http://harrisonconsoles.com/lv2/inlinedisplay"
#define GS_IDPY__interface GS_IDPY_URI "#interface"
#define GS_IDPY__queue_draw GS_IDPY_URI "#queue_draw"

/* An ARGB32 picture (cairo's layout: premultiplied, native-endian words). */
typedef struct {
  unsigned char *data;
  int width, height, stride;
} gs_idpy_surface;

typedef struct {
  /* The picture at `width` wide and at most `max_height` high; NULL: none now. [the host's display thread] */
  gs_idpy_surface *(*render)(LV2_Handle instance, uint32_t width, uint32_t max_height);
} gs_idpy_interface;

typedef struct {
  void *handle;
  void (*queue_draw)(void *handle); /* [any thread, real-time safe] */
} gs_idpy_host;

struct gs_point;

/* The picture's memory, owned by the plugin instance. */
typedef struct gs_idpy {
  const gs_idpy_host *host;
  uint32_t *pixels;
  uint32_t capacity; /* pixels allocated */
  gs_idpy_surface surface;
  double readout[GS_READOUT_SLOTS];
  uint32_t frames_since_draw, draw_every_frames;
} gs_idpy;

/* Draws the IN and OUT bars of `point`'s latest meters. [display thread] */
gs_idpy_surface *gs_idpy_render(gs_idpy *display, struct gs_point *point, uint32_t width, uint32_t max_height);
/* Asks the host to redraw at display pace (call after each run with its frames). [audio thread] */
void gs_idpy_tick(gs_idpy *display, uint32_t frames);
void gs_idpy_free(gs_idpy *display);

#endif
