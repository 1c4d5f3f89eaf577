/*
 * The part of the CLAP 1.2 ABI Gainstage uses, declared from the CLAP specification (the headers
 * of github.com/free-audio/clap: entry.h, plugin.h, plugin-factory.h, host.h, process.h,
 * audio-buffer.h, events.h, stream.h, ext/audio-ports.h, ext/params.h, ext/state.h,
 * ext/latency.h, ext/log.h, ext/thread-check.h), so the plugin builds with nothing but a C
 * compiler. Only what is used is declared. tests/native/clap-official.test.ts holds every struct's
 * size, alignment and field offsets, and every constant and id, against the official headers
 * (../shared/vendor/clap): a slip here fails a test instead of a host.
 *
 * Threads, as the specification marks them: [main-thread], [audio-thread], [thread-safe].
 */
#ifndef GAINSTAGE_CLAP_ABI_H
#define GAINSTAGE_CLAP_ABI_H

#include <stdbool.h>
#include <stdint.h>

#define CLAP_EXPORT __attribute__((visibility("default")))

/* version.h: the version of CLAP a plugin or host was written against. */
typedef struct clap_version {
  uint32_t major, minor, revision;
} clap_version_t;
#define CLAP_VERSION_INIT {1, 2, 2}

/* id.h, string-sizes.h */
typedef uint32_t clap_id;
#define CLAP_INVALID_ID UINT32_MAX
#define CLAP_NAME_SIZE 256
#define CLAP_PATH_SIZE 1024

/* events.h: every event starts with this header; the core space is 0. */
typedef struct clap_event_header {
  uint32_t size;     /* bytes, header included */
  uint32_t time;     /* frame offset in the block */
  uint16_t space_id; /* 0: core events */
  uint16_t type;
  uint32_t flags;
} clap_event_header_t;
#define CLAP_CORE_EVENT_SPACE_ID 0
enum { CLAP_EVENT_PARAM_VALUE = 5, CLAP_EVENT_PARAM_MOD = 6 };

/* A parameter's new plain value at header.time; -1 in note_id … key means "all". */
typedef struct clap_event_param_value {
  clap_event_header_t header;
  clap_id param_id;
  void *cookie;
  int32_t note_id;
  int16_t port_index, channel, key;
  double value;
} clap_event_param_value_t;

/* Input events, sorted by time. [audio-thread] */
typedef struct clap_input_events {
  void *ctx;
  uint32_t (*size)(const struct clap_input_events *list);
  const clap_event_header_t *(*get)(const struct clap_input_events *list, uint32_t index);
} clap_input_events_t;

/* Output events: the host copies each pushed event. [audio-thread] */
typedef struct clap_output_events {
  void *ctx;
  bool (*try_push)(const struct clap_output_events *list, const clap_event_header_t *event);
} clap_output_events_t;

/* audio-buffer.h: one port's planar channels. */
typedef struct clap_audio_buffer {
  float **data32;
  double **data64;
  uint32_t channel_count;
  uint32_t latency;
  uint64_t constant_mask;
} clap_audio_buffer_t;

/* process.h */
typedef struct clap_process {
  int64_t steady_time;
  uint32_t frames_count;
  const void *transport; /* clap_event_transport_t *; not read */
  const clap_audio_buffer_t *audio_inputs;
  clap_audio_buffer_t *audio_outputs;
  uint32_t audio_inputs_count;
  uint32_t audio_outputs_count;
  const clap_input_events_t *in_events;
  const clap_output_events_t *out_events;
} clap_process_t;
typedef int32_t clap_process_status;
enum { CLAP_PROCESS_ERROR = 0, CLAP_PROCESS_CONTINUE = 1, CLAP_PROCESS_CONTINUE_IF_NOT_QUIET = 2,
       CLAP_PROCESS_TAIL = 3, CLAP_PROCESS_SLEEP = 4 };

/* host.h */
typedef struct clap_host {
  clap_version_t clap_version;
  void *host_data;
  const char *name, *vendor, *url, *version;
  const void *(*get_extension)(const struct clap_host *host, const char *extension_id);
  void (*request_restart)(const struct clap_host *host);
  void (*request_process)(const struct clap_host *host);
  void (*request_callback)(const struct clap_host *host);
} clap_host_t;

