/*
 * CLAP's GUI and event-loop extensions as Gainstage uses them, declared by us from the CLAP
 * headers' documentation (ext/gui.h, ext/timer-support.h, ext/posix-fd-support.h, the gesture
 * events of events.h); part of clap-abi.h, checked against the official headers with the rest
 * (tests/native/clap-facts.h). Threads as each function says.
 */
#ifndef GAINSTAGE_CLAP_GUI_ABI_H
#define GAINSTAGE_CLAP_GUI_ABI_H

/* events.h: a user's gesture on a parameter (begin and end around its values). */
enum { CLAP_EVENT_PARAM_GESTURE_BEGIN = 7, CLAP_EVENT_PARAM_GESTURE_END = 8 };
typedef struct clap_event_param_gesture {
  clap_event_header_t header;
  clap_id param_id;
} clap_event_param_gesture_t;

/* ext/gui.h */
#define CLAP_EXT_GUI "clap.gui"
#define CLAP_WINDOW_API_X11 "x11"
typedef struct clap_window {
  const char *api;
  union {
    void *cocoa;
    unsigned long x11; /* an X11 window id */
    void *win32;
    void *ptr;
  };
} clap_window_t;

typedef struct clap_gui_resize_hints {
  bool can_resize_horizontally;
  bool can_resize_vertically;
  bool preserve_aspect_ratio;
  uint32_t aspect_ratio_width;
  uint32_t aspect_ratio_height;
} clap_gui_resize_hints_t;

typedef struct clap_plugin_gui { /* every function: [main-thread] */
  bool (*is_api_supported)(const clap_plugin_t *plugin, const char *api, bool is_floating);
  bool (*get_preferred_api)(const clap_plugin_t *plugin, const char **api, bool *is_floating);
  bool (*create)(const clap_plugin_t *plugin, const char *api, bool is_floating);
  void (*destroy)(const clap_plugin_t *plugin);
  bool (*set_scale)(const clap_plugin_t *plugin, double scale);
  bool (*get_size)(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height);
  bool (*can_resize)(const clap_plugin_t *plugin);
  bool (*get_resize_hints)(const clap_plugin_t *plugin, clap_gui_resize_hints_t *hints);
  bool (*adjust_size)(const clap_plugin_t *plugin, uint32_t *width, uint32_t *height);
  bool (*set_size)(const clap_plugin_t *plugin, uint32_t width, uint32_t height);
  bool (*set_parent)(const clap_plugin_t *plugin, const clap_window_t *window);
  bool (*set_transient)(const clap_plugin_t *plugin, const clap_window_t *window);
  void (*suggest_title)(const clap_plugin_t *plugin, const char *title);
  bool (*show)(const clap_plugin_t *plugin);
  bool (*hide)(const clap_plugin_t *plugin);
} clap_plugin_gui_t;

typedef struct clap_host_gui {
  void (*resize_hints_changed)(const clap_host_t *host);                       /* [thread-safe] */
  bool (*request_resize)(const clap_host_t *host, uint32_t width, uint32_t height); /* [thread-safe] */
  bool (*request_show)(const clap_host_t *host);                               /* [thread-safe] */
  bool (*request_hide)(const clap_host_t *host);                               /* [thread-safe] */
  void (*closed)(const clap_host_t *host, bool was_destroyed);                 /* [thread-safe] */
} clap_host_gui_t;

/* ext/timer-support.h */
#define CLAP_EXT_TIMER_SUPPORT "clap.timer-support"
typedef struct clap_plugin_timer_support {
  void (*on_timer)(const clap_plugin_t *plugin, clap_id timer_id); /* [main-thread] */
} clap_plugin_timer_support_t;
typedef struct clap_host_timer_support {
  bool (*register_timer)(const clap_host_t *host, uint32_t period_ms, clap_id *timer_id); /* [main-thread] */
  bool (*unregister_timer)(const clap_host_t *host, clap_id timer_id);                    /* [main-thread] */
} clap_host_timer_support_t;

/* ext/posix-fd-support.h */
#define CLAP_EXT_POSIX_FD_SUPPORT "clap.posix-fd-support"
enum { CLAP_POSIX_FD_READ = 1 << 0, CLAP_POSIX_FD_WRITE = 1 << 1, CLAP_POSIX_FD_ERROR = 1 << 2 };
typedef uint32_t clap_posix_fd_flags_t;
typedef struct clap_plugin_posix_fd_support {
  void (*on_fd)(const clap_plugin_t *plugin, int fd, clap_posix_fd_flags_t flags); /* [main-thread] */
} clap_plugin_posix_fd_support_t;
typedef struct clap_host_posix_fd_support {
  bool (*register_fd)(const clap_host_t *host, int fd, clap_posix_fd_flags_t flags); /* [main-thread] */
  bool (*modify_fd)(const clap_host_t *host, int fd, clap_posix_fd_flags_t flags);   /* [main-thread] */
  bool (*unregister_fd)(const clap_host_t *host, int fd);                            /* [main-thread] */
} clap_host_posix_fd_support_t;

#endif
