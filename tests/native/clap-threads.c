/*
 * The CLAP plugin under a host's two threads at once, as the CLAP thread model allows: an audio
 * thread processes (with automation of the input trim) while the main thread loads and saves
 * states, reads parameter values and text, and copies the meters. Built with the plugin's sources
 * into one program under -fsanitize=thread (and again under address,undefined) by
 * tests/native/threads.test.ts; the sanitizer's report is the verdict. Iterations, not time:
 *   clap-threads BLOCKS   → one JSON line: what the main thread did, and the trim the audio ended at
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clap/clap-abi.h"
#include "clap/gainstage-clap.h"

extern const clap_plugin_entry_t clap_entry;

#define FRAMES 128
#define INPUT_TRIM_ID 0
/* The last state the main thread loads sets this trim; the audio must end on it. */
#define FINAL_TRIM_DB -12.0

static const clap_plugin_t *plugin;
static uint32_t blocks_to_run;
static uint32_t audio_done; /* atomic */

static const void *host_extension(const clap_host_t *h, const char *id) { (void)h; (void)id; return NULL; }
static void host_request(const clap_host_t *h) { (void)h; }

typedef struct { clap_event_param_value_t event; uint32_t count; } one_event;
static uint32_t one_size(const clap_input_events_t *l) { return ((one_event *)l->ctx)->count; }
static const clap_event_header_t *one_get(const clap_input_events_t *l, uint32_t i) {
  return i == 0 ? &((one_event *)l->ctx)->event.header : NULL;
}
static bool drop_event(const clap_output_events_t *l, const clap_event_header_t *e) { (void)l; (void)e; return true; }

/* The audio thread: constant 1.0 in, every block; an automation event on every 50th. */
static void *audio_thread(void *unused) {
  (void)unused;
  static float in_l[FRAMES], in_r[FRAMES], out_l[FRAMES], out_r[FRAMES];
  for (int n = 0; n < FRAMES; n++) in_l[n] = in_r[n] = 1.0f;
  float *ins[2] = {in_l, in_r}, *outs[2] = {out_l, out_r};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
  one_event list = {{{sizeof(clap_event_param_value_t), 7, 0, CLAP_EVENT_PARAM_VALUE, 0}, INPUT_TRIM_ID, NULL, -1, -1, -1, -1, -3.0}, 0};
  const clap_input_events_t in_events = {&list, one_size, one_get};
  const clap_output_events_t out_events = {NULL, drop_event};
  const clap_process_t process = {-1, FRAMES, NULL, &input, &output, 1, 1, &in_events, &out_events};
  plugin->start_processing(plugin);
  for (uint32_t block = 0; block < blocks_to_run; block++) {
    list.count = block % 50 == 0 ? 1 : 0;
    if (plugin->process(plugin, &process) != CLAP_PROCESS_CONTINUE) { fprintf(stderr, "process failed\n"); exit(3); }
  }
  plugin->stop_processing(plugin);
  __atomic_store_n(&audio_done, 1, __ATOMIC_RELEASE);
  return NULL;
}

typedef struct { const char *data; size_t length, at; } source;
static int64_t source_read(const clap_istream_t *s, void *buffer, uint64_t size) {
  source *src = s->ctx;
  size_t n = src->length - src->at;
  if (n > size) n = (size_t)size;
  memcpy(buffer, src->data + src->at, n);
  src->at += n;
  return (int64_t)n;
}
typedef struct { char data[1 << 16]; size_t length; } sink;
static int64_t sink_write(const clap_ostream_t *s, const void *buffer, uint64_t size) {
  sink *out = s->ctx;
  if (out->length + size > sizeof out->data) return -1;
  memcpy(out->data + out->length, buffer, (size_t)size);
  out->length += (size_t)size;
  return (int64_t)size;
}

static bool load(const clap_plugin_state_t *state, double trim_db) {
  char text[256];
  snprintf(text, sizeof text, "{\"format\":\"gainstage-state\",\"version\":1,\"params\":{\"inputTrimDb\":%g}}", trim_db);
  source src = {text, strlen(text), 0};
  const clap_istream_t stream = {&src, source_read};
  return state->load(plugin, &stream);
}

int main(int argc, char **argv) {
  blocks_to_run = argc > 1 ? (uint32_t)atoi(argv[1]) : 20000;
  static clap_host_t host = {{1, 2, 2}, NULL, "threads", "Gainstage", "", "1.0", NULL, NULL, NULL, NULL};
  host.get_extension = host_extension;
  host.request_restart = host.request_process = host.request_callback = host_request;
  if (!clap_entry.init("")) return 2;
  const clap_plugin_factory_t *factory = clap_entry.get_factory(CLAP_PLUGIN_FACTORY_ID);
  plugin = factory->create_plugin(factory, &host, factory->get_plugin_descriptor(factory, 0)->id);
  if (!plugin || !plugin->init(plugin) || !plugin->activate(plugin, 48000, 1, FRAMES)) return 2;
  const clap_plugin_state_t *state = plugin->get_extension(plugin, CLAP_EXT_STATE);
  const clap_plugin_params_t *params = plugin->get_extension(plugin, CLAP_EXT_PARAMS);
  const gs_clap_meters_t *meters = plugin->get_extension(plugin, GS_CLAP_EXT_METERS);

  pthread_t audio;
  pthread_create(&audio, NULL, audio_thread, NULL);
  static double readout[GS_READOUT_SLOTS];
  unsigned long loads = 0, saves = 0, reads = 0, meter_copies = 0;
  while (!__atomic_load_n(&audio_done, __ATOMIC_ACQUIRE)) {
    loads += load(state, loads % 2 ? -6.0 : -9.0);
    static sink out;
    out.length = 0;
    const clap_ostream_t stream = {&out, sink_write};
    saves += state->save(plugin, &stream);
    double value;
    char text[64];
    if (params->get_value(plugin, INPUT_TRIM_ID, &value) && params->value_to_text(plugin, INPUT_TRIM_ID, value, text, sizeof text))
      reads++;
    meter_copies += meters->read(plugin, readout, GS_READOUT_SLOTS);
  }
  pthread_join(audio, NULL);

  /* After the audio thread stopped: the last load reaches the kernel at the next process. */
  if (!load(state, FINAL_TRIM_DB)) return 3;
  static float in_l[FRAMES * 40], in_r[FRAMES * 40], out_l[FRAMES * 40], out_r[FRAMES * 40];
  for (int n = 0; n < FRAMES * 40; n++) in_l[n] = in_r[n] = 1.0f;
  float *ins[2] = {in_l, in_r}, *outs[2] = {out_l, out_r};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
  const clap_process_t process = {-1, FRAMES * 40, NULL, &input, &output, 1, 1, NULL, NULL};
  plugin->start_processing(plugin);
  plugin->process(plugin, &process);
  plugin->stop_processing(plugin);
  double value;
  params->get_value(plugin, INPUT_TRIM_ID, &value);
  printf("{\"loads\":%lu,\"saves\":%lu,\"reads\":%lu,\"meterCopies\":%lu,\"valueDb\":%.17g,\"lastSampleDb\":%.17g}\n", loads,
         saves, reads, meter_copies, value, 20 * log10(out_l[FRAMES * 40 - 1]));
  plugin->deactivate(plugin);
  plugin->destroy(plugin);
  clap_entry.deinit();
  return 0;
}
