/* Finds and loads the editor's library (editor-api.h) beside the plugin's own shared object. [main] */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

#include "editor-api.h"

const gs_editor_api *gs_editor_load(void) {
  static const gs_editor_api *api;
  if (api) return api;
  Dl_info self;
  if (!dladdr((void *)gs_editor_load, &self) || !self.dli_fname) return NULL;
  char folder[4096], path[4200];
  snprintf(folder, sizeof folder, "%s", self.dli_fname);
  snprintf(path, sizeof path, "%s/%s", dirname(folder), GS_EDITOR_LIBRARY);
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!library) {
    fprintf(stderr, "Gainstage: no editor: %s\n", dlerror());
    return NULL;
  }
  api = dlsym(library, GS_EDITOR_API_SYMBOL);
  return api;
}
