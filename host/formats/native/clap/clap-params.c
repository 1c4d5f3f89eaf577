/* The params extension: the native parameters of the declaration, by their ids (clap_id = the
   kernel's id), with the web's value ↔ text; changes as CLAP_EVENT_PARAM_VALUE events. Values are
   read from the point's model, never from the kernel (which belongs to the audio thread). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gainstage-clap.h"

/* The GS_PARAMS index of native parameter `id`, or -1. */
static int native_index(clap_id id) {
  const int index = gs_param_index(id);
  return index >= 0 && (GS_PARAMS[index].flags & GS_PARAM_NATIVE) ? index : -1;
}

static uint32_t count(const clap_plugin_t *plugin) {
  (void)plugin;
  return GS_NATIVE_PARAM_COUNT;
}

static bool get_info(const clap_plugin_t *plugin, uint32_t param_index, clap_param_info_t *info) {
  (void)plugin;
  if (param_index >= GS_NATIVE_PARAM_COUNT || !info) return false;
  const gs_param_decl *p = &GS_PARAMS[GS_NATIVE_PARAMS[param_index]];
  memset(info, 0, sizeof *info);
  info->id = p->id;
  info->flags = CLAP_PARAM_IS_AUTOMATABLE;
  if (p->flags & GS_PARAM_STEPPED) info->flags |= CLAP_PARAM_IS_STEPPED;
  if ((p->flags & GS_PARAM_STEPPED) && !(p->flags & GS_PARAM_SWITCH)) info->flags |= CLAP_PARAM_IS_ENUM;
  if (p->flags & GS_PARAM_BYPASS) info->flags |= CLAP_PARAM_IS_BYPASS;
  snprintf(info->name, sizeof info->name, "%s", p->name);
  info->min_value = p->min;
  info->max_value = p->max;
  info->default_value = p->default_value;
  return true;
}

static bool get_value(const clap_plugin_t *plugin, clap_id id, double *value) {
  const int index = native_index(id);
  if (index < 0 || !value) return false;
  *value = gs_point_get(&gs_clap_of(plugin)->point, index);
  return true;
}

static bool value_to_text(const clap_plugin_t *plugin, clap_id id, double value, char *out, uint32_t capacity) {
  (void)plugin;
  const int index = native_index(id);
  if (index < 0 || !out || capacity == 0) return false;
  gs_value_to_text(index, value, out, capacity);
  return true;
}

static bool text_to_value(const clap_plugin_t *plugin, clap_id id, const char *text, double *value) {
  (void)plugin;
  const int index = native_index(id);
  return index >= 0 && value && gs_text_to_value(index, text, value);
}

/* The plain value a CLAP event means: a stepped parameter's is converted as a cast (trunc), as
   CLAP_PARAM_IS_STEPPED specifies; the point then clamps it to the range. */
static int event_change(const clap_event_header_t *event, double *value) {
  if (event->space_id != CLAP_CORE_EVENT_SPACE_ID || event->type != CLAP_EVENT_PARAM_VALUE ||
      event->size < sizeof(clap_event_param_value_t))
    return -1;
  const clap_event_param_value_t *change = (const clap_event_param_value_t *)event;
  const int index = native_index(change->param_id);
  if (index < 0) return -1;
  *value = (GS_PARAMS[index].flags & GS_PARAM_STEPPED) ? trunc(change->value) : change->value;
  return index;
}

bool gs_clap_apply_event(gs_clap *self, const clap_event_header_t *event) {
  double value;
  const int index = event_change(event, &value);
  return index >= 0 && gs_point_set_audio(&self->point, index, value);
}

/* [active ? audio-thread : main-thread], never while processing. */
static void flush(const clap_plugin_t *plugin, const clap_input_events_t *in, const clap_output_events_t *out) {
  gs_clap *self = gs_clap_of(plugin);
  gs_clap_push_edits(self, out); /* the editor's gestures reach the host between blocks too */
  const bool active = __atomic_load_n(&self->active, __ATOMIC_ACQUIRE);
  const uint32_t events = in ? in->size(in) : 0;
  for (uint32_t i = 0; i < events; i++) {
    const clap_event_header_t *event = in->get(in, i);
    double value;
    const int index = event ? event_change(event, &value) : -1;
    if (index < 0) continue;
    if (active) gs_point_set_audio(&self->point, index, value);
    else gs_point_set(&self->point, index, value);
  }
  if (active) gs_point_sync(&self->point); /* what a state load or the main thread set meanwhile */
}

const clap_plugin_params_t gs_clap_params = {count, get_info, get_value, value_to_text, text_to_value, flush};
