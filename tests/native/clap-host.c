/*
 * A small CLAP host for the tests (tests/native/clap*.test.ts, through tests/helpers/native.ts): it loads a .clap with dlopen
 * and drives it as a host would. Commands (results on stdout as JSON, or in files):
 *   info                                   descriptor, parameters (with value ↔ text), ports, latency
 *   process RATE BLOCK IN OUT READOUT EVENTS MOVES
 *       planar stereo f32 IN (all of channel 0, then channel 1) through activate → start_processing
 *       → process in BLOCK-frame blocks, parameter events (lines "frame id value") placed in their
 *       block at their frame → the meters' readout (f64) and the Ride moves it pushed ("frame id value")
 *   state STATEFILE…                       save/load round trip, then each file loaded in turn: loaded or refused, values after
 *   instances RATE                         two instances at once: each as if alone; reset; deactivate and
 *                                          activate again at another rate
 *   bench SECONDS                          × real time of stereo 48 kHz in 128-frame blocks (npm run bench)
 *   texts FILE, values FILE, manners       value ↔ text and the plugin's manners (clap-host-checks.c)
 *   unload ROUNDS                          load, use (create, activate, process, state, destroy) and unload the
 *                                          plugin ROUNDS times (under valgrind: what stays in use at exit)
 */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clap/clap-abi.h"
#include "clap/gainstage-clap.h"

/* Allocations the plugin makes while `counting` (process calls): the host's own malloc family,
   forwarding to glibc's, is what the plugin's calls bind to (the host is linked -rdynamic). */
extern void *__libc_malloc(size_t), *__libc_calloc(size_t, size_t), *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static volatile int counting;
static volatile unsigned long allocations;
void *malloc(size_t n) { if (counting) allocations++; return __libc_malloc(n); }
void *calloc(size_t n, size_t size) { if (counting) allocations++; return __libc_calloc(n, size); }
void *realloc(void *p, size_t n) { if (counting) allocations++; return __libc_realloc(p, n); }
void free(void *p) { if (counting && p) allocations++; __libc_free(p); }

static const clap_host_t HOST = {CLAP_VERSION_INIT, NULL, "gainstage-test-host", "Gainstage", "", "1.0", NULL, NULL, NULL, NULL};

static const clap_plugin_entry_t *entry;

static const void *host_extension(const clap_host_t *h, const char *id) { (void)h; (void)id; return NULL; }
static void host_request(const clap_host_t *h) { (void)h; }

static const clap_plugin_t *create(void) {
  static clap_host_t host;
  host = HOST;
  host.get_extension = host_extension;
  host.request_restart = host.request_process = host.request_callback = host_request;
  const clap_plugin_factory_t *factory = entry->get_factory(CLAP_PLUGIN_FACTORY_ID);
  const clap_plugin_descriptor_t *d = factory->get_plugin_descriptor(factory, 0);
  const clap_plugin_t *plugin = factory->create_plugin(factory, &host, d->id);
  if (!plugin || !plugin->init(plugin)) { fprintf(stderr, "create failed\n"); exit(2); }
  return plugin;
}

static const clap_plugin_params_t *params_of(const clap_plugin_t *p) { return p->get_extension(p, CLAP_EXT_PARAMS); }

/* ---- event lists ---- */

