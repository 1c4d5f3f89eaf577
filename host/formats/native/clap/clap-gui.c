/* The gui extension: Gainstage's editor (editor/editor.h) embedded in the host's X11 window, run on
   the host's event loop (timer-support for redrawing at display pace, posix-fd-support to wake on
   X events when offered); without timer-support the host gets `false`. The editor's edits enter
   the model at once (gs_point_set) and reach the host as gesture-begin, value and gesture-end
   events from the next process or flush (a ring from the main thread, asked for with the host's
   params.request_flush). Every function: [main-thread], but gs_clap_push_edits [audio-thread or
   main-thread in flush]. */
#include <string.h>

#include "../editor/editor-api.h"
#include "gainstage-clap.h"

/* How often the editor redraws (ms): about 30 frames a second. */
#define REDRAW_MS 33

/* ---- edits: main thread → out events ---- */

static void queue_edit(gs_clap *self, uint16_t type, uint32_t id, double value) {
  const uint32_t written = __atomic_load_n(&self->edits_written, __ATOMIC_RELAXED);
  if (written - __atomic_load_n(&self->edits_read, __ATOMIC_ACQUIRE) >= GS_CLAP_EDITS) return; /* full: dropped */
  self->edits[written % GS_CLAP_EDITS] = (gs_clap_edit){type, id, value};
  __atomic_store_n(&self->edits_written, written + 1, __ATOMIC_RELEASE);
  if (self->host_params && self->host_params->request_flush) self->host_params->request_flush(self->host);
}

void gs_clap_push_edits(gs_clap *self, const clap_output_events_t *out) {
  const uint32_t written = __atomic_load_n(&self->edits_written, __ATOMIC_ACQUIRE);
  uint32_t read = __atomic_load_n(&self->edits_read, __ATOMIC_RELAXED);
  for (; read != written; read++) {
    const gs_clap_edit *edit = &self->edits[read % GS_CLAP_EDITS];
    if (!out) continue;
    if (edit->type == CLAP_EVENT_PARAM_VALUE) {
      const clap_event_param_value_t event = {
        {sizeof event, 0, CLAP_CORE_EVENT_SPACE_ID, CLAP_EVENT_PARAM_VALUE, 0}, edit->id, NULL, -1, -1, -1, -1, edit->value};
      out->try_push(out, &event.header);
    } else {
      const clap_event_param_gesture_t event = {{sizeof event, 0, CLAP_CORE_EVENT_SPACE_ID, edit->type, 0}, edit->id};
      out->try_push(out, &event.header);
    }
  }
  __atomic_store_n(&self->edits_read, read, __ATOMIC_RELEASE);
}

static void editor_read(void *context, gs_editor_model *model) {
  gs_editor_model_from_point(model, &((gs_clap *)context)->gui_source);
}

static void editor_begin(void *context, uint32_t id) { queue_edit(context, CLAP_EVENT_PARAM_GESTURE_BEGIN, id, 0); }
static void editor_edit(void *context, uint32_t id, double plain) {
  gs_clap *self = context;
  gs_point_set(&self->point, gs_param_index(id), plain);
  queue_edit(self, CLAP_EVENT_PARAM_VALUE, id, gs_point_get(&self->point, gs_param_index(id)));
}
static void editor_end(void *context, uint32_t id) { queue_edit(context, CLAP_EVENT_PARAM_GESTURE_END, id, 0); }
static void editor_command(void *context, uint32_t id, double value) {
  gs_point_command(&((gs_clap *)context)->point, id, value);
}

/* ---- the extension ---- */

static bool is_api_supported(const clap_plugin_t *plugin, const char *api, bool is_floating) {
  const gs_clap *self = gs_clap_of(plugin);
  return api && strcmp(api, CLAP_WINDOW_API_X11) == 0 && !is_floating && self->host_timer != NULL;
}

static bool get_preferred_api(const clap_plugin_t *plugin, const char **api, bool *is_floating) {
  if (!is_api_supported(plugin, CLAP_WINDOW_API_X11, false) || !api || !is_floating) return false;
  *api = CLAP_WINDOW_API_X11;
  *is_floating = false;
  return true;
}

static bool create(const clap_plugin_t *plugin, const char *api, bool is_floating) {
  gs_clap *self = gs_clap_of(plugin);
  if (!is_api_supported(plugin, api, is_floating) || self->gui_created) return false;
  self->editor_api = gs_editor_load();
  if (!self->editor_api) return false;
  self->gui_source = (gs_editor_source){.point = &self->point};
  self->gui_created = true;
  self->gui_scale = 1;
  return true;
}

