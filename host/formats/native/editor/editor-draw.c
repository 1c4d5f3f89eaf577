/* The editor's face, drawn with cairo at its logical size from a model: the meter face and colours
   are the web's (generated from host/declaration/meter-face.ts), the numbers written as the web
   writes them ("−20.0 dBFS", "—" for no reading). [main] */
#include <cairo/cairo.h>
#include <math.h>
#include <stdio.h>

#include "editor.h"

/* Where things are (logical pixels). */
#define STRIP_WIDTH 220.0
#define STRIP_TOP 12.0
#define BARS_TOP 44.0
#define BARS_HEIGHT 250.0
#define BAR_WIDTH 16.0
#define CENTRE_X 252.0
#define FADER_WIDTH 170.0

const gs_editor_rect GS_EDITOR_CONTROL_RECTS[GS_EDITOR_CONTROLS] = {
  [GS_EDITOR_INPUT_TRIM] = {CENTRE_X, 56, FADER_WIDTH, 22},
  [GS_EDITOR_OUTPUT_TRIM] = {CENTRE_X, 116, FADER_WIDTH, 22},
  [GS_EDITOR_LEARN] = {CENTRE_X, 160, 84, 28},
  [GS_EDITOR_UNDO] = {CENTRE_X + 92, 160, 64, 28},
  [GS_EDITOR_MATCH] = {CENTRE_X, 316, 84, 28},
};

uint32_t gs_editor_param_id(int control) {
  return control == GS_EDITOR_OUTPUT_TRIM ? GS_ID_OUTPUT_TRIM_DB : GS_ID_INPUT_TRIM_DB;
}

int gs_editor_param_index(int control) {
  const uint32_t id = gs_editor_param_id(control);
  for (int i = 0; i < GS_PARAM_COUNT; i++)
    if (GS_PARAMS[i].id == id) return i;
  return 0;
}

double gs_editor_clamp(int control, double db) {
  const gs_param_decl *p = &GS_PARAMS[gs_editor_param_index(control)];
  return db < p->min ? p->min : db > p->max ? p->max : db;
}

int gs_editor_hit(double x, double y) {
  for (int i = 0; i < GS_EDITOR_CONTROLS; i++) {
    const gs_editor_rect *r = &GS_EDITOR_CONTROL_RECTS[i];
    if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height) return i;
  }
  return -1;
}

static void colour(cairo_t *cr, gs_rgba c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

static void text(cairo_t *cr, double x, double y, double size, gs_rgba c, const char *s) {
  cairo_set_font_size(cr, size);
  colour(cr, c);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, s);
}

/* "−20.0 dBFS" (the web's minus sign), "—" for no reading. */
static void level_text(char *out, size_t size, double value, const char *unit) {
  if (!isfinite(value) || value <= GS_METER_FLOOR_DB) snprintf(out, size, "\u2014");
  else snprintf(out, size, "%s%.1f %s", value < 0 ? "\u2212" : (value > 0 ? "+" : ""), fabs(value), unit);
}

/* The y of a level on the bar axis. */
static double bar_y(double dbfs) {
  const double span = GS_FACE_BAR_TOP_DBFS - GS_FACE_BAR_FLOOR_DBFS;
  const double at = fmin(fmax(dbfs, GS_FACE_BAR_FLOOR_DBFS), GS_FACE_BAR_TOP_DBFS) - GS_FACE_BAR_FLOOR_DBFS;
  return BARS_TOP + BARS_HEIGHT * (1 - at / span);
}

static gs_rgba zone_colour(double dbfs) {
  if (dbfs >= GS_FACE_OVER_DBFS) return GS_FACE_OVER;
  if (dbfs >= GS_FACE_HEADROOM_LINE_DBFS) return GS_FACE_HOT;
  if (dbfs >= GS_FACE_ANALOG_ZONE_LOW_DBFS) return GS_FACE_ANALOG;
  return GS_FACE_SAFE;
}

/* One channel's bar: coloured by zone from the floor up to its level. */
static void bar(cairo_t *cr, double x, double dbfs) {
  colour(cr, GS_FACE_PANEL_BG);
  cairo_rectangle(cr, x, BARS_TOP, BAR_WIDTH, BARS_HEIGHT);
  cairo_fill(cr);
  if (!isfinite(dbfs)) return;
  const double edges[] = {GS_FACE_BAR_FLOOR_DBFS, GS_FACE_ANALOG_ZONE_LOW_DBFS, GS_FACE_HEADROOM_LINE_DBFS,
                          GS_FACE_OVER_DBFS, GS_FACE_BAR_TOP_DBFS};
  for (int i = 0; i + 1 < 5 && edges[i] < dbfs; i++) {
    const double top = fmin(dbfs, edges[i + 1]);
    colour(cr, zone_colour(edges[i]));
    cairo_rectangle(cr, x, bar_y(top), BAR_WIDTH, bar_y(edges[i]) - bar_y(top));
    cairo_fill(cr);
  }
}