#define MAX_EVENTS 4096
typedef struct { clap_event_param_value_t events[MAX_EVENTS]; uint32_t count; } event_list;
static uint32_t list_size(const clap_input_events_t *l) { return ((event_list *)l->ctx)->count; }
static const clap_event_header_t *list_get(const clap_input_events_t *l, uint32_t i) {
  event_list *e = l->ctx;
  return i < e->count ? &e->events[i].header : NULL;
}
/* The plugin's output events, kept (not written: writing allocates) until the run is over. */
typedef struct { FILE *file; uint32_t block_start, count; clap_event_param_value_t events[MAX_EVENTS]; } move_sink;
static bool push_move(const clap_output_events_t *l, const clap_event_header_t *event) {
  move_sink *sink = l->ctx;
  if (sink->count >= MAX_EVENTS || event->size != sizeof(clap_event_param_value_t)) return false;
  sink->events[sink->count] = *(const clap_event_param_value_t *)event;
  sink->events[sink->count++].header.time += sink->block_start;
  return true;
}
static clap_event_param_value_t param_event(uint32_t time, clap_id id, double value) {
  return (clap_event_param_value_t){{sizeof(clap_event_param_value_t), time, 0, CLAP_EVENT_PARAM_VALUE, 0}, id, NULL, -1, -1, -1, -1, value};
}

/* Sets parameters outside processing, as a host does with params.flush. */
static void flush_set(const clap_plugin_t *p, clap_id id, double value) {
  event_list list = {.count = 1};
  list.events[0] = param_event(0, id, value);
  const clap_input_events_t in = {&list, list_size, list_get};
  params_of(p)->flush(p, &in, NULL);
}

/* Processes `frames` of planar stereo in BLOCK-frame blocks with the events (absolute frames). */
static void run(const clap_plugin_t *p, float *in[2], float *out[2], uint32_t frames, uint32_t block,
                const uint32_t *ev_frame, const clap_id *ev_id, const double *ev_value, uint32_t ev_count, FILE *moves) {
  static event_list list;
  uint32_t next = 0;
  static move_sink sink;
  sink.file = moves, sink.block_start = sink.count = 0;
  const clap_output_events_t out_events = {&sink, push_move};
  for (uint32_t at = 0; at < frames; at += block) {
    const uint32_t n = frames - at < block ? frames - at : block;
    list.count = 0;
    while (next < ev_count && ev_frame[next] < at + n && list.count < MAX_EVENTS) {
      list.events[list.count++] = param_event(ev_frame[next] - at, ev_id[next], ev_value[next]);
      next++;
    }
    const clap_input_events_t in_events = {&list, list_size, list_get};
    float *ins[2] = {in[0] + at, in[1] + at}, *outs[2] = {out[0] + at, out[1] + at};
    clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
    sink.block_start = at;
    const clap_process_t process = {-1, n, NULL, &input, &output, 1, 1, &in_events, &out_events};
    counting = 1;
    const clap_process_status status = p->process(p, &process);
    counting = 0;
    if (status != CLAP_PROCESS_CONTINUE) { fprintf(stderr, "process failed\n"); exit(3); }
  }
  for (uint32_t i = 0; moves && i < sink.count; i++)
    fprintf(moves, "%u %u %.17g\n", sink.events[i].header.time, sink.events[i].param_id, sink.events[i].value);
}

static int info(void) {
  const clap_plugin_t *p = create();
  const clap_plugin_params_t *params = params_of(p);
  const clap_plugin_audio_ports_t *ports = p->get_extension(p, CLAP_EXT_AUDIO_PORTS);
  const clap_plugin_latency_t *latency = p->get_extension(p, CLAP_EXT_LATENCY);
  p->activate(p, 48000, 1, 4096);
  printf("{\"id\":\"%s\",\"name\":\"%s\",\"features\":[", p->desc->id, p->desc->name);
  for (int i = 0; p->desc->features[i]; i++) printf("%s\"%s\"", i ? "," : "", p->desc->features[i]);
  clap_audio_port_info_t port;
  ports->get(p, 0, true, &port);
  printf("],\"inputs\":%u,\"inChannels\":%u,", ports->count(p, true), port.channel_count);
  ports->get(p, 0, false, &port);
  printf("\"outputs\":%u,\"outChannels\":%u,\"portType\":\"%s\",\"latency\":%u,\"params\":[", ports->count(p, false),
         port.channel_count, port.port_type, latency->get(p));
  for (uint32_t i = 0; i < params->count(p); i++) {
    clap_param_info_t pi;
    params->get_info(p, i, &pi);
    double value;
    params->get_value(p, pi.id, &value);
    char low[64], high[64], typed[64] = "";
    params->value_to_text(p, pi.id, pi.min_value, low, sizeof low);
    params->value_to_text(p, pi.id, pi.max_value, high, sizeof high);
    double parsed = NAN;
    const bool ok = params->text_to_value(p, pi.id, high, &parsed);
    snprintf(typed, sizeof typed, "%.17g", ok ? parsed : NAN);
    printf("%s{\"id\":%u,\"name\":\"%s\",\"flags\":%u,\"min\":%.17g,\"max\":%.17g,\"default\":%.17g,\"value\":%.17g,"
           "\"minText\":\"%s\",\"maxText\":\"%s\",\"maxTextBack\":\"%s\"}",
           i ? "," : "", pi.id, pi.name, pi.flags, pi.min_value, pi.max_value, pi.default_value, value, low, high, typed);
  }
  printf("]}\n");
  p->deactivate(p);
  p->destroy(p);
  return 0;
}

