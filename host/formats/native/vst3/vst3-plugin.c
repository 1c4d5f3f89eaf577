/* The object's life and its IComponent [main]: one input and one output audio bus, activation
   (the point prepared for the set-up rate and the arrangement's channels), and the state. Also
   IProcessContextRequirements (Gainstage needs no transport, tempo or time from the host). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gainstage-vst3.h"

bool gs_vst3_iid_is(const vst3_uid iid, uint32_t l1, uint32_t l2, uint32_t l3, uint32_t l4) {
  const vst3_uid expected = VST3_UID(l1, l2, l3, l4);
  return iid && memcmp(iid, expected, sizeof expected) == 0;
}

vst3_result gs_vst3_query(gs_vst3 *self, const vst3_uid iid, void **object) {
  if (!object) return VST3_INVALID_ARGUMENT;
  void *found = NULL;
  if (GS_VST3_IID_IS(iid, VST3_IID_FUNKNOWN) || GS_VST3_IID_IS(iid, VST3_IID_IPLUGINBASE) ||
      GS_VST3_IID_IS(iid, VST3_IID_ICOMPONENT))
    found = &self->component;
  else if (GS_VST3_IID_IS(iid, VST3_IID_IAUDIOPROCESSOR))
    found = &self->processor;
  else if (GS_VST3_IID_IS(iid, VST3_IID_IEDITCONTROLLER))
    found = &self->controller;
  else if (GS_VST3_IID_IS(iid, VST3_IID_IPROCESSCONTEXTREQUIREMENTS))
    found = &self->requirements;
  *object = found;
  if (!found) return VST3_NO_INTERFACE;
  gs_vst3_add_ref(self);
  return VST3_OK;
}

uint32_t gs_vst3_add_ref(gs_vst3 *self) { return __atomic_add_fetch(&self->references, 1, __ATOMIC_RELAXED); }

uint32_t gs_vst3_release(gs_vst3 *self) {
  const uint32_t left = __atomic_sub_fetch(&self->references, 1, __ATOMIC_ACQ_REL);
  if (left == 0) {
    if (self->handler) self->handler->lpVtbl->release(self->handler);
    if (self->initialized) gs_point_free(&self->point);
    free(self);
  }
  return left;
}

#define SELF(pointer) GS_VST3_OF(pointer, component)

static vst3_result query(void *self, const vst3_uid iid, void **object) { return gs_vst3_query(SELF(self), iid, object); }
static uint32_t add_ref(void *self) { return gs_vst3_add_ref(SELF(self)); }
static uint32_t release(void *self) { return gs_vst3_release(SELF(self)); }

vst3_result gs_vst3_initialize(gs_vst3 *self) {
  if (self->initialized) return VST3_FALSE;
  self->initialized = gs_point_init(&self->point);
  return self->initialized ? VST3_OK : VST3_OUT_OF_MEMORY;
}

static vst3_result initialize(void *pointer, void *context) {
  (void)context;
  return gs_vst3_initialize(SELF(pointer));
}

/* Ends the object's working life: the point (and its kernel) freed; initialize may start it again. */
static vst3_result terminate(void *pointer) {
  gs_vst3 *self = SELF(pointer);
  if (!self->initialized) return VST3_OK;
  if (self->active) gs_point_deactivate(&self->point);
  self->active = false;
  gs_point_free(&self->point);
  self->initialized = false;
  return VST3_OK;
}

/* One component, processor and controller in one: there is no separate controller class. */
static vst3_result get_controller_class_id(void *pointer, vst3_uid class_id) {
  (void)pointer;
  (void)class_id;
  return VST3_NOT_IMPLEMENTED;
}

static vst3_result set_io_mode(void *pointer, int32_t mode) {
  (void)pointer;
  (void)mode;
  return VST3_OK;
}

static int32_t get_bus_count(void *pointer, int32_t type, int32_t direction) {
  (void)pointer;
  (void)direction;
  return type == VST3_MEDIA_AUDIO ? 1 : 0;
}

