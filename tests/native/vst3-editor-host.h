/* vst3-host's "editor" command (included by vst3-host.c): the plug-in's view in an X11 window of
   ours under Xvfb, on our IRunLoop; the host's IComponentHandler records the edits. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <cairo/cairo.h>

#define VIEW_WIDTH 760
#define VIEW_HEIGHT 380

static Display *x_display;
static Window x_top;
static void *timer_handler, *fd_handler;
static int fd_registered = -1, with_run_loop = 1;
static struct { char kind; uint32_t id; double value; } edits[64];
static int edit_count;

static vst3_result run_loop_query(void *s, const vst3_uid iid, void **o);
static vst3_result register_event(void *s, void *h, int fd) { (void)s; fd_handler = h; fd_registered = fd; return VST3_OK; }
static vst3_result unregister_event(void *s, void *h) { (void)s, (void)h; fd_handler = NULL; fd_registered = -1; return VST3_OK; }
static vst3_result register_timer(void *s, void *h, uint64_t ms) { (void)s, (void)ms; timer_handler = h; return VST3_OK; }
static vst3_result unregister_timer(void *s, void *h) { (void)s, (void)h; timer_handler = NULL; return VST3_OK; }
static uint32_t one(void *s) { (void)s; return 1; }
static const vst3_run_loop_vtbl RUN_LOOP = {run_loop_query, one, one, register_event, unregister_event, register_timer, unregister_timer};
static struct { const vst3_run_loop_vtbl *vtbl; } run_loop = {&RUN_LOOP};

static vst3_result frame_query(void *s, const vst3_uid iid, void **o) {
  (void)s;
  static const vst3_uid run_loop_iid = VST3_UID_OF(VST3_IID_IRUNLOOP);
  *o = with_run_loop && memcmp(iid, run_loop_iid, 16) == 0 ? (void *)&run_loop : NULL;
  return *o ? VST3_OK : VST3_NO_INTERFACE;
}
static vst3_result run_loop_query(void *s, const vst3_uid iid, void **o) { return frame_query(s, iid, o); }
static vst3_result resize_view(void *s, void *v, vst3_view_rect *r) { (void)s, (void)v, (void)r; return VST3_OK; }
static const vst3_plug_frame_vtbl FRAME = {frame_query, one, one, resize_view};
static struct { const vst3_plug_frame_vtbl *vtbl; } frame = {&FRAME};

static void record(char kind, uint32_t id, double value) {
  if (edit_count < 64) edits[edit_count].kind = kind, edits[edit_count].id = id, edits[edit_count++].value = value;
}
static vst3_result begin(void *s, vst3_param_id id) { (void)s; record('b', id, 0); return VST3_OK; }
static vst3_result perform(void *s, vst3_param_id id, vst3_param_value v) { (void)s; record('p', id, v); return VST3_OK; }
static vst3_result end(void *s, vst3_param_id id) { (void)s; record('e', id, 0); return VST3_OK; }
static vst3_result restart(void *s, int32_t flags) { (void)s, (void)flags; return VST3_OK; }
static const vst3_component_handler_vtbl HANDLER = {test_no_query, one, one, begin, perform, end, restart};
static vst3_component_handler handler = {&HANDLER};

/* The host's loop: the X descriptor's handler, then the timer's. */
static void loop_once(void) {
  XSync(x_display, False);
  if (fd_handler) (*(const vst3_event_handler_vtbl **)fd_handler)->onFDIsSet(fd_handler, fd_registered);
  if (timer_handler) (*(const vst3_timer_handler_vtbl **)timer_handler)->onTimer(timer_handler);
  XSync(x_display, False);
}

static Window view_window(void) {
  Window root, parent, *children = NULL;
  unsigned int count = 0;
  XQueryTree(x_display, x_top, &root, &parent, &children, &count);
  const Window child = count ? children[count - 1] : 0;
  if (children) XFree(children);
  return child;
}

/* The view's pixels (written to `path`); how many differ from `before` (NULL: none compared). */
static long capture(const char *path, uint32_t **pixels) {
  XImage *image = XGetImage(x_display, view_window(), 0, 0, VIEW_WIDTH, VIEW_HEIGHT, AllPlanes, ZPixmap);
  cairo_surface_t *png = cairo_image_surface_create(CAIRO_FORMAT_RGB24, VIEW_WIDTH, VIEW_HEIGHT);
  long changed = 0;
  for (int y = 0; y < VIEW_HEIGHT; y++)
    for (int x = 0; x < VIEW_WIDTH; x++) {
      const uint32_t pixel = (uint32_t)XGetPixel(image, x, y) & 0xFFFFFF;
      ((uint32_t *)(cairo_image_surface_get_data(png) + y * cairo_image_surface_get_stride(png)))[x] = pixel;
      if (*pixels) changed += (*pixels)[y * VIEW_WIDTH + x] != pixel;
      else changed = -1;
    }
  if (!*pixels) *pixels = calloc(VIEW_WIDTH * VIEW_HEIGHT, 4);
  for (int y = 0; y < VIEW_HEIGHT; y++)
    memcpy(*pixels + y * VIEW_WIDTH, cairo_image_surface_get_data(png) + y * cairo_image_surface_get_stride(png), VIEW_WIDTH * 4);
  cairo_surface_mark_dirty(png);
  cairo_surface_write_to_png(png, path);
  cairo_surface_destroy(png);
  XDestroyImage(image);
  return changed;
}