static float *read_floats(const char *path, size_t *count) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  const long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  float *data = malloc((size_t)bytes);
  if (fread(data, 1, (size_t)bytes, f) != (size_t)bytes) exit(2);
  fclose(f);
  *count = (size_t)bytes / sizeof(float);
  return data;
}

static int process(int argc, char **argv) {
  if (argc < 9) return 2;
  const double rate = atof(argv[2]);
  const uint32_t block = (uint32_t)atoi(argv[3]);
  size_t samples;
  float *data = read_floats(argv[4], &samples);
  const uint32_t frames = (uint32_t)(samples / 2);
  float *in[2] = {data, data + frames};
  float *result = malloc(samples * sizeof(float));
  float *out[2] = {result, result + frames};
  static uint32_t ev_frame[MAX_EVENTS];
  static clap_id ev_id[MAX_EVENTS];
  static double ev_value[MAX_EVENTS];
  uint32_t ev_count = 0;
  FILE *events = fopen(argv[7], "r");
  char value_text[64];
  while (events && ev_count < MAX_EVENTS &&
         fscanf(events, "%u %u %63s", &ev_frame[ev_count], &ev_id[ev_count], value_text) == 3)
    ev_value[ev_count++] = strcmp(value_text, "nan") == 0 ? NAN : strtod(value_text, NULL);
  if (events) fclose(events);
  const clap_plugin_t *p = create();
  if (!p->activate(p, rate, 1, block) || !p->start_processing(p)) { fprintf(stderr, "activate failed\n"); return 3; }
  FILE *moves = fopen(argv[8], "w");
  run(p, in, out, frames, block, ev_frame, ev_id, ev_value, ev_count, moves);
  fclose(moves);
  p->stop_processing(p); /* the plugin publishes its meters where the audio stopped */
  const gs_clap_meters_t *meters = p->get_extension(p, GS_CLAP_EXT_METERS);
  static double readout[GS_READOUT_SLOTS];
  const uint32_t slots = meters->read(p, readout, GS_READOUT_SLOTS) ? GS_READOUT_SLOTS : 0;
  FILE *f = fopen(argv[5], "wb");
  fwrite(result, sizeof(float), samples, f);
  fclose(f);
  f = fopen(argv[6], "wb");
  fwrite(readout, sizeof(double), slots, f);
  fclose(f);
  printf("{\"allocationsWhileProcessing\":%lu}\n", allocations);
  p->deactivate(p);
  p->destroy(p);
  free(data);
  free(result);
  return 0;
}

#include "clap-host-state.c"
#include "clap-host-checks.c"

