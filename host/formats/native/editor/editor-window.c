/* The editor's X11 window inside the host's, its own connection to the display, and what the mouse
   does: a fader is dragged (Shift: ten times finer), set to its default by a double click, moved
   by the wheel; Learn starts and finishes Learn, Undo puts the trim back, Match sets the output
   trim so OUT reads IN. Every edit reaches the host as a gesture. [main] */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <cairo/cairo.h>
#include <math.h>
#include <stdlib.h>

#include "editor-api.h"

/* Two clicks this close (ms) are a double click. */
#define DOUBLE_CLICK_MS 400
/* One wheel step (dB); with Shift, FINE times that. */
#define WHEEL_STEP_DB 0.5
#define FINE 0.1
/* How long Learn listens when started here (s): the web panel's default length. */
#define LEARN_SECONDS 10.0

struct gs_editor {
  gs_editor_host host;
  Display *display;
  Window window;
  GC gc;
  /* Drawn in memory by cairo, then put on the window (plain Xlib: no cairo device per display). */
  cairo_surface_t *surface;
  XImage *image;
  uint32_t width, height;
  gs_editor_model model;
  int hot, dragging, last_click_control;
  double drag_x, drag_value;
  Time last_click;
  double undo_trim_db;
  bool has_undo;
};

/* The memory image and the X image over the same pixels (24-bit visuals: ARGB32 is X's 32 bpp ZPixmap). */
static void release_image(gs_editor *e) {
  if (e->image) {
    e->image->data = NULL; /* the pixels are cairo's */
    XDestroyImage(e->image);
  }
  if (e->surface) cairo_surface_destroy(e->surface);
  e->image = NULL;
  e->surface = NULL;
}

static bool make_image(gs_editor *e) {
  release_image(e);
  e->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)e->width, (int)e->height);
  if (cairo_surface_status(e->surface) != CAIRO_STATUS_SUCCESS) return false;
  const int screen = DefaultScreen(e->display);
  e->image = XCreateImage(e->display, DefaultVisual(e->display, screen), (unsigned)DefaultDepth(e->display, screen), ZPixmap,
                          0, (char *)cairo_image_surface_get_data(e->surface), e->width, e->height, 32,
                          cairo_image_surface_get_stride(e->surface));
  return e->image != NULL;
}

gs_editor *gs_editor_create(const gs_editor_host *host, unsigned long parent, double scale) {
  if (!host || !parent) return NULL;
  Display *display = XOpenDisplay(NULL);
  if (!display) return NULL;
  gs_editor *e = calloc(1, sizeof *e);
  if (!e) {
    XCloseDisplay(display);
    return NULL;
  }
  e->host = *host;
  e->display = display;
  e->hot = e->dragging = e->last_click_control = -1;
  e->width = (uint32_t)lround(GS_EDITOR_WIDTH * (scale > 0 ? scale : 1));
  e->height = (uint32_t)lround(GS_EDITOR_HEIGHT * (scale > 0 ? scale : 1));
  const int screen = DefaultScreen(display);
  e->window = XCreateSimpleWindow(display, (Window)parent, 0, 0, e->width, e->height, 0, 0, BlackPixel(display, screen));
  XSelectInput(display, e->window,
               ExposureMask | ButtonPressMask | ButtonReleaseMask | PointerMotionMask | StructureNotifyMask | LeaveWindowMask);
  e->gc = XCreateGC(display, e->window, 0, NULL);
  XMapWindow(display, e->window);
  XFlush(display);
  return e;
}

void gs_editor_destroy(gs_editor *e) {
  if (!e) return;
  release_image(e);
  XFreeGC(e->display, e->gc);
  XDestroyWindow(e->display, e->window);
  XCloseDisplay(e->display);
  free(e);
}

int gs_editor_fd(const gs_editor *e) { return ConnectionNumber(e->display); }
unsigned long gs_editor_window(const gs_editor *e) { return e->window; }

void gs_editor_get_size(const gs_editor *e, uint32_t *width, uint32_t *height) {
  *width = e->width;
  *height = e->height;
}

void gs_editor_set_size(gs_editor *e, uint32_t width, uint32_t height) {
  e->width = width;
  e->height = height;
  XResizeWindow(e->display, e->window, width, height);
}

void gs_editor_show(gs_editor *e, bool visible) {
  if (visible) XMapWindow(e->display, e->window);
  else XUnmapWindow(e->display, e->window);
  XFlush(e->display);
}

/* ---- edits ---- */

static double trim_of(const gs_editor *e, int control) {
  return control == GS_EDITOR_OUTPUT_TRIM ? e->model.output_trim_db : e->model.input_trim_db;
}

/* One whole gesture: begin, the value (clamped to the parameter's range), end. */
static void set_once(gs_editor *e, int control, double db) {
  const uint32_t id = gs_editor_param_id(control);
  e->host.begin_edit(e->host.context, id);
  e->host.edit(e->host.context, id, gs_editor_clamp(control, db));
  e->host.end_edit(e->host.context, id);
}

