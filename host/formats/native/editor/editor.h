/*
 * Gainstage's own editor for the native formats (CLAP gui, VST3 IPlugView, LV2 X11 UI): drawn with
 * cairo into an X11 window the editor makes inside the host's, on the host's event loop (the
 * format's adapter calls gs_editor_idle from the host's timer or when the X connection's file
 * descriptor is readable: the editor has no thread of its own). It shows what the web panel shows
 * first: IN and OUT peak bars on the shared meter face (the −18 dBFS zone, the −6 dBFS headroom
 * line, clip lights), the readouts, the input and output trims as faders, Learn with Undo, and the
 * IN − OUT delta with Match.
 *
 * The editor reads a model (plain values) the adapter fills from the point (meters from the
 * lock-free snapshot, never the kernel) and sends edits back through the adapter, which passes
 * them to the host as gestures (begin, values, end), so automation records them.
 * Thread: the host's main (UI) thread, every function.
 */
#ifndef GAINSTAGE_EDITOR_H
#define GAINSTAGE_EDITOR_H

#include <stdbool.h>
#include <stdint.h>

#include "gainstage-contract.h"

/* The editor's size at scale 1 (logical pixels); it draws the same at any size it is given. */
#define GS_EDITOR_WIDTH 760
#define GS_EDITOR_HEIGHT 380

/* One tap's readings as the editor shows them (dBFS, dBTP, dB, VU, LUFS; -INFINITY: none). */
typedef struct gs_editor_tap {
  double channel_peak_dbfs[2];
  double sample_peak_dbfs, true_peak_dbtp, rms_aes17_db, vu, short_term_lufs, integrated_lufs;
  double clips;
} gs_editor_tap;

typedef struct gs_editor_model {
  gs_editor_tap in, out;
  double input_trim_db, output_trim_db;
  /* Learn: 0 idle, 1 learning, 2 done (the kernel's LEARN_STATES), and what it decided. */
  int learn_state;
  double learned_trim_db, learned_level_db;
  bool has_meters;
  /* Whether Learn can be asked for (a format whose plugin takes commands: CLAP, VST3). */
  bool can_learn;
} gs_editor_model;

/* What the editor asks of its adapter. Edits come as a gesture: begin, one or more values, end. */
typedef struct gs_editor_host {
  void *context;
  /* Fills `model` with the values and meters now. */
  void (*read)(void *context, gs_editor_model *model);
  void (*begin_edit)(void *context, uint32_t param_id);
  void (*edit)(void *context, uint32_t param_id, double plain);
  void (*end_edit)(void *context, uint32_t param_id);
  /* A kernel command (Learn's start, finish, cancel), for the audio thread. May be NULL (no Learn). */
  void (*command)(void *context, uint32_t command_id, double value);
} gs_editor_host;

typedef struct gs_editor gs_editor;

/* An editor inside X11 window `parent` (its own connection to the display); NULL if there is no
   display or window. `scale` multiplies the logical size. */
gs_editor *gs_editor_create(const gs_editor_host *host, unsigned long parent, double scale);
void gs_editor_destroy(gs_editor *editor);
/* The X connection's file descriptor, for hosts that wake the editor when it is readable. */
int gs_editor_fd(const gs_editor *editor);
/* Handles pending X events and redraws from a fresh model. Call at display pace (≈ 30 Hz). */
void gs_editor_idle(gs_editor *editor);
/* The window's size now (physical pixels), and a new one (at least the minimum). */
void gs_editor_get_size(const gs_editor *editor, uint32_t *width, uint32_t *height);
void gs_editor_set_size(gs_editor *editor, uint32_t width, uint32_t height);
void gs_editor_show(gs_editor *editor, bool visible);
/* The X11 window the editor draws in (a child of the parent). */
unsigned long gs_editor_window(const gs_editor *editor);

/* The drawing alone (editor-draw.c): the whole face for `model` on a cairo context of the logical
   size, `hot` the control under the pointer (a GS_EDITOR_* id, or -1). */
typedef struct _cairo cairo_t;
void gs_editor_draw(cairo_t *cr, const gs_editor_model *model, int hot);

/* The controls and where they are (logical pixels). */
enum { GS_EDITOR_INPUT_TRIM, GS_EDITOR_OUTPUT_TRIM, GS_EDITOR_LEARN, GS_EDITOR_UNDO, GS_EDITOR_MATCH, GS_EDITOR_CONTROLS };
typedef struct gs_editor_rect {
  double x, y, width, height;
} gs_editor_rect;
extern const gs_editor_rect GS_EDITOR_CONTROL_RECTS[GS_EDITOR_CONTROLS];
/* The control at (x, y), or -1. */
int gs_editor_hit(double x, double y);
/* The parameter a fader sets (GS_ID_*), and its index in GS_PARAMS. */
uint32_t gs_editor_param_id(int control);
int gs_editor_param_index(int control);
/* A fader's value kept inside its parameter's range while it is dragged (the model, whose
   gs_param_normalize is the one rule, has the last word on what a value becomes). */
double gs_editor_clamp(int control, double db);

/* The model from a published readout and the trims (editor-model.c). */
void gs_editor_model_fill(gs_editor_model *model, const double *readout, double input_trim_db, double output_trim_db);

#endif