static vst3_result get_bus_info(void *pointer, int32_t type, int32_t direction, int32_t index, vst3_bus_info *bus) {
  if (type != VST3_MEDIA_AUDIO || index != 0 || !bus || (direction != VST3_BUS_INPUT && direction != VST3_BUS_OUTPUT))
    return VST3_INVALID_ARGUMENT;
  memset(bus, 0, sizeof *bus);
  bus->mediaType = VST3_MEDIA_AUDIO;
  bus->direction = direction;
  bus->channelCount = (int32_t)SELF(pointer)->channels;
  gs_vst3_utf16(bus->name, 128, direction == VST3_BUS_INPUT ? "In" : "Out");
  bus->busType = VST3_BUS_MAIN;
  bus->flags = VST3_BUS_DEFAULT_ACTIVE;
  return VST3_OK;
}

static vst3_result get_routing_info(void *pointer, vst3_routing_info *in, vst3_routing_info *out) {
  (void)pointer;
  (void)in;
  (void)out;
  return VST3_NOT_IMPLEMENTED;
}

/* The main buses are always on; a host may say so. */
static vst3_result activate_bus(void *pointer, int32_t type, int32_t direction, int32_t index, uint8_t state) {
  (void)pointer;
  (void)direction;
  (void)state;
  return type == VST3_MEDIA_AUDIO && index == 0 ? VST3_OK : VST3_INVALID_ARGUMENT;
}

/* [main] On: the kernel prepared for the rate and channels (values from the first frame, no ramp). */
static vst3_result set_active(void *pointer, uint8_t state) {
  gs_vst3 *self = SELF(pointer);
  if (!self->initialized) return VST3_NOT_INITIALIZED;
  if (!state) {
    if (self->active) gs_point_deactivate(&self->point);
    self->active = false;
    return VST3_OK;
  }
  if (self->active) return VST3_OK;
  self->active = gs_point_activate(&self->point, self->sample_rate, self->channels);
  self->frames_since_meters = 0;
  const double none = NAN; /* no meter sent yet */
  for (int i = 0; i < GS_METER_OUTPUT_COUNT; i++) __atomic_store(&self->meters[i], &none, __ATOMIC_RELAXED);
  return self->active ? VST3_OK : VST3_FALSE;
}

static vst3_result set_state(void *pointer, void *stream) { return gs_vst3_load(SELF(pointer), stream); }
static vst3_result get_state(void *pointer, void *stream) { return gs_vst3_save(SELF(pointer), stream); }

static const vst3_component_vtbl COMPONENT = {
  query, add_ref, release, initialize, terminate, get_controller_class_id, set_io_mode, get_bus_count,
  get_bus_info, get_routing_info, activate_bus, set_active, set_state, get_state,
};

#undef SELF
#define SELF(pointer) GS_VST3_OF(pointer, requirements)

static vst3_result requirements_query(void *self, const vst3_uid iid, void **object) {
  return gs_vst3_query(SELF(self), iid, object);
}
static uint32_t requirements_add_ref(void *self) { return gs_vst3_add_ref(SELF(self)); }
static uint32_t requirements_release(void *self) { return gs_vst3_release(SELF(self)); }
static uint32_t get_process_context_requirements(void *self) {
  (void)self;
  return 0;
}

static const vst3_process_context_requirements_vtbl REQUIREMENTS = {
  requirements_query, requirements_add_ref, requirements_release, get_process_context_requirements,
};

gs_vst3 *gs_vst3_create(void) {
  gs_vst3 *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->component = &COMPONENT;
  self->processor = &gs_vst3_processor;
  self->controller = &gs_vst3_controller;
  self->requirements = &REQUIREMENTS;
  self->references = 1;
  self->channels = 2;
  self->arrangement = VST3_ARR_STEREO;
  self->sample_rate = 48000;
  return self;
}
