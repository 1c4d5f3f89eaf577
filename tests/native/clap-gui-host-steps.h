/* The steps of clap-gui-host.c (included there, after its host and audio helpers). */

static Display *display;
static Window top;

/* The editor's own window: the one child of ours. */
static Window editor_window(void) {
  Window root, parent, *children = NULL;
  unsigned int count = 0;
  XQueryTree(display, top, &root, &parent, &children, &count);
  const Window child = count > 0 ? children[count - 1] : 0;
  if (children) XFree(children);
  return child;
}

/* Runs the editor's loop as the host's would: its file descriptor, then its timer. */
static void idle(const clap_plugin_t *p) {
  XSync(display, False);
  const clap_plugin_posix_fd_support_t *fd = p->get_extension(p, CLAP_EXT_POSIX_FD_SUPPORT);
  const clap_plugin_timer_support_t *timer = p->get_extension(p, CLAP_EXT_TIMER_SUPPORT);
  if (fd && fd_registered >= 0) fd->on_fd(p, fd_registered, CLAP_POSIX_FD_READ);
  timer->on_timer(p, 1);
  XSync(display, False);
}

/* The editor's pixels now, written to `path` (PNG); returns a copy of them (ARGB32, WIDTH×HEIGHT). */
static uint32_t *capture(const char *path) {
  XWindowAttributes attributes;
  const Window window = editor_window();
  XGetWindowAttributes(display, window, &attributes);
  cairo_surface_t *source = cairo_xlib_surface_create(display, window, attributes.visual, WIDTH, HEIGHT);
  cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create(image);
  cairo_set_source_surface(cr, source, 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(image);
  cairo_surface_write_to_png(image, path);
  uint32_t *pixels = malloc((size_t)WIDTH * HEIGHT * 4);
  for (int y = 0; y < HEIGHT; y++)
    memcpy(pixels + y * WIDTH, cairo_image_surface_get_data(image) + y * cairo_image_surface_get_stride(image), WIDTH * 4);
  cairo_surface_destroy(image);
  cairo_surface_destroy(source);
  return pixels;
}

/* A mouse event sent to the editor's window, as the X server would deliver it. */
static void mouse(int type, int x, int y, unsigned int button) {
  XEvent event = {0};
  event.type = type;
  event.xbutton.display = display;
  event.xbutton.window = editor_window();
  event.xbutton.x = x;
  event.xbutton.y = y;
  event.xbutton.button = button;
  event.xbutton.same_screen = True;
  event.xbutton.time = 1000 + (Time)type; /* apart from any earlier click */
  XSendEvent(display, event.xbutton.window, False, NoEventMask, &event);
}

static bool open_editor(const clap_plugin_gui_t *gui) {
  clap_window_t window = {CLAP_WINDOW_API_X11, {0}};
  window.x11 = top;
  return gui->create(plugin, CLAP_WINDOW_API_X11, false) && gui->set_scale(plugin, 1) &&
         gui->set_parent(plugin, &window) && gui->show(plugin);
}

static int refuse(const clap_plugin_gui_t *gui) {
  printf("{\"supported\": %s, \"created\": %s}\n", gui->is_api_supported(plugin, CLAP_WINDOW_API_X11, false) ? "true" : "false",
         gui->create(plugin, CLAP_WINDOW_API_X11, false) ? "true" : "false");
  return 0;
}

static int run_steps(const clap_plugin_gui_t *gui, const char *out_dir) {
  display = XOpenDisplay(NULL);
  if (!display) return fprintf(stderr, "no X display\n"), 2;
  top = XCreateSimpleWindow(display, DefaultRootWindow(display), 0, 0, WIDTH, HEIGHT, 0, 0, 0);
  XMapWindow(display, top);
  XSync(display, False);
  uint32_t width = 0, height = 0;
  const bool supported = gui->is_api_supported(plugin, CLAP_WINDOW_API_X11, false);
  const bool opened = open_editor(gui);
  gui->get_size(plugin, &width, &height);
  char path[4096];
  for (int i = 0; i < 25; i++) play(-30), i % 5 == 0 ? idle(plugin) : (void)0;
  idle(plugin);
  snprintf(path, sizeof path, "%s/clap-editor-quiet.png", out_dir);
  uint32_t *quiet = capture(path);
  for (int i = 0; i < 25; i++) play(-6), i % 5 == 0 ? idle(plugin) : (void)0;
  idle(plugin);
  snprintf(path, sizeof path, "%s/clap-editor-loud.png", out_dir);
  uint32_t *loud = capture(path);
  long changed = 0;
  for (int i = 0; i < WIDTH * HEIGHT; i++) changed += quiet[i] != loud[i];
  free(quiet), free(loud);

  /* The input trim fader (logical x 252…422 at y 56…78, scale 1): from its 0 dB mark, 40 px right. */
  const int from_x = 252 + 170 / 2, y = 56 + 11;
  sent_count = 0;
  mouse(ButtonPress, from_x, y, Button1);
  mouse(MotionNotify, from_x + 40, y, 0);
  mouse(ButtonRelease, from_x + 40, y, Button1);
  idle(plugin);
  play(-6);
  printf("{\"supported\": %s, \"opened\": %s, \"width\": %u, \"height\": %u, \"changedPixels\": %ld, \"flushRequests\": %d, \"events\": [",
         supported ? "true" : "false", opened ? "true" : "false", width, height, changed, flush_requests);
  for (int i = 0; i < sent_count; i++)
    printf("%s{\"type\": %u, \"id\": %u, \"value\": %.17g}", i ? ", " : "", sent[i].type, sent[i].id, sent[i].value);

  /* Learn from the editor: its button, then 12 s of a −30 dBFS sine; the kernel's move of the trim comes back. */
  sent_count = 0;
  mouse(ButtonPress, 252 + 20, 160 + 14, Button1);
  mouse(ButtonRelease, 252 + 20, 160 + 14, Button1);
  idle(plugin);
  for (int i = 0; i < 12 * RATE / FRAMES; i++) play(-30), i % 25 == 0 ? idle(plugin) : (void)0;
  idle(plugin);
  snprintf(path, sizeof path, "%s/clap-editor-learned.png", out_dir);
  free(capture(path));
  double learned = NAN;
  for (int i = 0; i < sent_count; i++)
    if (sent[i].type == CLAP_EVENT_PARAM_VALUE && sent[i].id == 0) learned = sent[i].value;
  printf("], \"learnedTrimDb\": %.17g, \"learnEvents\": [", learned);
  for (int i = 0; i < sent_count && i < 8; i++) printf("%s%u", i ? ", " : "", sent[i].type);
  gui->destroy(plugin);

  /* Open and close a hundred times while audio plays: nothing left behind, the audio undisturbed. */
  long after_first = 0, halfway = 0;
  double lowest = INFINITY, highest = 0;
  for (int cycle = 0; cycle < 100; cycle++) {
    open_editor(gui);
    idle(plugin);
    const double peak = play(-6);
    if (cycle > 0) lowest = fmin(lowest, peak), highest = fmax(highest, peak);
    gui->destroy(plugin);
    XSync(display, False);
    if (cycle == 1) after_first = __atomic_load_n(&outstanding, __ATOMIC_RELAXED);
    if (cycle == 49) halfway = __atomic_load_n(&outstanding, __ATOMIC_RELAXED);
  }
  printf("], \"allocationGrowth\": %ld, \"lateGrowth\": %ld, \"timersLeft\": %d, \"fdLeft\": %s, \"peakSpreadDb\": %.6f}\n",
         __atomic_load_n(&outstanding, __ATOMIC_RELAXED) - after_first,
         __atomic_load_n(&outstanding, __ATOMIC_RELAXED) - halfway, timers, fd_registered >= 0 ? "true" : "false",
         20 * log10(highest / lowest));
  XDestroyWindow(display, top);
  XCloseDisplay(display);
  return 0;
}