static void destroy(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  if (self->gui_timer_registered) self->host_timer->unregister_timer(self->host, self->gui_timer);
  if (self->gui_fd_registered) self->host_fd->unregister_fd(self->host, self->editor_api->fd(self->editor));
  if (self->editor) self->editor_api->destroy(self->editor);
  self->editor = NULL;
  self->gui_created = self->gui_timer_registered = self->gui_fd_registered = false;
}

static bool set_scale(const clap_plugin_t *plugin, double scale) {
  gs_clap *self = gs_clap_of(plugin);
  if (!(scale > 0) || self->editor) return false;
  self->gui_scale = scale;
  return true;
}

static bool get_size(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height) {
  gs_clap *self = gs_clap_of(plugin);
  if (!self->gui_created || !width || !height) return false;
  if (self->editor) self->editor_api->get_size(self->editor, width, height);
  else *width = (uint32_t)(GS_EDITOR_WIDTH * self->gui_scale), *height = (uint32_t)(GS_EDITOR_HEIGHT * self->gui_scale);
  return true;
}

static bool can_resize(const clap_plugin_t *plugin) { return gs_clap_of(plugin)->gui_created; }

static bool get_resize_hints(const clap_plugin_t *plugin, clap_gui_resize_hints_t *hints) {
  if (!hints) return false;
  (void)plugin;
  *hints = (clap_gui_resize_hints_t){true, true, true, GS_EDITOR_WIDTH, GS_EDITOR_HEIGHT};
  return true;
}

/* Any size keeping the face's proportions, at least half its logical size. */
static bool adjust_size(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height) {
  (void)plugin;
  if (!width || !height) return false;
  if (*width < GS_EDITOR_WIDTH / 2) *width = GS_EDITOR_WIDTH / 2;
  *height = (uint32_t)((uint64_t)*width * GS_EDITOR_HEIGHT / GS_EDITOR_WIDTH);
  return true;
}

static bool set_size(const clap_plugin_t *plugin, uint32_t width, uint32_t height) {
  gs_clap *self = gs_clap_of(plugin);
  if (!self->editor) return false;
  self->editor_api->set_size(self->editor, width, height);
  return true;
}

static bool set_parent(const clap_plugin_t *plugin, const clap_window_t *window) {
  gs_clap *self = gs_clap_of(plugin);
  if (!self->gui_created || self->editor || !window || !window->api || strcmp(window->api, CLAP_WINDOW_API_X11) != 0)
    return false;
  const gs_editor_host host = {self, editor_read, editor_begin, editor_edit, editor_end, editor_command};
  self->editor = self->editor_api->create(&host, window->x11, self->gui_scale);
  if (!self->editor) return false;
  self->gui_timer_registered = self->host_timer->register_timer(self->host, REDRAW_MS, &self->gui_timer);
  if (self->host_fd)
    self->gui_fd_registered = self->host_fd->register_fd(self->host, self->editor_api->fd(self->editor), CLAP_POSIX_FD_READ);
  return true;
}

static bool set_transient(const clap_plugin_t *plugin, const clap_window_t *window) {
  (void)plugin, (void)window;
  return false; /* embedded only */
}

static void suggest_title(const clap_plugin_t *plugin, const char *title) { (void)plugin, (void)title; }

static bool show(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  if (!self->editor) return false;
  self->editor_api->show(self->editor, true);
  return true;
}

static bool hide(const clap_plugin_t *plugin) {
  gs_clap *self = gs_clap_of(plugin);
  if (!self->editor) return false;
  self->editor_api->show(self->editor, false);
  return true;
}

const clap_plugin_gui_t gs_clap_gui = {
  is_api_supported, get_preferred_api, create, destroy, set_scale, get_size, can_resize, get_resize_hints,
  adjust_size, set_size, set_parent, set_transient, suggest_title, show, hide,
};

static void on_timer(const clap_plugin_t *plugin, clap_id timer_id) {
  gs_clap *self = gs_clap_of(plugin);
  if (self->editor && timer_id == self->gui_timer) self->editor_api->idle(self->editor);
}

static void on_fd(const clap_plugin_t *plugin, int fd, clap_posix_fd_flags_t flags) {
  (void)flags;
  gs_clap *self = gs_clap_of(plugin);
  if (self->editor && fd == self->editor_api->fd(self->editor)) self->editor_api->idle(self->editor);
}

const clap_plugin_timer_support_t gs_clap_timer_support = {on_timer};
const clap_plugin_posix_fd_support_t gs_clap_posix_fd_support = {on_fd};
