/*
 * A CLAP host with a window, for the editor's tests (tests/native/editor.test.ts), built on the
 * official CLAP headers where ../shared has them (GS_OFFICIAL_CLAP), else on ours (the same names).
 * Run under Xvfb. It offers timer-support and posix-fd-support, embeds the editor in its own X11
 * window, plays a quiet then a loud sine through the plugin while the editor redraws, captures the
 * editor's pixels after each (PNG files for people, pixel counts for the test), drags the input
 * trim fader with synthetic mouse events and records the events the plugin sends back, then opens
 * and closes the editor a hundred times while audio runs. Prints one JSON line.
 *   clap-gui-host PLUGIN.clap OUT_DIR          everything above
 *   clap-gui-host PLUGIN.clap OUT_DIR no-timer a host without timer-support: the gui is refused
 */
#include <X11/Xlib.h>
#include <cairo/cairo-xlib.h>
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef GS_OFFICIAL_CLAP
#include <clap/clap.h>
#else
#include "clap/clap-abi.h"
#endif

/* Allocations outstanding in the whole process (plugin, Xlib, cairo): malloc family, counted. */
extern void *__libc_malloc(size_t), *__libc_calloc(size_t, size_t), *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static long outstanding;
void *malloc(size_t n) { void *p = __libc_malloc(n); if (p) __atomic_add_fetch(&outstanding, 1, __ATOMIC_RELAXED); return p; }
void *calloc(size_t n, size_t s) { void *p = __libc_calloc(n, s); if (p) __atomic_add_fetch(&outstanding, 1, __ATOMIC_RELAXED); return p; }
void *realloc(void *p, size_t n) {
  void *q = __libc_realloc(p, n);
  if (!p && q) __atomic_add_fetch(&outstanding, 1, __ATOMIC_RELAXED);
  return q;
}
void free(void *p) { if (p) __atomic_sub_fetch(&outstanding, 1, __ATOMIC_RELAXED); __libc_free(p); }

#define RATE 48000
#define FRAMES 960 /* 20 ms blocks */
#define WIDTH 760
#define HEIGHT 380

static const clap_plugin_t *plugin;
static int with_timer = 1, timers, fd_registered = -1, flush_requests;

static bool register_timer(const clap_host_t *h, uint32_t ms, clap_id *id) { (void)h, (void)ms; *id = 1; timers++; return true; }
static bool unregister_timer(const clap_host_t *h, clap_id id) { (void)h, (void)id; timers--; return true; }
static bool register_fd(const clap_host_t *h, int fd, clap_posix_fd_flags_t f) { (void)h, (void)f; fd_registered = fd; return true; }
static bool modify_fd(const clap_host_t *h, int fd, clap_posix_fd_flags_t f) { (void)h, (void)fd, (void)f; return true; }
static bool unregister_fd(const clap_host_t *h, int fd) { (void)h, (void)fd; fd_registered = -1; return true; }
static void rescan(const clap_host_t *h, uint32_t f) { (void)h, (void)f; }
static void clear(const clap_host_t *h, clap_id id, uint32_t f) { (void)h, (void)id, (void)f; }
static void request_flush(const clap_host_t *h) { (void)h; flush_requests++; }
static const clap_host_timer_support_t TIMER = {register_timer, unregister_timer};
static const clap_host_posix_fd_support_t FD = {register_fd, modify_fd, unregister_fd};
static const clap_host_params_t PARAMS = {rescan, clear, request_flush};

static const void *host_extension(const clap_host_t *h, const char *id) {
  (void)h;
  if (strcmp(id, CLAP_EXT_TIMER_SUPPORT) == 0) return with_timer ? &TIMER : NULL;
  if (strcmp(id, CLAP_EXT_POSIX_FD_SUPPORT) == 0) return &FD;
  if (strcmp(id, CLAP_EXT_PARAMS) == 0) return &PARAMS;
  return NULL;
}
static void host_request(const clap_host_t *h) { (void)h; }

/* The events the plugin sends back: type, param id, value (for values). */
static struct { uint16_t type; uint32_t id; double value; } sent[256];
static int sent_count;
static bool take(const clap_output_events_t *l, const clap_event_header_t *e) {
  (void)l;
  if (sent_count < 256 && e->space_id == CLAP_CORE_EVENT_SPACE_ID) {
    sent[sent_count].type = e->type;
    sent[sent_count].id = ((const clap_event_param_gesture_t *)e)->param_id;
    sent[sent_count].value = e->type == CLAP_EVENT_PARAM_VALUE ? ((const clap_event_param_value_t *)e)->value : 0;
    sent_count++;
  }
  return true;
}

static float in_l[FRAMES], in_r[FRAMES], out_l[FRAMES], out_r[FRAMES];
static long phase;

/* One block of a 997 Hz sine at `dbfs`; returns the block's output peak. */
static double play(double dbfs) {
  for (int n = 0; n < FRAMES; n++, phase++) in_l[n] = in_r[n] = (float)(pow(10, dbfs / 20) * sin(2 * M_PI * 997 * phase / RATE));
  float *ins[2] = {in_l, in_r}, *outs[2] = {out_l, out_r};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
  static const clap_input_events_t no_events = {NULL, NULL, NULL};
  (void)no_events;
  const clap_output_events_t out_events = {NULL, take};
  const clap_process_t process = {-1, FRAMES, NULL, &input, &output, 1, 1, NULL, &out_events};
  plugin->process(plugin, &process);
  double peak = 0;
  for (int n = 0; n < FRAMES; n++) peak = fmax(peak, fabs(out_l[n]));
  return peak;
}

#include "clap-gui-host-steps.h"

int main(int argc, char **argv) {
  if (argc < 3) return fprintf(stderr, "usage: clap-gui-host PLUGIN.clap OUT_DIR [no-timer]\n"), 2;
  with_timer = !(argc > 3 && strcmp(argv[3], "no-timer") == 0);
  void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  const clap_plugin_entry_t *entry = library ? dlsym(library, "clap_entry") : NULL;
  if (!entry || !entry->init(argv[1])) return fprintf(stderr, "cannot load %s\n", argv[1]), 2;
  static clap_host_t host = {CLAP_VERSION_INIT, NULL, "gui-host", "Gainstage tests", "", "1.0", NULL, NULL, NULL, NULL};
  host.get_extension = host_extension;
  host.request_restart = host.request_process = host.request_callback = host_request;
  const clap_plugin_factory_t *factory = entry->get_factory(CLAP_PLUGIN_FACTORY_ID);
  plugin = factory->create_plugin(factory, &host, factory->get_plugin_descriptor(factory, 0)->id);
  if (!plugin || !plugin->init(plugin) || !plugin->activate(plugin, RATE, 1, FRAMES) || !plugin->start_processing(plugin))
    return 2;
  const clap_plugin_gui_t *gui = plugin->get_extension(plugin, CLAP_EXT_GUI);
  const int code = with_timer ? run_steps(gui, argv[2]) : refuse(gui);
  plugin->stop_processing(plugin);
  plugin->deactivate(plugin);
  plugin->destroy(plugin);
  entry->deinit();
  return code;
}
