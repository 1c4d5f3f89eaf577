/*
 * Gainstage as a CLAP plugin: entry, factory, the plugin's lifecycle and process, and the
 * audio-ports (stereo in, stereo out, in place), latency and state extensions; params are
 * clap-params.c's. Parameter events apply at their frame (the block is split there, as the web
 * plugin does); the moves the kernel makes itself (Ride) go out as CLAP_EVENT_PARAM_VALUE events
 * at their frame, so a host can record them.
 *
 * Threads are the specification's (clap-abi.h), and the point's (point.h) follow them: the main
 * thread (init, activate, state, params' get_value and text) works on the parameter model and
 * never runs the kernel while the plugin is active; what it changes reaches the audio thread at
 * its next process or flush. process() allocates nothing and takes no lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gainstage-clap.h"

/* The declaration's features and its one layout, stereo (a mono input is fed to both channels). */
static const char *const FEATURES[] = {GS_PLUGIN_FEATURES, NULL};

static const clap_plugin_descriptor_t DESCRIPTOR = {
  .clap_version = CLAP_VERSION_INIT,
  .id = GS_PLUGIN_ID,
  .name = GS_PLUGIN_NAME,
  .vendor = GS_PLUGIN_VENDOR,
  .url = GS_PLUGIN_URL,
  .manual_url = "",
  .support_url = "",
  .version = GS_PLUGIN_VERSION,
  .description = GS_PLUGIN_DESCRIPTION,
  .features = FEATURES,
};

/* ---- the host's extensions ---- */

void gs_clap_log(const gs_clap *self, clap_log_severity severity, const char *message) {
  if (self->host_log && self->host_log->log) self->host_log->log(self->host, severity, message);
}

bool gs_clap_on_main_thread(const gs_clap *self, const char *what) {
  const clap_host_thread_check_t *check = self->host_thread_check;
  if (!check || !check->is_main_thread || check->is_main_thread(self->host)) return true;
  char message[160];
  snprintf(message, sizeof message, "Gainstage: %s called off the host's main thread; refused", what);
  gs_clap_log(self, CLAP_LOG_HOST_MISBEHAVING, message);
  return false;
}

/* ---- lifecycle ---- */

static bool plugin_init(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  const clap_host_t *host = self->host;
  if (host->get_extension) {
    self->host_log = host->get_extension(host, CLAP_EXT_LOG);
    self->host_thread_check = host->get_extension(host, CLAP_EXT_THREAD_CHECK);
    self->host_params = host->get_extension(host, CLAP_EXT_PARAMS);
    self->host_timer = host->get_extension(host, CLAP_EXT_TIMER_SUPPORT);
    self->host_fd = host->get_extension(host, CLAP_EXT_POSIX_FD_SUPPORT);
  }
  self->initialized = gs_point_init(&self->point);
  if (!self->initialized) gs_clap_log(self, CLAP_LOG_ERROR, "Gainstage: out of memory for its kernel");
  return self->initialized;
}

static void plugin_destroy(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  if (self->gui_created) gs_clap_gui.destroy(plugin);
  gs_point_free(&self->point);
  free(self);
}

static bool plugin_activate(const clap_plugin_t *plugin, double sample_rate, uint32_t min_frames, uint32_t max_frames) {
  (void)min_frames;
  (void)max_frames; /* any block size: the kernel is fed in chunks of at most GS_MAX_FRAMES */
  gs_clap *self = gs_clap_of(plugin);
  if (!self->initialized || self->active || !gs_clap_on_main_thread(self, "activate")) return false;
  const bool active = gs_point_activate(&self->point, sample_rate, GS_CLAP_CHANNELS);
  if (!active) gs_clap_log(self, CLAP_LOG_ERROR, "Gainstage: cannot run at this sample rate");
  __atomic_store_n(&self->active, active, __ATOMIC_RELEASE);
  return active;
}

static void plugin_deactivate(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  __atomic_store_n(&self->active, false, __ATOMIC_RELEASE);
  gs_point_deactivate(&self->point);
}

