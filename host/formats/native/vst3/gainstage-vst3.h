/*
 * Gainstage as a VST 3 plug-in: one object that is the component, the audio processor and the
 * edit controller at once (as the SDK's SingleComponentEffect), on the shared point (point.h).
 * Each interface is a vtable pointer inside the object; a method finds the object from the
 * interface pointer it is called with.
 *
 * Threads (the VST 3 documentation's): [main] the host's UI thread: IPluginFactory, IComponent,
 * IEditController, setupProcessing, setBusArrangements; [audio] process, and setProcessing, which
 * hosts call from either. The kernel is touched only by [audio] while the component is active
 * (point.h's model), so no two threads ever run it.
 */
#ifndef GAINSTAGE_VST3_H
#define GAINSTAGE_VST3_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "point.h"
#include "vst3-abi.h"

/* How many parameter queues one process call can bring (the native parameters, and room to spare). */
#define GS_VST3_MAX_QUEUES 64

typedef struct gs_vst3 {
  const vst3_component_vtbl *component; /* first: IComponent, IPluginBase and FUnknown are this pointer */
  const vst3_audio_processor_vtbl *processor;
  const vst3_edit_controller_vtbl *controller;
  const vst3_process_context_requirements_vtbl *requirements;
  uint32_t references; /* atomic */
  bool initialized;     /* [main] */
  bool active;          /* [main] */
  uint32_t channels;    /* [main] the bus arrangement's, applied at setActive */
  vst3_speaker_arrangement arrangement;
  double sample_rate;   /* [main] from setupProcessing */
  vst3_component_handler *handler; /* [main] the host's, for edits and restarts */
  gs_point point;
  /* [audio] scratch for one process call, made with the object. */
  int32_t queue_next[GS_VST3_MAX_QUEUES];
  uint32_t frames_since_meters;
  double meters[GS_METER_OUTPUT_COUNT]; /* atomic: the meters as last sent [audio], read [main] */
} gs_vst3;

/* The object behind an interface pointer (`field` names which interface). */
#define GS_VST3_OF(pointer, field) ((gs_vst3 *)((char *)(pointer) - offsetof(gs_vst3, field)))

/* Whether `iid` is the id given as four words. */
bool gs_vst3_iid_is(const vst3_uid iid, uint32_t l1, uint32_t l2, uint32_t l3, uint32_t l4);
#define GS_VST3_IID_IS(iid, words) gs_vst3_iid_is(iid, words)

/* The shared FUnknown of every interface (vst3-plugin.c). [any] */
vst3_result gs_vst3_query(gs_vst3 *self, const vst3_uid iid, void **object);
uint32_t gs_vst3_add_ref(gs_vst3 *self);
uint32_t gs_vst3_release(gs_vst3 *self);

/* Makes the point (IPluginBase::initialize); VST3_FALSE if it is made already. [main] */
vst3_result gs_vst3_initialize(gs_vst3 *self);

/* A new object (one reference), or NULL without memory. [main] */
gs_vst3 *gs_vst3_create(void);

extern const vst3_audio_processor_vtbl gs_vst3_processor;  /* vst3-processor.c */
extern const vst3_edit_controller_vtbl gs_vst3_controller; /* vst3-controller.c */

/* The declared parameters as VST 3 shows them (vst3-params.c): native parameters first, in their
   declared order, then the meters as read-only parameters. Normalized values are 0…1 over the
   declared range; a stepped parameter takes stepCount + 1 equal slices. [any] */
int32_t gs_vst3_param_count(void);
/* The GS_PARAMS index of parameter `id` (-1: none or a meter). */
int gs_vst3_param_index(vst3_param_id id);
/* The GS_METER_OUTPUTS index of meter parameter `id` (-1: not a meter). */
int gs_vst3_meter_index(vst3_param_id id);
bool gs_vst3_param_info(int32_t position, vst3_parameter_info *info);
double gs_vst3_to_plain(vst3_param_id id, double normalized);
double gs_vst3_to_normalized(vst3_param_id id, double plain);
/* Text of a normalized value as the web writes it (UTF-16); false for an unknown id. */
bool gs_vst3_param_text(vst3_param_id id, double normalized, vst3_string128 text);
/* A normalized value from UTF-16 text; false if it is not one. */
bool gs_vst3_param_parse(vst3_param_id id, const vst3_char16 *text, double *normalized);
/* UTF-8 into a UTF-16 field of `capacity` units (always terminated). */
void gs_vst3_utf16(vst3_char16 *out, size_t capacity, const char *text);

/* A new editor view (vst3-view.c: IPlugView, one reference), holding a reference to `plugin`. [main] */
void *gs_vst3_create_view(gs_vst3 *plugin);

/* The state through a host's stream (vst3-state.c), the JSON every format writes. [main] */
vst3_result gs_vst3_save(gs_vst3 *self, vst3_bstream *stream);
vst3_result gs_vst3_load(gs_vst3 *self, vst3_bstream *stream);

#endif