/* plugin.h */
typedef struct clap_plugin_descriptor {
  clap_version_t clap_version;
  const char *id, *name, *vendor, *url, *manual_url, *support_url, *version, *description;
  const char *const *features; /* NULL-terminated */
} clap_plugin_descriptor_t;

typedef struct clap_plugin {
  const clap_plugin_descriptor_t *desc;
  void *plugin_data;
  bool (*init)(const struct clap_plugin *plugin);                      /* [main-thread] */
  void (*destroy)(const struct clap_plugin *plugin);                   /* [main-thread] */
  bool (*activate)(const struct clap_plugin *plugin, double sample_rate, uint32_t min_frames_count,
                   uint32_t max_frames_count);                         /* [main-thread & !active] */
  void (*deactivate)(const struct clap_plugin *plugin);                /* [main-thread & active] */
  bool (*start_processing)(const struct clap_plugin *plugin);          /* [audio-thread & active] */
  void (*stop_processing)(const struct clap_plugin *plugin);           /* [audio-thread & active] */
  void (*reset)(const struct clap_plugin *plugin);                     /* [audio-thread & active] */
  clap_process_status (*process)(const struct clap_plugin *plugin, const clap_process_t *process);
  const void *(*get_extension)(const struct clap_plugin *plugin, const char *id); /* [thread-safe] */
  void (*on_main_thread)(const struct clap_plugin *plugin);           /* [main-thread] */
} clap_plugin_t;

/* factory/plugin-factory.h */
#define CLAP_PLUGIN_FACTORY_ID "clap.plugin-factory"
typedef struct clap_plugin_factory {
  uint32_t (*get_plugin_count)(const struct clap_plugin_factory *factory);
  const clap_plugin_descriptor_t *(*get_plugin_descriptor)(const struct clap_plugin_factory *factory, uint32_t index);
  const clap_plugin_t *(*create_plugin)(const struct clap_plugin_factory *factory, const clap_host_t *host,
                                        const char *plugin_id);
} clap_plugin_factory_t;

/* entry.h: the one symbol a host looks up, `clap_entry`. [thread-safe] */
typedef struct clap_plugin_entry {
  clap_version_t clap_version;
  bool (*init)(const char *plugin_path);
  void (*deinit)(void);
  const void *(*get_factory)(const char *factory_id);
} clap_plugin_entry_t;

/* stream.h: byte streams for the state; read/write return bytes moved, 0 at the end, -1 on error. */
typedef struct clap_istream {
  void *ctx;
  int64_t (*read)(const struct clap_istream *stream, void *buffer, uint64_t size);
} clap_istream_t;
typedef struct clap_ostream {
  void *ctx;
  int64_t (*write)(const struct clap_ostream *stream, const void *buffer, uint64_t size);
} clap_ostream_t;

/* ext/audio-ports.h */
#define CLAP_EXT_AUDIO_PORTS "clap.audio-ports"
#define CLAP_PORT_STEREO "stereo"
enum { CLAP_AUDIO_PORT_IS_MAIN = 1 << 0 };
typedef struct clap_audio_port_info {
  clap_id id;
  char name[CLAP_NAME_SIZE];
  uint32_t flags;
  uint32_t channel_count;
  const char *port_type;
  clap_id in_place_pair;
} clap_audio_port_info_t;
typedef struct clap_plugin_audio_ports {
  uint32_t (*count)(const clap_plugin_t *plugin, bool is_input);                                      /* [main-thread] */
  bool (*get)(const clap_plugin_t *plugin, uint32_t index, bool is_input, clap_audio_port_info_t *info); /* [main-thread] */
} clap_plugin_audio_ports_t;