/* The scale between and beside the bars: the −18 zone, the −6 headroom line, the marks. */
static void scale(cairo_t *cr, double x) {
  colour(cr, GS_FACE_ZONE);
  cairo_rectangle(cr, x, bar_y(GS_FACE_ANALOG_ZONE_HIGH_DBFS), 2 * BAR_WIDTH + 4,
                  bar_y(GS_FACE_ANALOG_ZONE_LOW_DBFS) - bar_y(GS_FACE_ANALOG_ZONE_HIGH_DBFS));
  cairo_fill(cr);
  for (int i = 0; i < GS_FACE_MARK_COUNT; i++) {
    const double mark = GS_FACE_MARKS_DBFS[i];
    const bool strong = mark == GS_FACE_HEADROOM_LINE_DBFS || mark == -18;
    colour(cr, strong ? GS_FACE_STRONG : GS_FACE_GRID);
    cairo_rectangle(cr, x - 2, bar_y(mark) - 0.5, 2 * BAR_WIDTH + 8, strong ? 1.5 : 1);
    cairo_fill(cr);
    char label[16];
    snprintf(label, sizeof label, "%s%.0f", mark < 0 ? "\u2212" : "", fabs(mark));
    text(cr, x + 2 * BAR_WIDTH + 10, bar_y(mark) + 4, 10, strong ? GS_FACE_STRONG : GS_FACE_TEXT, label);
  }
}

static void strip(cairo_t *cr, double x, const char *title, const gs_editor_tap *tap) {
  colour(cr, GS_FACE_PANEL_PANEL);
  cairo_rectangle(cr, x, STRIP_TOP, STRIP_WIDTH, GS_EDITOR_HEIGHT - 2 * STRIP_TOP);
  cairo_fill(cr);
  text(cr, x + 10, STRIP_TOP + 22, 15, GS_FACE_PANEL_ACCENT, title);
  for (int c = 0; c < 2; c++) bar(cr, x + 10 + c * (BAR_WIDTH + 4), tap->channel_peak_dbfs[c]);
  scale(cr, x + 8);
  const struct { const char *label, *unit; double value; } rows[] = {
    {"Peak max", "dBFS", tap->sample_peak_dbfs}, {"True peak max", "dBTP", tap->true_peak_dbtp},
    {"RMS AES17", "dB", tap->rms_aes17_db},       {"VU", "VU", tap->vu},
    {"Short-term", "LUFS", tap->short_term_lufs}, {"Integrated", "LUFS", tap->integrated_lufs},
  };
  for (int i = 0; i < 6; i++) {
    char value[32];
    level_text(value, sizeof value, rows[i].value, rows[i].unit);
    text(cr, x + 84, BARS_TOP + 10 + 36 * i, 11, GS_FACE_PANEL_DIM, rows[i].label);
    text(cr, x + 84, BARS_TOP + 25 + 36 * i, 13, GS_FACE_PANEL_TEXT, value);
  }
  /* The clip light: lit from the first clipped sample until the meters are reset. */
  const bool clipped = tap->clips > 0;
  colour(cr, clipped ? GS_FACE_OVER : GS_FACE_PANEL_EDGE);
  cairo_rectangle(cr, x + 10, BARS_TOP + BARS_HEIGHT + 14, 2 * BAR_WIDTH + 4, 16);
  cairo_fill(cr);
  text(cr, x + 12, BARS_TOP + BARS_HEIGHT + 26, 10, clipped ? GS_FACE_HOLD : GS_FACE_PANEL_DIM, "clip");
}

