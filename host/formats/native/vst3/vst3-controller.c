/* IEditController [main]: the parameters a generic host editor lists (vst3-params.c), their values
   from the point's model (never the kernel), the meters from the lock-free snapshot. The state is
   the component's (the one JSON): the controller's own stream is empty, and the component's state
   handed to the controller is already the model's. */
#include <math.h>
#include <string.h>

#include "gainstage-vst3.h"
#include "meters.h"

#define SELF(pointer) GS_VST3_OF(pointer, controller)

static vst3_result query(void *self, const vst3_uid iid, void **object) { return gs_vst3_query(SELF(self), iid, object); }
static uint32_t add_ref(void *self) { return gs_vst3_add_ref(SELF(self)); }
static uint32_t release(void *self) { return gs_vst3_release(SELF(self)); }

/* The controller shares the component's life (one object): initialized once, by whichever the host asks first. */
static vst3_result initialize(void *pointer, void *context) {
  (void)context;
  gs_vst3 *self = SELF(pointer);
  return self->initialized ? VST3_OK : gs_vst3_initialize(self);
}

/* Keeps the host's handler (one reference held), or lets it go (NULL). */
static void hold_handler(gs_vst3 *self, vst3_component_handler *handler) {
  if (handler) handler->lpVtbl->addRef(handler);
  if (self->handler) self->handler->lpVtbl->release(self->handler);
  self->handler = handler;
}

static vst3_result terminate(void *pointer) {
  hold_handler(SELF(pointer), NULL);
  return VST3_OK;
}

/* The component's state reached the model when the host gave it to the component. */
static vst3_result set_component_state(void *pointer, void *stream) {
  (void)pointer;
  return stream ? VST3_OK : VST3_INVALID_ARGUMENT;
}

/* No controller-only state: everything is in the component's. */
static vst3_result set_state(void *pointer, void *stream) {
  (void)pointer;
  return stream ? VST3_OK : VST3_INVALID_ARGUMENT;
}

static vst3_result get_state(void *pointer, void *stream) {
  (void)pointer;
  return stream ? VST3_OK : VST3_INVALID_ARGUMENT;
}

static int32_t get_parameter_count(void *pointer) {
  (void)pointer;
  return gs_vst3_param_count();
}

static vst3_result get_parameter_info(void *pointer, int32_t index, vst3_parameter_info *info) {
  (void)pointer;
  return gs_vst3_param_info(index, info) ? VST3_OK : VST3_INVALID_ARGUMENT;
}

static vst3_result get_param_string_by_value(void *pointer, vst3_param_id id, vst3_param_value normalized,
                                             vst3_string128 text) {
  (void)pointer;
  return text && gs_vst3_param_text(id, normalized, text) ? VST3_OK : VST3_INVALID_ARGUMENT;
}

static vst3_result get_param_value_by_string(void *pointer, vst3_param_id id, vst3_char16 *text,
                                             vst3_param_value *normalized) {
  (void)pointer;
  return gs_vst3_param_parse(id, text, normalized) ? VST3_OK : VST3_FALSE;
}

static vst3_param_value normalized_to_plain(void *pointer, vst3_param_id id, vst3_param_value normalized) {
  (void)pointer;
  return gs_vst3_to_plain(id, normalized);
}

static vst3_param_value plain_to_normalized(void *pointer, vst3_param_id id, vst3_param_value plain) {
  (void)pointer;
  return gs_vst3_to_normalized(id, plain);
}

/* A meter's value: the one the audio thread last sent the host as this read-only parameter (the
   editor is the snapshot's one reader, so the host's polling never takes its peaks). */
static double meter_now(gs_vst3 *self, int meter) {
  double value;
  __atomic_load(&self->meters[meter], &value, __ATOMIC_RELAXED);
  return isnan(value) ? gs_meter_none(meter) : value;
}

static vst3_param_value get_param_normalized(void *pointer, vst3_param_id id) {
  gs_vst3 *self = SELF(pointer);
  const int meter = gs_vst3_meter_index(id);
  if (meter >= 0) return gs_vst3_to_normalized(id, meter_now(self, meter));
  const int index = gs_vst3_param_index(id);
  return index >= 0 ? gs_vst3_to_normalized(id, gs_point_get(&self->point, index)) : 0;
}

/* The host says what a parameter is (an edit it recorded, automation it read back): the model takes
   it, and the audio thread applies it at its next process. Meters are the plugin's to say. */
static vst3_result set_param_normalized(void *pointer, vst3_param_id id, vst3_param_value value) {
  gs_vst3 *self = SELF(pointer);
  if (gs_vst3_meter_index(id) >= 0) return VST3_OK;
  const int index = gs_vst3_param_index(id);
  if (index < 0 || !isfinite(value)) return VST3_INVALID_ARGUMENT;
  const double plain = gs_vst3_to_plain(id, value);
  if (plain == gs_point_get(&self->point, index)) return VST3_OK;
  return gs_point_set(&self->point, index, plain) ? VST3_OK : VST3_FALSE;
}

static vst3_result set_component_handler(void *pointer, vst3_component_handler *handler) {
  hold_handler(SELF(pointer), handler);
  return VST3_OK;
}

/* Gainstage's own editor (vst3-view.c) for the one view VST 3 defines, "editor". */
static void *create_view(void *pointer, const char *name) {
  return name && strcmp(name, "editor") == 0 ? gs_vst3_create_view(SELF(pointer)) : NULL;
}

const vst3_edit_controller_vtbl gs_vst3_controller = {
  query,
  add_ref,
  release,
  initialize,
  terminate,
  set_component_state,
  set_state,
  get_state,
  get_parameter_count,
  get_parameter_info,
  get_param_string_by_value,
  get_param_value_by_string,
  normalized_to_plain,
  plain_to_normalized,
  get_param_normalized,
  set_param_normalized,
  set_component_handler,
  create_view,
};