static void mouse(int type, int x, int y) {
  XEvent event = {0};
  event.type = type;
  event.xbutton.window = view_window();
  event.xbutton.x = x, event.xbutton.y = y, event.xbutton.button = Button1, event.xbutton.same_screen = True;
  event.xbutton.time = 1000 + (Time)type;
  XSendEvent(x_display, event.xbutton.window, False, NoEventMask, &event);
}

static void *open_view(plugin *p, vst3_result *attached) {
  void *view = p->e->createView(p->controller, "editor");
  const vst3_plug_view_vtbl *v = *(const vst3_plug_view_vtbl **)view;
  v->setFrame(view, &frame);
  *attached = v->attached(view, (void *)(uintptr_t)x_top, VST3_PLATFORM_X11);
  return view;
}

static void close_view(void *view) {
  const vst3_plug_view_vtbl *v = *(const vst3_plug_view_vtbl **)view;
  v->removed(view);
  v->setFrame(view, NULL);
  v->release(view);
}

/* One block of a 997 Hz sine at `dbfs` through the plug-in; its output peak. */
static double play_block(plugin *p, double dbfs) {
  static float left[BLOCK], right[BLOCK], out_left[BLOCK], out_right[BLOCK];
  static long phase;
  for (int n = 0; n < BLOCK; n++, phase++) left[n] = right[n] = (float)(pow(10, dbfs / 20) * sin(2 * M_PI * 997 * phase / RATE));
  float *in[2] = {left, right}, *out[2] = {out_left, out_right};
  vst3_audio_bus_buffers in_bus = {2, 0, {.channelBuffers32 = in}}, out_bus = {2, 0, {.channelBuffers32 = out}};
  vst3_process_data data = {0, VST3_SAMPLE_32, BLOCK, 1, 1, &in_bus, &out_bus, NULL, NULL, NULL, NULL, NULL};
  p->p->process(p->processor, &data);
  double peak = 0;
  for (int n = 0; n < BLOCK; n++) peak = fmax(peak, fabs(out_left[n]));
  return peak;
}

static int editor(plugin *p, const char *out_dir, bool run_loop_offered) {
  with_run_loop = run_loop_offered;
  x_display = XOpenDisplay(NULL);
  if (!x_display) return fprintf(stderr, "no X display\n"), 2;
  x_top = XCreateSimpleWindow(x_display, DefaultRootWindow(x_display), 0, 0, VIEW_WIDTH, VIEW_HEIGHT, 0, 0, 0);
  XMapWindow(x_display, x_top);
  XSync(x_display, False);
  p->e->setComponentHandler(p->controller, &handler);
  start(p, VST3_ARR_STEREO);
  vst3_result attached;
  void *view = open_view(p, &attached);
  if (!run_loop_offered) {
    printf("{\"attached\": %d}\n", attached);
    close_view(view);
    return 0;
  }
  char path[4096];
  uint32_t *pixels = NULL;
  for (int i = 0; i < 50; i++) play_block(p, -30), i % 10 == 0 ? loop_once() : (void)0;
  loop_once();
  snprintf(path, sizeof path, "%s/vst3-editor-quiet.png", out_dir);
  capture(path, &pixels);
  for (int i = 0; i < 50; i++) play_block(p, -6), i % 10 == 0 ? loop_once() : (void)0;
  loop_once();
  snprintf(path, sizeof path, "%s/vst3-editor-loud.png", out_dir);
  const long changed = capture(path, &pixels);
  const int from_x = 252 + 170 / 2, y = 56 + 11; /* the input trim fader's 0 dB mark */
  mouse(ButtonPress, from_x, y);
  mouse(MotionNotify, from_x + 40, y);
  mouse(ButtonRelease, from_x + 40, y);
  loop_once();
  printf("{\"attached\": %d, \"changedPixels\": %ld, \"edits\": [", attached, changed);
  for (int i = 0; i < edit_count; i++)
    printf("%s{\"kind\": \"%c\", \"id\": %u, \"value\": %.17g}", i ? ", " : "", edits[i].kind, edits[i].id, edits[i].value);
  close_view(view);
  long after_first = 0, halfway = 0;
  double lowest = INFINITY, highest = 0;
  for (int cycle = 0; cycle < 100; cycle++) {
    void *again = open_view(p, &attached);
    loop_once();
    const double peak = play_block(p, -6);
    if (cycle > 0) lowest = fmin(lowest, peak), highest = fmax(highest, peak);
    close_view(again);
    XSync(x_display, False);
    if (cycle == 1) after_first = outstanding;
    if (cycle == 49) halfway = outstanding;
  }
  printf("], \"allocationGrowth\": %ld, \"lateGrowth\": %ld, \"handlersLeft\": %s, \"peakSpreadDb\": %.6f}\n",
         outstanding - after_first, outstanding - halfway, timer_handler || fd_handler ? "true" : "false",
         20 * log10(highest / lowest));
  free(pixels);
  return 0;
}