static bool plugin_start_processing(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  self->processing = self->active;
  return self->processing;
}

/* The meters the transport stopped on are published, so a reader sees where the audio ended. */
static void plugin_stop_processing(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  self->processing = false;
  gs_point_publish(&self->point);
}

static void plugin_reset(const clap_plugin_t *plugin) { gs_point_reset(&gs_clap_of(plugin)->point, true); }

/* ---- process ---- */

typedef struct moves {
  const clap_output_events_t *out;
  uint32_t block_start; /* frame of the current sub-block in the host's block */
} moves;

/* A move of the kernel (Ride) leaves as a parameter change at its frame. */
static void push_move(void *context, uint32_t id, double value, uint32_t frame) {
  const moves *m = context;
  if (!m->out) return;
  const clap_event_param_value_t event = {
    .header = {sizeof event, m->block_start + frame, CLAP_CORE_EVENT_SPACE_ID, CLAP_EVENT_PARAM_VALUE, 0},
    .param_id = id,
    .note_id = -1,
    .port_index = -1,
    .channel = -1,
    .key = -1,
    .value = value,
  };
  m->out->try_push(m->out, &event.header);
}

static clap_process_status plugin_process(const clap_plugin_t *plugin, const clap_process_t *process) {
  gs_clap *self = gs_clap_of(plugin);
  const uint32_t frames = process->frames_count;
  if (process->audio_inputs_count < 1 || process->audio_outputs_count < 1) return CLAP_PROCESS_ERROR;
  const clap_audio_buffer_t *input = &process->audio_inputs[0];
  clap_audio_buffer_t *output = &process->audio_outputs[0];
  if (!input->data32 || !output->data32 || input->channel_count < 1 || output->channel_count < GS_CLAP_CHANNELS)
    return CLAP_PROCESS_ERROR;
  output->constant_mask = 0; /* every sample is written */
  /* A mono input feeds both channels. */
  const float *in[GS_CLAP_CHANNELS] = {input->data32[0], input->data32[input->channel_count > 1 ? 1 : 0]};
  float *out[GS_CLAP_CHANNELS] = {output->data32[0], output->data32[1]};
  moves m = {process->out_events, 0};
  gs_clap_push_edits(self, process->out_events); /* the editor's gestures, before the kernel's moves */
  const clap_input_events_t *events = process->in_events;
  const uint32_t count = events ? events->size(events) : 0;
  uint32_t at = 0, next = 0;
  while (at < frames) {
    /* Apply every event due by `at`; process up to the next one's frame. */
    uint32_t until = frames;
    while (next < count) {
      const clap_event_header_t *event = events->get(events, next);
      if (!event) {
        next++;
        continue;
      }
      if (event->time > at) {
        until = event->time < frames ? event->time : frames;
        break;
      }
      gs_clap_apply_event(self, event);
      next++;
    }
    const float *in_at[GS_CLAP_CHANNELS] = {in[0] + at, in[1] + at};
    float *out_at[GS_CLAP_CHANNELS] = {out[0] + at, out[1] + at};
    m.block_start = at;
    gs_point_process(&self->point, in_at, out_at, until - at, push_move, &m);
    at = until;
  }
  for (; next < count; next++) { /* events at or past the block's end (a host's slip): applied, not lost */
    const clap_event_header_t *event = events->get(events, next);
    if (event) gs_clap_apply_event(self, event);
  }
  /* A kernel that trapped outputs silence for ever: say so, as CLAP asks of a plugin that failed. */
  return gs_point_failed(&self->point) ? CLAP_PROCESS_ERROR : CLAP_PROCESS_CONTINUE;
}

/* ---- extensions ---- */

static uint32_t ports_count(const clap_plugin_t *plugin, bool is_input) {
  (void)plugin;
  (void)is_input;
  return 1;
}

