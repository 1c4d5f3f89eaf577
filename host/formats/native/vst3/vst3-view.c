/* IPlugView: Gainstage's editor (editor/editor-api.h) in the host's X11 window, on the run loop
   the host's IPlugFrame offers (IRunLoop: a timer for redrawing at display pace, the X
   connection's descriptor for its events); without a run loop the view is refused (kResultFalse).
   Edits enter the model and reach the host through its IComponentHandler as begin, perform and end
   edit, so it records them. Every method: the host's UI thread. */
#include <stdlib.h>
#include <string.h>

#include "../editor/editor-api.h"
#include "../editor/editor-point.h"
#include "gainstage-vst3.h"

/* How often the editor redraws (ms): about 30 frames a second. */
#define REDRAW_MS 33

typedef struct gs_vst3_view {
  const vst3_plug_view_vtbl *view; /* first: the view's own pointer */
  const vst3_event_handler_vtbl *events;
  const vst3_timer_handler_vtbl *timer;
  uint32_t references;
  gs_vst3 *plugin; /* one reference held */
  void *frame;     /* IPlugFrame, one reference held */
  void *run_loop;  /* IRunLoop while attached, one reference held */
  const gs_editor_api *api;
  gs_editor *editor;
  gs_editor_source source;
  uint32_t width, height;
} gs_vst3_view;

#define VIEW(pointer, field) ((gs_vst3_view *)((char *)(pointer) - offsetof(gs_vst3_view, field)))
#define CALL(object, vtbl_type, method, ...) ((*(const vtbl_type **)(object))->method((object), ##__VA_ARGS__))

static uint32_t view_add_ref(gs_vst3_view *v) { return __atomic_add_fetch(&v->references, 1, __ATOMIC_RELAXED); }

static void detach(gs_vst3_view *v);

static uint32_t view_release(gs_vst3_view *v) {
  const uint32_t left = __atomic_sub_fetch(&v->references, 1, __ATOMIC_ACQ_REL);
  if (left == 0) {
    detach(v);
    if (v->frame) CALL(v->frame, vst3_plug_frame_vtbl, release);
    gs_vst3_release(v->plugin);
    free(v);
  }
  return left;
}

static vst3_result view_query(gs_vst3_view *v, const vst3_uid iid, void **object) {
  if (!object) return VST3_INVALID_ARGUMENT;
  void *found = GS_VST3_IID_IS(iid, VST3_IID_FUNKNOWN) || GS_VST3_IID_IS(iid, VST3_IID_IPLUGVIEW) ? (void *)&v->view
                : GS_VST3_IID_IS(iid, VST3_IID_IEVENTHANDLER)                                      ? (void *)&v->events
                : GS_VST3_IID_IS(iid, VST3_IID_ITIMERHANDLER)                                      ? (void *)&v->timer
                                                                                                   : NULL;
  *object = found;
  if (!found) return VST3_NO_INTERFACE;
  view_add_ref(v);
  return VST3_OK;
}

/* ---- the editor's host ---- */

static void read_model(void *context, gs_editor_model *model) {
  gs_editor_model_from_point(model, &((gs_vst3_view *)context)->source);
}

static void begin_edit(void *context, uint32_t id) {
  vst3_component_handler *handler = ((gs_vst3_view *)context)->plugin->handler;
  if (handler) handler->lpVtbl->beginEdit(handler, id);
}

static void edit(void *context, uint32_t id, double plain) {
  gs_vst3 *plugin = ((gs_vst3_view *)context)->plugin;
  gs_point_set(&plugin->point, gs_param_index(id), plain);
  if (plugin->handler) plugin->handler->lpVtbl->performEdit(plugin->handler, id, gs_vst3_to_normalized(id, plain));
}

static void end_edit(void *context, uint32_t id) {
  vst3_component_handler *handler = ((gs_vst3_view *)context)->plugin->handler;
  if (handler) handler->lpVtbl->endEdit(handler, id);
}

static void command(void *context, uint32_t id, double value) {
  gs_point_command(&((gs_vst3_view *)context)->plugin->point, id, value);
}

/* ---- IPlugView ---- */

static void detach(gs_vst3_view *v) {
  if (v->run_loop) {
    CALL(v->run_loop, vst3_run_loop_vtbl, unregisterTimer, &v->timer);
    CALL(v->run_loop, vst3_run_loop_vtbl, unregisterEventHandler, &v->events);
    CALL(v->run_loop, vst3_run_loop_vtbl, release);
    v->run_loop = NULL;
  }
  if (v->editor) v->api->destroy(v->editor);
  v->editor = NULL;
}

#define SELF(pointer) VIEW(pointer, view)
static vst3_result query(void *p, const vst3_uid iid, void **object) { return view_query(SELF(p), iid, object); }
static uint32_t add_ref(void *p) { return view_add_ref(SELF(p)); }
static uint32_t release(void *p) { return view_release(SELF(p)); }

static vst3_result is_platform_type_supported(void *p, const char *type) {
  (void)p;
  return type && strcmp(type, VST3_PLATFORM_X11) == 0 ? VST3_OK : VST3_FALSE;
}

