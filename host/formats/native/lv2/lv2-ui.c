/*
 * Gainstage's editor as an LV2 X11 UI (urn:gainstage:ui, gainstage_ui.so in the bundle), for every
 * layout's plugin: embedded in the host's window (ui:parent), driven by the host's idle calls
 * (ui:idleInterface; no thread of its own). An LV2 UI talks to its plugin only through ports: it
 * hears the trims and the meter outputs as port events and writes a trim by writing its port,
 * inside the host's touch (ui:touch) when offered, so a host records the gesture. The meters are
 * the plugin's meter ports (a tap's overall peak on both bars); Learn, which needs a command the
 * port protocol cannot carry, is in the CLAP and VST3 editors. Thread: the host's UI thread.
 */
#include <lv2/ui/ui.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../editor/editor.h"

#define GS_LV2_UI_URI "urn:gainstage:ui"
/* Ports of the largest layout (8 channels), the most any plugin of the bundle has. */
#define MAX_PORTS 128

typedef struct ui {
  gs_editor *editor;
  const gs_lv2_layout *layout;
  LV2UI_Write_Function write;
  LV2UI_Controller controller;
  const LV2UI_Touch *touch;
  float ports[MAX_PORTS];
} ui;

/* The control input port of parameter `id` (the native parameters in their declared order). */
static uint32_t control_port(const ui *self, uint32_t id) {
  for (uint32_t i = 0; i < GS_NATIVE_PARAM_COUNT; i++)
    if (GS_PARAMS[GS_NATIVE_PARAMS[i]].id == id) return self->layout->controls + i;
  return 0;
}

/* A meter port's reading: "no reading" (GS_METER_FLOOR_DB) as none. */
static double reading(float value) { return value <= GS_METER_FLOOR_DB ? -INFINITY : value; }

static void read_model(void *context, gs_editor_model *model) {
  const ui *self = context;
  gs_editor_model_fill(model, NULL, self->ports[control_port(self, GS_ID_INPUT_TRIM_DB)],
                       self->ports[control_port(self, GS_ID_OUTPUT_TRIM_DB)]);
  model->can_learn = false;
  for (int i = 0; i < GS_METER_OUTPUT_COUNT; i++) {
    const gs_meter_output *m = &GS_METER_OUTPUTS[i];
    gs_editor_tap *tap = m->tap == GS_TAP_IN ? &model->in : &model->out;
    const double value = reading(self->ports[self->layout->meters + (uint32_t)i]);
    if (m->channel_block && m->slot == GS_C_SAMPLE_PEAK_DBFS) tap->channel_peak_dbfs[0] = tap->channel_peak_dbfs[1] = value;
    else if (m->channel_block && m->slot == GS_C_SAMPLE_PEAK_MAX_DBFS) tap->sample_peak_dbfs = value;
    else if (m->channel_block && m->slot == GS_C_TRUE_PEAK_MAX_DBTP) tap->true_peak_dbtp = value;
    else if (m->channel_block && m->slot == GS_C_RMS_AES17_DB) tap->rms_aes17_db = value;
    else if (m->channel_block && m->slot == GS_C_VU) tap->vu = value;
    else if (m->channel_block && m->slot == GS_C_CLIP_COUNT) tap->clips = self->ports[self->layout->meters + (uint32_t)i];
    else if (!m->channel_block && m->slot == GS_L_SHORT_TERM_LUFS) tap->short_term_lufs = value;
    else if (!m->channel_block && m->slot == GS_L_INTEGRATED_LUFS) tap->integrated_lufs = value;
  }
  model->has_meters = true;
}

static void touch(ui *self, uint32_t id, bool grabbed) {
  if (self->touch) self->touch->touch(self->touch->handle, control_port(self, id), grabbed);
}
static void begin_edit(void *context, uint32_t id) { touch(context, id, true); }
static void end_edit(void *context, uint32_t id) { touch(context, id, false); }
static void edit(void *context, uint32_t id, double plain) {
  ui *self = context;
  const uint32_t port = control_port(self, id);
  const float value = (float)plain;
  self->ports[port] = value;
  self->write(self->controller, port, sizeof value, 0, &value);
}

static const void *feature(const LV2_Feature *const *features, const char *uri) {
  for (int i = 0; features && features[i]; i++)
    if (strcmp(features[i]->URI, uri) == 0) return features[i]->data;
  return NULL;
}

static LV2UI_Handle instantiate(const LV2UI_Descriptor *descriptor, const char *plugin_uri, const char *bundle_path,
                                LV2UI_Write_Function write, LV2UI_Controller controller, LV2UI_Widget *widget,
                                const LV2_Feature *const *features) {
  (void)descriptor, (void)bundle_path;
  const gs_lv2_layout *layout = NULL;
  for (int i = 0; i < GS_LV2_LAYOUT_COUNT; i++)
    if (strcmp(GS_LV2_LAYOUTS[i].uri, plugin_uri) == 0) layout = &GS_LV2_LAYOUTS[i];
  void *parent = (void *)feature(features, LV2_UI__parent);
  if (!layout || !parent || layout->latency >= MAX_PORTS) return NULL;
  ui *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->layout = layout;
  self->write = write;
  self->controller = controller;
  self->touch = feature(features, LV2_UI__touch);
  for (int i = 0; i < MAX_PORTS; i++) self->ports[i] = (float)GS_METER_FLOOR_DB;
  self->ports[control_port(self, GS_ID_INPUT_TRIM_DB)] = 0;
  self->ports[control_port(self, GS_ID_OUTPUT_TRIM_DB)] = 0;
  const gs_editor_host host = {self, read_model, begin_edit, edit, end_edit, NULL};
  self->editor = gs_editor_create(&host, (unsigned long)(uintptr_t)parent, 1);
  if (!self->editor) {
    free(self);
    return NULL;
  }
  const LV2UI_Resize *resize = feature(features, LV2_UI__resize);
  if (resize) resize->ui_resize(resize->handle, GS_EDITOR_WIDTH, GS_EDITOR_HEIGHT);
  *widget = (LV2UI_Widget)(uintptr_t)gs_editor_window(self->editor);
  return self;
}

static void cleanup(LV2UI_Handle handle) {
  ui *self = handle;
  gs_editor_destroy(self->editor);
  free(self);
}

static void port_event(LV2UI_Handle handle, uint32_t port, uint32_t size, uint32_t format, const void *buffer) {
  ui *self = handle;
  if (format == 0 && size == sizeof(float) && port < MAX_PORTS) self->ports[port] = *(const float *)buffer;
}

static int idle(LV2UI_Handle handle) {
  gs_editor_idle(((ui *)handle)->editor);
  return 0;
}

static const LV2UI_Idle_Interface IDLE = {idle};

static const void *extension_data(const char *uri) { return strcmp(uri, LV2_UI__idleInterface) == 0 ? &IDLE : NULL; }

static const LV2UI_Descriptor DESCRIPTOR = {GS_LV2_UI_URI, instantiate, cleanup, port_event, extension_data};

__attribute__((visibility("default"))) const LV2UI_Descriptor *lv2ui_descriptor(uint32_t index) {
  return index == 0 ? &DESCRIPTOR : NULL;
}
