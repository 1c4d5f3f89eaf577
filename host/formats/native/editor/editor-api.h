/*
 * The editor as the plugins reach it: a separate shared object (gainstage-editor.so, beside the
 * plugin's own) loaded only when a host opens the editor, so a plugin that is only processing
 * never loads X11 or cairo, and a host that loads and unloads the plugin many times does not load
 * and leave them each time (the editor's library stays once loaded: RTLD_NODELETE).
 * Thread: the host's main thread.
 */
#ifndef GAINSTAGE_EDITOR_API_H
#define GAINSTAGE_EDITOR_API_H

#include "editor.h"

/* The editor library's one export: its functions (editor.h says what each does). */
#define GS_EDITOR_API_SYMBOL "gs_editor_api_1"
#define GS_EDITOR_LIBRARY "gainstage-editor.so"
typedef struct gs_editor_api {
  gs_editor *(*create)(const gs_editor_host *host, unsigned long parent, double scale);
  void (*destroy)(gs_editor *editor);
  int (*fd)(const gs_editor *editor);
  void (*idle)(gs_editor *editor);
  void (*get_size)(const gs_editor *editor, uint32_t *width, uint32_t *height);
  void (*set_size)(gs_editor *editor, uint32_t width, uint32_t height);
  void (*show)(gs_editor *editor, bool visible);
} gs_editor_api;

/* The editor library beside the shared object this code is in; NULL (and why, on stderr) if it
   cannot be loaded: the host then gets false for its editor, and the plugin works on. */
const gs_editor_api *gs_editor_load(void);

#endif