static vst3_result attached(void *p, void *parent, const char *type) {
  gs_vst3_view *v = SELF(p);
  if (!parent || is_platform_type_supported(p, type) != VST3_OK || v->editor || !v->frame) return VST3_FALSE;
  static const vst3_uid run_loop_iid = VST3_UID_OF(VST3_IID_IRUNLOOP);
  if (CALL(v->frame, vst3_plug_frame_vtbl, queryInterface, run_loop_iid, &v->run_loop) != VST3_OK || !v->run_loop) {
    v->run_loop = NULL;
    return VST3_FALSE; /* no run loop: no thread of our own drawing into the host's window */
  }
  v->api = gs_editor_load();
  const gs_editor_host host = {v, read_model, begin_edit, edit, end_edit, command};
  v->editor = v->api ? v->api->create(&host, (unsigned long)(uintptr_t)parent, 1) : NULL;
  if (!v->editor) {
    detach(v);
    return VST3_FALSE;
  }
  if (v->width && v->height) v->api->set_size(v->editor, v->width, v->height);
  CALL(v->run_loop, vst3_run_loop_vtbl, registerEventHandler, &v->events, v->api->fd(v->editor));
  CALL(v->run_loop, vst3_run_loop_vtbl, registerTimer, &v->timer, (uint64_t)REDRAW_MS);
  return VST3_OK;
}

static vst3_result removed(void *p) {
  detach(SELF(p));
  return VST3_OK;
}

static vst3_result not_ours(void *p, vst3_char16 key, int16_t code, int16_t modifiers) {
  (void)p, (void)key, (void)code, (void)modifiers;
  return VST3_FALSE;
}
static vst3_result on_wheel(void *p, float distance) {
  (void)p, (void)distance;
  return VST3_FALSE; /* the wheel reaches the editor's own window */
}

static vst3_result get_size(void *p, vst3_view_rect *size) {
  gs_vst3_view *v = SELF(p);
  if (!size) return VST3_INVALID_ARGUMENT;
  uint32_t width = v->width ? v->width : GS_EDITOR_WIDTH, height = v->height ? v->height : GS_EDITOR_HEIGHT;
  if (v->editor) v->api->get_size(v->editor, &width, &height);
  *size = (vst3_view_rect){0, 0, (int32_t)width, (int32_t)height};
  return VST3_OK;
}

/* Any size keeping the face's proportions, at least half its logical size. */
static vst3_result check_size_constraint(void *p, vst3_view_rect *rect) {
  (void)p;
  if (!rect) return VST3_INVALID_ARGUMENT;
  int32_t width = rect->right - rect->left;
  if (width < GS_EDITOR_WIDTH / 2) width = GS_EDITOR_WIDTH / 2;
  rect->right = rect->left + width;
  rect->bottom = rect->top + width * GS_EDITOR_HEIGHT / GS_EDITOR_WIDTH;
  return VST3_OK;
}

static vst3_result on_size(void *p, vst3_view_rect *size) {
  gs_vst3_view *v = SELF(p);
  if (!size) return VST3_INVALID_ARGUMENT;
  v->width = (uint32_t)(size->right - size->left);
  v->height = (uint32_t)(size->bottom - size->top);
  if (v->editor) v->api->set_size(v->editor, v->width, v->height);
  return VST3_OK;
}

static vst3_result on_focus(void *p, uint8_t state) {
  (void)p, (void)state;
  return VST3_OK;
}

static vst3_result set_frame(void *p, void *frame) {
  gs_vst3_view *v = SELF(p);
  if (frame) CALL(frame, vst3_plug_frame_vtbl, addRef);
  if (v->frame) CALL(v->frame, vst3_plug_frame_vtbl, release);
  v->frame = frame;
  return VST3_OK;
}

static vst3_result can_resize(void *p) {
  (void)p;
  return VST3_OK;
}

static const vst3_plug_view_vtbl VIEW_VTBL = {
  query, add_ref, release, is_platform_type_supported, attached, removed, on_wheel, not_ours, not_ours,
  get_size, on_size, on_focus, set_frame, can_resize, check_size_constraint,
};
#undef SELF

/* ---- the run loop's callbacks ---- */

static vst3_result events_query(void *p, const vst3_uid iid, void **o) { return view_query(VIEW(p, events), iid, o); }
static uint32_t events_add_ref(void *p) { return view_add_ref(VIEW(p, events)); }
static uint32_t events_release(void *p) { return view_release(VIEW(p, events)); }
static void on_fd(void *p, int fd) {
  gs_vst3_view *v = VIEW(p, events);
  if (v->editor && fd == v->api->fd(v->editor)) v->api->idle(v->editor);
}
static const vst3_event_handler_vtbl EVENTS = {events_query, events_add_ref, events_release, on_fd};

static vst3_result timer_query(void *p, const vst3_uid iid, void **o) { return view_query(VIEW(p, timer), iid, o); }
static uint32_t timer_add_ref(void *p) { return view_add_ref(VIEW(p, timer)); }
static uint32_t timer_release(void *p) { return view_release(VIEW(p, timer)); }
static void on_timer(void *p) {
  gs_vst3_view *v = VIEW(p, timer);
  if (v->editor) v->api->idle(v->editor);
}
static const vst3_timer_handler_vtbl TIMER = {timer_query, timer_add_ref, timer_release, on_timer};

void *gs_vst3_create_view(gs_vst3 *plugin) {
  gs_vst3_view *v = calloc(1, sizeof *v);
  if (!v) return NULL;
  v->view = &VIEW_VTBL;
  v->events = &EVENTS;
  v->timer = &TIMER;
  v->references = 1;
  v->plugin = plugin;
  v->source.point = &plugin->point;
  gs_vst3_add_ref(plugin);
  return &v->view;
}