static void press_button(gs_editor *e, int control) {
  if (control == GS_EDITOR_LEARN && e->host.command) {
    if (e->model.learn_state == GS_LEARN_LEARNING) {
      e->host.command(e->host.context, GS_COMMAND_LEARN_FINISH, 0);
      return;
    }
    e->undo_trim_db = e->model.input_trim_db;
    e->has_undo = true;
    e->host.command(e->host.context, GS_COMMAND_LEARN_START, LEARN_SECONDS);
  } else if (control == GS_EDITOR_UNDO && e->has_undo) {
    set_once(e, GS_EDITOR_INPUT_TRIM, e->undo_trim_db);
    e->has_undo = false;
  } else if (control == GS_EDITOR_MATCH) {
    const double delta = e->model.out.short_term_lufs - e->model.in.short_term_lufs;
    if (isfinite(delta)) set_once(e, GS_EDITOR_OUTPUT_TRIM, e->model.output_trim_db - delta);
  }
}

static void press(gs_editor *e, const XButtonEvent *event, double x, double y) {
  const int control = gs_editor_hit(x, y);
  if (control < 0) return;
  const bool fader = control == GS_EDITOR_INPUT_TRIM || control == GS_EDITOR_OUTPUT_TRIM;
  if (event->button == Button4 || event->button == Button5) {
    const double step = WHEEL_STEP_DB * (event->state & ShiftMask ? FINE : 1) * (event->button == Button4 ? 1 : -1);
    if (fader) set_once(e, control, trim_of(e, control) + step);
    return;
  }
  if (event->button != Button1) return;
  if (!fader) {
    press_button(e, control);
    return;
  }
  if (control == e->last_click_control && event->time - e->last_click < DOUBLE_CLICK_MS) {
    set_once(e, control, GS_PARAMS[gs_editor_param_index(control)].default_value);
    e->last_click_control = -1;
    return;
  }
  e->last_click_control = control;
  e->last_click = event->time;
  e->dragging = control;
  e->drag_x = x;
  e->drag_value = trim_of(e, control);
  e->host.begin_edit(e->host.context, gs_editor_param_id(control));
}

/* A drag moves the value by the fader's range per its length (Shift: finer), from where it was. */
static void drag(gs_editor *e, double x, unsigned int state) {
  const int index = gs_editor_param_index(e->dragging);
  const double per_pixel = (GS_PARAMS[index].max - GS_PARAMS[index].min) / GS_EDITOR_CONTROL_RECTS[e->dragging].width;
  e->drag_value = gs_editor_clamp(e->dragging, e->drag_value + (x - e->drag_x) * per_pixel * (state & ShiftMask ? FINE : 1));
  e->drag_x = x;
  e->host.edit(e->host.context, gs_editor_param_id(e->dragging), e->drag_value);
}

static void handle(gs_editor *e, XEvent *event) {
  const double sx = (double)GS_EDITOR_WIDTH / e->width, sy = (double)GS_EDITOR_HEIGHT / e->height;
  switch (event->type) {
  case ButtonPress: press(e, &event->xbutton, event->xbutton.x * sx, event->xbutton.y * sy); break;
  case ButtonRelease:
    if (event->xbutton.button == Button1 && e->dragging >= 0) {
      e->host.end_edit(e->host.context, gs_editor_param_id(e->dragging));
      e->dragging = -1;
    }
    break;
  case MotionNotify:
    e->hot = gs_editor_hit(event->xmotion.x * sx, event->xmotion.y * sy);
    if (e->dragging >= 0) drag(e, event->xmotion.x * sx, event->xmotion.state);
    break;
  case LeaveNotify: e->hot = -1; break;
  case ConfigureNotify:
    e->width = (uint32_t)event->xconfigure.width;
    e->height = (uint32_t)event->xconfigure.height;
    break;
  default: break;
  }
}

void gs_editor_idle(gs_editor *e) {
  while (XPending(e->display)) {
    XEvent event;
    XNextEvent(e->display, &event);
    handle(e, &event);
  }
  e->host.read(e->host.context, &e->model);
  const bool resized = !e->surface || (uint32_t)cairo_image_surface_get_width(e->surface) != e->width ||
                       (uint32_t)cairo_image_surface_get_height(e->surface) != e->height;
  if (resized && !make_image(e)) return;
  cairo_t *cr = cairo_create(e->surface);
  cairo_scale(cr, (double)e->width / GS_EDITOR_WIDTH, (double)e->height / GS_EDITOR_HEIGHT);
  gs_editor_draw(cr, &e->model, e->hot);
  cairo_destroy(cr);
  cairo_surface_flush(e->surface);
  XPutImage(e->display, e->window, e->gc, e->image, 0, 0, 0, 0, e->width, e->height);
  XFlush(e->display);
}

/* The library's one export (editor-api.h). */
__attribute__((visibility("default"))) const gs_editor_api gs_editor_api_1 = {
  gs_editor_create, gs_editor_destroy, gs_editor_fd, gs_editor_idle, gs_editor_get_size, gs_editor_set_size, gs_editor_show,
};
