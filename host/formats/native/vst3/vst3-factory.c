/* The module's entry points and its factory [main]: one class, Gainstage, an audio effect
   ("Fx|Tools") whose component is also its controller; its facts are the declaration's, generated
   (gainstage-contract.h GS_PLUGIN_*, GS_VST3_*), as moduleinfo.json says them too. */
#include <stdio.h>
#include <string.h>

#include "gainstage-vst3.h"

#define GS_VST3_EXPORT __attribute__((visibility("default")))

static const vst3_uid CLASS_ID = GS_VST3_CLASS_ID;

static vst3_result query(void *self, const vst3_uid iid, void **object) {
  if (!object) return VST3_INVALID_ARGUMENT;
  if (GS_VST3_IID_IS(iid, VST3_IID_FUNKNOWN) || GS_VST3_IID_IS(iid, VST3_IID_IPLUGINFACTORY) ||
      GS_VST3_IID_IS(iid, VST3_IID_IPLUGINFACTORY2) || GS_VST3_IID_IS(iid, VST3_IID_IPLUGINFACTORY3)) {
    *object = self;
    return VST3_OK;
  }
  *object = NULL;
  return VST3_NO_INTERFACE;
}

/* The factory is one static object: it is never freed. */
static uint32_t add_ref(void *self) {
  (void)self;
  return 1;
}
static uint32_t release(void *self) {
  (void)self;
  return 1;
}

static vst3_result get_factory_info(void *self, vst3_factory_info *info) {
  (void)self;
  if (!info) return VST3_INVALID_ARGUMENT;
  memset(info, 0, sizeof *info);
  snprintf(info->vendor, sizeof info->vendor, "%s", GS_PLUGIN_VENDOR);
  snprintf(info->url, sizeof info->url, "%s", GS_PLUGIN_URL);
  snprintf(info->email, sizeof info->email, "%s", GS_VST3_EMAIL);
  info->flags = VST3_FACTORY_UNICODE;
  return VST3_OK;
}

static int32_t count_classes(void *self) {
  (void)self;
  return 1;
}

static vst3_result get_class_info(void *self, int32_t index, vst3_class_info *info) {
  (void)self;
  if (index != 0 || !info) return VST3_INVALID_ARGUMENT;
  memset(info, 0, sizeof *info);
  memcpy(info->cid, CLASS_ID, sizeof CLASS_ID);
  info->cardinality = VST3_MANY_INSTANCES;
  snprintf(info->category, sizeof info->category, "%s", GS_VST3_CATEGORY);
  snprintf(info->name, sizeof info->name, "%s", GS_PLUGIN_NAME);
  return VST3_OK;
}

static vst3_result get_class_info2(void *self, int32_t index, vst3_class_info2 *info) {
  (void)self;
  if (index != 0 || !info) return VST3_INVALID_ARGUMENT;
  memset(info, 0, sizeof *info);
  memcpy(info->cid, CLASS_ID, sizeof CLASS_ID);
  info->cardinality = VST3_MANY_INSTANCES;
  snprintf(info->category, sizeof info->category, "%s", GS_VST3_CATEGORY);
  snprintf(info->name, sizeof info->name, "%s", GS_PLUGIN_NAME);
  snprintf(info->subCategories, sizeof info->subCategories, "%s", GS_VST3_SUB_CATEGORIES);
  snprintf(info->vendor, sizeof info->vendor, "%s", GS_PLUGIN_VENDOR);
  snprintf(info->version, sizeof info->version, "%s", GS_PLUGIN_VERSION);
  snprintf(info->sdkVersion, sizeof info->sdkVersion, "%s", GS_VST3_SDK_VERSION);
  return VST3_OK;
}

static vst3_result get_class_info_unicode(void *self, int32_t index, vst3_class_info_w *info) {
  (void)self;
  if (index != 0 || !info) return VST3_INVALID_ARGUMENT;
  memset(info, 0, sizeof *info);
  memcpy(info->cid, CLASS_ID, sizeof CLASS_ID);
  info->cardinality = VST3_MANY_INSTANCES;
  snprintf(info->category, sizeof info->category, "%s", GS_VST3_CATEGORY);
  gs_vst3_utf16(info->name, 64, GS_PLUGIN_NAME);
  snprintf(info->subCategories, sizeof info->subCategories, "%s", GS_VST3_SUB_CATEGORIES);
  gs_vst3_utf16(info->vendor, 64, GS_PLUGIN_VENDOR);
  gs_vst3_utf16(info->version, 64, GS_PLUGIN_VERSION);
  gs_vst3_utf16(info->sdkVersion, 64, GS_VST3_SDK_VERSION);
  return VST3_OK;
}

/* An instance of the class, as whichever of its interfaces `iid` names. */
static vst3_result create_instance(void *self, const char *cid, const char *iid, void **object) {
  (void)self;
  if (!object) return VST3_INVALID_ARGUMENT;
  *object = NULL;
  if (!cid || memcmp(cid, CLASS_ID, sizeof CLASS_ID) != 0) return VST3_NO_INTERFACE;
  gs_vst3 *instance = gs_vst3_create();
  if (!instance) return VST3_OUT_OF_MEMORY;
  const vst3_result result = gs_vst3_query(instance, iid, object);
  gs_vst3_release(instance); /* the query's reference is the caller's */
  return result;
}

static vst3_result set_host_context(void *self, void *context) {
  (void)self;
  (void)context;
  return VST3_OK;
}

static const vst3_plugin_factory3_vtbl FACTORY_VTBL = {
  query, add_ref, release, get_factory_info, count_classes, get_class_info, create_instance,
  get_class_info2, get_class_info_unicode, set_host_context,
};
static struct {
  const vst3_plugin_factory3_vtbl *vtbl;
} FACTORY = {&FACTORY_VTBL};

GS_VST3_EXPORT void *GetPluginFactory(void) { return &FACTORY; }

/* Linux module entry and exit: nothing to set up beyond what each instance makes. */
GS_VST3_EXPORT bool ModuleEntry(void *library) {
  (void)library;
  return true;
}

GS_VST3_EXPORT bool ModuleExit(void) { return true; }