static bool ports_get(const clap_plugin_t *plugin, uint32_t index, bool is_input, clap_audio_port_info_t *info) {
  (void)plugin;
  if (index != 0 || !info) return false;
  memset(info, 0, sizeof *info);
  info->id = 0;
  snprintf(info->name, sizeof info->name, "%s", is_input ? "In" : "Out");
  info->flags = CLAP_AUDIO_PORT_IS_MAIN;
  info->channel_count = GS_CLAP_CHANNELS;
  info->port_type = CLAP_PORT_STEREO;
  info->in_place_pair = 0; /* the port of the same id on the other side */
  return true;
}

static const clap_plugin_audio_ports_t AUDIO_PORTS = {ports_count, ports_get};

static uint32_t latency_get(const clap_plugin_t *plugin) {
  (void)plugin;
  return GS_LATENCY_FRAMES;
}

static const clap_plugin_latency_t LATENCY = {latency_get};



static bool meters_read(const clap_plugin_t *plugin, double *readout, uint32_t slots) {
  return readout && slots >= GS_READOUT_SLOTS && gs_point_read_meters(&gs_clap_of(plugin)->point, readout);
}

static const gs_clap_meters_t METERS = {meters_read};

static const void *plugin_get_extension(const clap_plugin_t *plugin, const char *id) {
  (void)plugin;
  if (!id) return NULL;
  if (strcmp(id, CLAP_EXT_PARAMS) == 0) return &gs_clap_params;
  if (strcmp(id, CLAP_EXT_AUDIO_PORTS) == 0) return &AUDIO_PORTS;
  if (strcmp(id, CLAP_EXT_LATENCY) == 0) return &LATENCY;
  if (strcmp(id, CLAP_EXT_STATE) == 0) return &gs_clap_state;
  if (strcmp(id, GS_CLAP_EXT_METERS) == 0) return &METERS;
  if (strcmp(id, CLAP_EXT_GUI) == 0) return &gs_clap_gui;
  if (strcmp(id, CLAP_EXT_TIMER_SUPPORT) == 0) return &gs_clap_timer_support;
  if (strcmp(id, CLAP_EXT_POSIX_FD_SUPPORT) == 0) return &gs_clap_posix_fd_support;
  return NULL;
}

static void plugin_on_main_thread(const clap_plugin_t *plugin) { (void)plugin; }

/* ---- factory and entry ---- */

static uint32_t factory_count(const clap_plugin_factory_t *factory) {
  (void)factory;
  return 1;
}

static const clap_plugin_descriptor_t *factory_descriptor(const clap_plugin_factory_t *factory, uint32_t index) {
  (void)factory;
  return index == 0 ? &DESCRIPTOR : NULL;
}

static const clap_plugin_t *factory_create(const clap_plugin_factory_t *factory, const clap_host_t *host,
                                           const char *plugin_id) {
  (void)factory;
  if (!host || !plugin_id || strcmp(plugin_id, DESCRIPTOR.id) != 0) return NULL;
  gs_clap *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->host = host;
  self->plugin = (clap_plugin_t){
    .desc = &DESCRIPTOR,
    .plugin_data = self,
    .init = plugin_init,
    .destroy = plugin_destroy,
    .activate = plugin_activate,
    .deactivate = plugin_deactivate,
    .start_processing = plugin_start_processing,
    .stop_processing = plugin_stop_processing,
    .reset = plugin_reset,
    .process = plugin_process,
    .get_extension = plugin_get_extension,
    .on_main_thread = plugin_on_main_thread,
  };
  return &self->plugin;
}

static const clap_plugin_factory_t FACTORY = {factory_count, factory_descriptor, factory_create};

static bool entry_init(const char *plugin_path) {
  (void)plugin_path;
  return true;
}

static void entry_deinit(void) {}

static const void *entry_get_factory(const char *factory_id) {
  return factory_id && strcmp(factory_id, CLAP_PLUGIN_FACTORY_ID) == 0 ? &FACTORY : NULL;
}

CLAP_EXPORT const clap_plugin_entry_t clap_entry = {CLAP_VERSION_INIT, entry_init, entry_deinit, entry_get_factory};
