/*
 * Gainstage's CLAP plugin: the plugin object (one gs_point, stereo in and out) shared by
 * clap-plugin.c (entry, factory, lifecycle, process, audio ports, latency, state) and
 * clap-params.c (the params extension), the host extensions it uses when offered (log,
 * thread-check, params), and Gainstage's own extension for reading the meters.
 */
#ifndef GAINSTAGE_CLAP_H
#define GAINSTAGE_CLAP_H

#include "../core/point.h"
#include "../editor/editor-point.h"
#include "clap-abi.h"

/* Gainstage's extension: a copy of the meters the audio thread last published (GS_READOUT_SLOTS
   f64, layout in the generated gainstage-contract.h; "since read" maxima restart with each copy).
   False before the first publication. [main-thread, or any thread but the audio thread] */
#define GS_CLAP_EXT_METERS "audio.gainstage.meters/2"
typedef struct gs_clap_meters {
  bool (*read)(const clap_plugin_t *plugin, double *readout, uint32_t slots);
} gs_clap_meters_t;

/* An edit of the editor's, on its way to the host as an event: a gesture's begin or end, or a value. */
#define GS_CLAP_EDITS 64
typedef struct gs_clap_edit {
  uint16_t type; /* CLAP_EVENT_PARAM_GESTURE_BEGIN, _VALUE or _GESTURE_END */
  uint32_t id;
  double value;
} gs_clap_edit;

struct gs_editor_api;

typedef struct gs_clap {
  clap_plugin_t plugin;
  const clap_host_t *host;
  /* The host's extensions, where it offers them (NULL otherwise); asked for in init. */
  const clap_host_log_t *host_log;
  const clap_host_thread_check_t *host_thread_check;
  const clap_host_params_t *host_params;
  const clap_host_timer_support_t *host_timer;
  const clap_host_posix_fd_support_t *host_fd;
  gs_point point;
  /* The editor (clap-gui.c) [main-thread], and its edits for the host: a ring main → audio. */
  gs_editor *editor;
  const struct gs_editor_api *editor_api;
  bool gui_created, gui_timer_registered, gui_fd_registered;
  double gui_scale;
  clap_id gui_timer;
  gs_editor_source gui_source; /* the editor's reading of the point */
  gs_clap_edit edits[GS_CLAP_EDITS];
  uint32_t edits_written, edits_read; /* atomic */
  bool initialized;
  bool active;      /* [main-thread]; read by flush on the audio thread while active (set before) */
  bool processing;  /* [audio-thread] */
} gs_clap;

#define GS_CLAP_CHANNELS 2

static inline gs_clap *gs_clap_of(const clap_plugin_t *plugin) { return (gs_clap *)plugin->plugin_data; }

/* The params extension (clap-params.c) and the state extension (clap-state.c). */
extern const clap_plugin_params_t gs_clap_params;
extern const clap_plugin_state_t gs_clap_state;
/* The gui, timer-support and posix-fd-support extensions (clap-gui.c). */
extern const clap_plugin_gui_t gs_clap_gui;
extern const clap_plugin_timer_support_t gs_clap_timer_support;
extern const clap_plugin_posix_fd_support_t gs_clap_posix_fd_support;
/* Sends the editor's edits waiting in the ring as events to `out`. [audio-thread, or main-thread in flush] */
void gs_clap_push_edits(gs_clap *self, const clap_output_events_t *out);

/* Applies one input event on the audio thread if it is a parameter change of ours (NaN/±Inf
   refused; stepped values truncated, as CLAP_PARAM_IS_STEPPED says); true if applied. [audio-thread] */
bool gs_clap_apply_event(gs_clap *self, const clap_event_header_t *event);

/* Logs through the host's clap.log if it offers one. [thread-safe] */
void gs_clap_log(const gs_clap *self, clap_log_severity severity, const char *message);

/* False (and a log line naming `what`) when the host's thread-check says this is not its main
   thread; true when it is, or when the host offers no thread-check. [thread-safe] */
bool gs_clap_on_main_thread(const gs_clap *self, const char *what);

#endif
