/*
 * VST 3's edit controller and the host's component handler, declared by us (part of vst3-abi.h,
 * which includes this; checked against Steinberg's header with the rest).
 */
#ifndef GAINSTAGE_VST3_CONTROLLER_ABI_H
#define GAINSTAGE_VST3_CONTROLLER_ABI_H

/* ---- the edit controller (ivsteditcontroller.h) ---- */

enum {
  VST3_PARAM_CAN_AUTOMATE = 1 << 0,
  VST3_PARAM_IS_READ_ONLY = 1 << 1,
  VST3_PARAM_IS_LIST = 1 << 3,
  VST3_PARAM_IS_BYPASS = 1 << 16,
};
enum { VST3_RESTART_PARAM_VALUES_CHANGED = 1 << 2 };

typedef struct vst3_parameter_info {
  vst3_param_id id;
  vst3_string128 title;
  vst3_string128 shortTitle;
  vst3_string128 units;
  int32_t stepCount;
  vst3_param_value defaultNormalizedValue;
  int32_t unitId;
  int32_t flags;
} vst3_parameter_info;

typedef struct vst3_component_handler_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*beginEdit)(void *self, vst3_param_id id);
  vst3_result (*performEdit)(void *self, vst3_param_id id, vst3_param_value normalized);
  vst3_result (*endEdit)(void *self, vst3_param_id id);
  vst3_result (*restartComponent)(void *self, int32_t flags);
} vst3_component_handler_vtbl;
typedef struct vst3_component_handler {
  const vst3_component_handler_vtbl *lpVtbl;
} vst3_component_handler;

typedef struct vst3_edit_controller_vtbl {
  VST3_FUNKNOWN_METHODS;
  VST3_PLUGIN_BASE_METHODS;
  vst3_result (*setComponentState)(void *self, void *stream);
  vst3_result (*setState)(void *self, void *stream);
  vst3_result (*getState)(void *self, void *stream);
  int32_t (*getParameterCount)(void *self);
  vst3_result (*getParameterInfo)(void *self, int32_t index, vst3_parameter_info *info);
  vst3_result (*getParamStringByValue)(void *self, vst3_param_id id, vst3_param_value normalized, vst3_string128 text);
  vst3_result (*getParamValueByString)(void *self, vst3_param_id id, vst3_char16 *text, vst3_param_value *normalized);
  vst3_param_value (*normalizedParamToPlain)(void *self, vst3_param_id id, vst3_param_value normalized);
  vst3_param_value (*plainParamToNormalized)(void *self, vst3_param_id id, vst3_param_value plain);
  vst3_param_value (*getParamNormalized)(void *self, vst3_param_id id);
  vst3_result (*setParamNormalized)(void *self, vst3_param_id id, vst3_param_value value);
  vst3_result (*setComponentHandler)(void *self, vst3_component_handler *handler);
  void *(*createView)(void *self, const char *name);
} vst3_edit_controller_vtbl;

#endif