/* A trim fader: its name, track, fill from 0 dB, thumb and value. */
static void fader(cairo_t *cr, int control, const char *name, double db, bool hot) {
  const gs_editor_rect *r = &GS_EDITOR_CONTROL_RECTS[control];
  const gs_param_decl *p = &GS_PARAMS[gs_editor_param_index(control)];
  const double at = (fmin(fmax(db, p->min), p->max) - p->min) / (p->max - p->min);
  const double zero = (0 - p->min) / (p->max - p->min);
  text(cr, r->x, r->y - 6, 12, GS_FACE_PANEL_DIM, name);
  colour(cr, GS_FACE_PANEL_PANEL);
  cairo_rectangle(cr, r->x, r->y, r->width, r->height);
  cairo_fill_preserve(cr);
  colour(cr, GS_FACE_PANEL_EDGE);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  colour(cr, GS_FACE_PANEL_ACCENT);
  cairo_rectangle(cr, r->x + r->width * fmin(at, zero), r->y + 5, r->width * fabs(at - zero), r->height - 10);
  cairo_fill(cr);
  colour(cr, hot ? GS_FACE_PANEL_FOCUS : GS_FACE_PANEL_TEXT);
  cairo_rectangle(cr, r->x + r->width * at - 5, r->y - 2, 10, r->height + 4);
  cairo_fill(cr);
  char value[32];
  snprintf(value, sizeof value, "%s%.1f dB", db < 0 ? "\u2212" : (db > 0 ? "+" : ""), fabs(db));
  text(cr, r->x + r->width + 10, r->y + 16, 13, GS_FACE_PANEL_TEXT, value);
}

static void button(cairo_t *cr, int control, const char *label, bool hot, bool on) {
  const gs_editor_rect *r = &GS_EDITOR_CONTROL_RECTS[control];
  colour(cr, on ? GS_FACE_PANEL_ACCENT : hot ? GS_FACE_PANEL_EDGE : GS_FACE_PANEL_PANEL);
  cairo_rectangle(cr, r->x, r->y, r->width, r->height);
  cairo_fill(cr);
  colour(cr, GS_FACE_PANEL_ACCENT);
  cairo_rectangle(cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  text(cr, r->x + 12, r->y + 19, 13, on ? GS_FACE_PANEL_BG : GS_FACE_PANEL_TEXT, label);
}

/* Learn's sentence: what it does, what it is doing, what it decided. */
static void learn_words(cairo_t *cr, const gs_editor_model *m) {
  char line[160];
  if (!m->can_learn) snprintf(line, sizeof line, "Learn: in the CLAP and VST3 editors.");
  else if (m->learn_state == GS_LEARN_LEARNING) snprintf(line, sizeof line, "Listening to what comes in\u2026");
  else if (m->learn_state == GS_LEARN_DONE && isfinite(m->learned_trim_db))
    snprintf(line, sizeof line, "Learned: input trim %s%.1f dB.",
             m->learned_trim_db < 0 ? "\u2212" : "+", fabs(m->learned_trim_db));
  else snprintf(line, sizeof line, "Learn sets the input trim for the target level.");
  text(cr, CENTRE_X, 210, 11, GS_FACE_PANEL_TEXT, line);
}

void gs_editor_draw(cairo_t *cr, const gs_editor_model *m, int hot) {
  colour(cr, GS_FACE_PANEL_BG);
  cairo_paint(cr);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  strip(cr, 12, "IN", &m->in);
  strip(cr, GS_EDITOR_WIDTH - 12 - STRIP_WIDTH, "OUT", &m->out);
  fader(cr, GS_EDITOR_INPUT_TRIM, "Input trim", m->input_trim_db, hot == GS_EDITOR_INPUT_TRIM);
  fader(cr, GS_EDITOR_OUTPUT_TRIM, "Output trim", m->output_trim_db, hot == GS_EDITOR_OUTPUT_TRIM);
  if (m->can_learn) {
    button(cr, GS_EDITOR_LEARN, m->learn_state == GS_LEARN_LEARNING ? "Finish" : "Learn", hot == GS_EDITOR_LEARN,
           m->learn_state == GS_LEARN_LEARNING);
    button(cr, GS_EDITOR_UNDO, "Undo", hot == GS_EDITOR_UNDO, false);
  }
  learn_words(cr, m);
  char delta[96], value[32];
  level_text(value, sizeof value, m->out.short_term_lufs - m->in.short_term_lufs, "LU");
  snprintf(delta, sizeof delta, "OUT \u2212 IN (short-term): %s",
           isfinite(m->in.short_term_lufs) && isfinite(m->out.short_term_lufs) ? value : "\u2014");
  text(cr, CENTRE_X, 300, 12, GS_FACE_PANEL_TEXT, delta);
  button(cr, GS_EDITOR_MATCH, "Match", hot == GS_EDITOR_MATCH, false);
}