/* ext/params.h */
#define CLAP_EXT_PARAMS "clap.params"
enum {
  CLAP_PARAM_IS_STEPPED = 1 << 0,
  CLAP_PARAM_IS_BYPASS = 1 << 4,
  CLAP_PARAM_IS_AUTOMATABLE = 1 << 5,
  CLAP_PARAM_IS_ENUM = 1 << 16,
};
typedef uint32_t clap_param_info_flags;
typedef struct clap_param_info {
  clap_id id;
  clap_param_info_flags flags;
  void *cookie;
  char name[CLAP_NAME_SIZE];
  char module[CLAP_PATH_SIZE];
  double min_value, max_value, default_value; /* plain values */
} clap_param_info_t;
typedef struct clap_plugin_params {
  uint32_t (*count)(const clap_plugin_t *plugin);                                                   /* [main-thread] */
  bool (*get_info)(const clap_plugin_t *plugin, uint32_t param_index, clap_param_info_t *param_info); /* [main-thread] */
  bool (*get_value)(const clap_plugin_t *plugin, clap_id param_id, double *out_value);               /* [main-thread] */
  bool (*value_to_text)(const clap_plugin_t *plugin, clap_id param_id, double value, char *out_buffer,
                        uint32_t out_buffer_capacity);                                              /* [main-thread] */
  bool (*text_to_value)(const clap_plugin_t *plugin, clap_id param_id, const char *param_value_text,
                        double *out_value);                                                         /* [main-thread] */
  void (*flush)(const clap_plugin_t *plugin, const clap_input_events_t *in, const clap_output_events_t *out);
  /* flush: [active ? audio-thread : main-thread], never while processing */
} clap_plugin_params_t;

/* ext/state.h */
#define CLAP_EXT_STATE "clap.state"
typedef struct clap_plugin_state {
  bool (*save)(const clap_plugin_t *plugin, const clap_ostream_t *stream); /* [main-thread] */
  bool (*load)(const clap_plugin_t *plugin, const clap_istream_t *stream); /* [main-thread] */
} clap_plugin_state_t;

/* ext/params.h, the host's side: tell it values changed (after a state load), ask for a flush. */
enum { CLAP_PARAM_RESCAN_VALUES = 1 << 0, CLAP_PARAM_RESCAN_TEXT = 1 << 1, CLAP_PARAM_RESCAN_INFO = 1 << 2,
       CLAP_PARAM_RESCAN_ALL = 1 << 3 };
typedef uint32_t clap_param_rescan_flags;
typedef uint32_t clap_param_clear_flags;
typedef struct clap_host_params {
  void (*rescan)(const clap_host_t *host, clap_param_rescan_flags flags);                  /* [main-thread] */
  void (*clear)(const clap_host_t *host, clap_id param_id, clap_param_clear_flags flags);  /* [main-thread] */
  void (*request_flush)(const clap_host_t *host);                                          /* [thread-safe,!audio-thread] */
} clap_host_params_t;

/* ext/log.h */
#define CLAP_EXT_LOG "clap.log"
enum { CLAP_LOG_DEBUG = 0, CLAP_LOG_INFO = 1, CLAP_LOG_WARNING = 2, CLAP_LOG_ERROR = 3, CLAP_LOG_FATAL = 4,
       CLAP_LOG_HOST_MISBEHAVING = 5, CLAP_LOG_PLUGIN_MISBEHAVING = 6 };
typedef int32_t clap_log_severity;
typedef struct clap_host_log {
  void (*log)(const clap_host_t *host, clap_log_severity severity, const char *msg); /* [thread-safe] */
} clap_host_log_t;

/* ext/thread-check.h */
#define CLAP_EXT_THREAD_CHECK "clap.thread-check"
typedef struct clap_host_thread_check {
  bool (*is_main_thread)(const clap_host_t *host);  /* [thread-safe] */
  bool (*is_audio_thread)(const clap_host_t *host); /* [thread-safe] */
} clap_host_thread_check_t;

/* ext/latency.h */
#define CLAP_EXT_LATENCY "clap.latency"
typedef struct clap_plugin_latency {
  uint32_t (*get)(const clap_plugin_t *plugin); /* frames; [main-thread & active] */
} clap_plugin_latency_t;

#include "clap-gui-abi.h"

#endif
