/*
 * VST 3's editor view and the Linux run loop a host gives it, declared by us (gui/iplugview.h,
 * gui/iplugviewcontentscalesupport.h is not used); part of vst3-abi.h, checked against
 * Steinberg's header with the rest. Every method: the host's UI thread.
 */
#ifndef GAINSTAGE_VST3_VIEW_ABI_H
#define GAINSTAGE_VST3_VIEW_ABI_H

#define VST3_IID_IPLUGVIEW 0x5BC32507, 0xD06049EA, 0xA6151B52, 0x2B755B29
#define VST3_IID_IPLUGFRAME 0x367FAF01, 0xAFA94693, 0x8D4DA2A0, 0xED0882A3
#define VST3_IID_IRUNLOOP 0x18C35366, 0x97764F1A, 0x9C5B8385, 0x7A871389
#define VST3_IID_IEVENTHANDLER 0x561E65C9, 0x13A0496F, 0x813A2C35, 0x654D7983
#define VST3_IID_ITIMERHANDLER 0x10BDD94F, 0x41424774, 0x821FAD8F, 0xECA72CA9

/* The one platform type Gainstage's view takes: an X11 window id to embed in. */
#define VST3_PLATFORM_X11 "X11EmbedWindowID"

typedef struct vst3_view_rect {
  int32_t left, top, right, bottom;
} vst3_view_rect;

typedef struct vst3_plug_view_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*isPlatformTypeSupported)(void *self, const char *type);
  vst3_result (*attached)(void *self, void *parent, const char *type);
  vst3_result (*removed)(void *self);
  vst3_result (*onWheel)(void *self, float distance);
  vst3_result (*onKeyDown)(void *self, vst3_char16 key, int16_t key_code, int16_t modifiers);
  vst3_result (*onKeyUp)(void *self, vst3_char16 key, int16_t key_code, int16_t modifiers);
  vst3_result (*getSize)(void *self, vst3_view_rect *size);
  vst3_result (*onSize)(void *self, vst3_view_rect *size);
  vst3_result (*onFocus)(void *self, uint8_t state);
  vst3_result (*setFrame)(void *self, void *frame);
  vst3_result (*canResize)(void *self);
  vst3_result (*checkSizeConstraint)(void *self, vst3_view_rect *rect);
} vst3_plug_view_vtbl;

typedef struct vst3_plug_frame_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*resizeView)(void *self, void *view, vst3_view_rect *size);
} vst3_plug_frame_vtbl;

typedef struct vst3_event_handler_vtbl {
  VST3_FUNKNOWN_METHODS;
  void (*onFDIsSet)(void *self, int fd);
} vst3_event_handler_vtbl;

typedef struct vst3_timer_handler_vtbl {
  VST3_FUNKNOWN_METHODS;
  void (*onTimer)(void *self);
} vst3_timer_handler_vtbl;

typedef struct vst3_run_loop_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*registerEventHandler)(void *self, void *handler, int fd);
  vst3_result (*unregisterEventHandler)(void *self, void *handler);
  vst3_result (*registerTimer)(void *self, void *handler, uint64_t milliseconds);
  vst3_result (*unregisterTimer)(void *self, void *handler);
} vst3_run_loop_vtbl;

#endif