/* bench SECONDS: stereo 48 kHz noise through process() in 128-frame blocks, every meter on; × real time. */
static int bench(int argc, char **argv) {
  const double rate = 48000, seconds = argc > 2 ? atof(argv[2]) : 60;
  const uint32_t block = 128, blocks = (uint32_t)(seconds * rate / block);
  static float buffers[4][128];
  uint32_t seed = 1;
  for (int c = 0; c < 2; c++)
    for (uint32_t n = 0; n < block; n++) buffers[c][n] = (float)((seed = seed * 1103515245u + 12345u) >> 8) / 16777216.0f - 0.5f;
  float *ins[2] = {buffers[0], buffers[1]}, *outs[2] = {buffers[2], buffers[3]};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
  const clap_process_t process = {-1, block, NULL, &input, &output, 1, 1, NULL, NULL};
  const clap_plugin_t *p = create();
  p->activate(p, rate, 1, block);
  for (uint32_t i = 0; i < blocks / 10; i++) p->process(p, &process); /* warm-up */
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (uint32_t i = 0; i < blocks; i++) p->process(p, &process);
  clock_gettime(CLOCK_MONOTONIC, &end);
  const double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) * 1e-9;
  printf("{\"seconds\":%g,\"wallSeconds\":%.6f,\"realtime\":%.1f}\n", blocks * block / rate, wall, blocks * block / rate / wall);
  p->destroy(p);
  return 0;
}

/* One round of a plugin's life in a host, from dlopen to dlclose. */
static void round_trip(const char *path) {
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!library) { fprintf(stderr, "%s\n", dlerror()); exit(2); }
  entry = dlsym(library, "clap_entry");
  if (!entry || !entry->init(path)) exit(2);
  const clap_plugin_t *p = create();
  static float buffers[4][256];
  float *ins[2] = {buffers[0], buffers[1]}, *outs[2] = {buffers[2], buffers[3]};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
  const clap_process_t process = {-1, 256, NULL, &input, &output, 1, 1, NULL, NULL};
  p->activate(p, 48000, 1, 256);
  p->start_processing(p);
  for (int i = 0; i < 100; i++) p->process(p, &process);
  p->stop_processing(p);
  static byte_sink saved;
  saved.length = 0;
  const clap_ostream_t out = {&saved, sink_write};
  const clap_plugin_state_t *state = p->get_extension(p, CLAP_EXT_STATE);
  state->save(p, &out);
  load_bytes(p, saved.data, saved.length, 0);
  char text[64];
  params_of(p)->value_to_text(p, 0, -6, text, sizeof text);
  p->deactivate(p);
  p->destroy(p);
  entry->deinit();
  dlclose(library);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: clap-host PLUGIN.clap info|process|state|instances|bench|unload …\n");
    return 2;
  }
  if (strcmp(argv[2], "unload") == 0) { /* run under valgrind: what is in use at exit, against ROUNDS = 0 */
    const int rounds = argc > 3 ? atoi(argv[3]) : 2;
    for (int i = 0; i < rounds; i++) round_trip(argv[1]);
    printf("{\"rounds\":%d}\n", rounds);
    return 0;
  }
  void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!library) { fprintf(stderr, "%s\n", dlerror()); return 2; }
  entry = dlsym(library, "clap_entry");
  if (!entry || !entry->init(argv[1])) { fprintf(stderr, "no clap_entry\n"); return 2; }
  argv++, argc--;
  int status = 2;
  if (strcmp(argv[1], "info") == 0) status = info();
  else if (strcmp(argv[1], "process") == 0) status = process(argc, argv);
  else if (strcmp(argv[1], "state") == 0) status = state(argc, argv);
  else if (strcmp(argv[1], "instances") == 0) status = instances(argc, argv);
  else if (strcmp(argv[1], "bench") == 0) status = bench(argc, argv);
  else if (strcmp(argv[1], "texts") == 0) status = texts(argc, argv);
  else if (strcmp(argv[1], "values") == 0) status = values(argc, argv);
  else if (strcmp(argv[1], "manners") == 0) status = manners(argc, argv);
  else if (strcmp(argv[1], "verdicts") == 0) status = verdicts(argc, argv);
  entry->deinit();
  dlclose(library);
  return status;
}
