/* The state extension: the point's state (the web's JSON) through the host's streams. [main-thread] */
#include <stdio.h>
#include <stdlib.h>

#include "gainstage-clap.h"

static bool state_save(const clap_plugin_t *plugin, const clap_ostream_t *stream) {
  gs_clap *self = gs_clap_of(plugin);
  if (!gs_clap_on_main_thread(self, "state.save")) return false;
  char text[GS_MAX_STATE_BYTES];
  const size_t length = gs_point_save(&self->point, text, sizeof text);
  for (size_t written = 0; length > 0 && written < length;) {
    const int64_t n = stream->write(stream, text + written, length - written);
    if (n <= 0) return false;
    written += (size_t)n;
  }
  return length > 0;
}

/* Reads the whole stream (at most GS_MAX_STATE_BYTES); the state is validated whole before
   anything changes, so a damaged one is refused (the reason logged) and the plugin keeps what it
   had. Loaded values reach the audio thread at its next process or flush: the host is told they
   changed, and asked for a flush when it is not processing. */
static bool state_load(const clap_plugin_t *plugin, const clap_istream_t *stream) {
  gs_clap *self = gs_clap_of(plugin);
  if (!gs_clap_on_main_thread(self, "state.load")) return false;
  char *text = malloc(GS_MAX_STATE_BYTES + 1); /* [main-thread]: allocating is allowed here */
  if (!text) return false;
  size_t length = 0;
  for (;;) {
    const int64_t n = stream->read(stream, text + length, GS_MAX_STATE_BYTES + 1 - length);
    if (n < 0) {
      free(text);
      return false;
    }
    if (n == 0 || (length += (size_t)n) > GS_MAX_STATE_BYTES) break;
  }
  char error[256] = "the state is larger than a Gainstage state can be";
  const bool loaded = length <= GS_MAX_STATE_BYTES && gs_point_load(&self->point, text, length, error, sizeof error);
  free(text);
  if (!loaded) {
    char message[300];
    snprintf(message, sizeof message, "Gainstage: state refused, nothing changed: %s", error);
    gs_clap_log(self, CLAP_LOG_WARNING, message);
    return false;
  }
  if (self->host_params && self->host_params->rescan) self->host_params->rescan(self->host, CLAP_PARAM_RESCAN_VALUES);
  if (__atomic_load_n(&self->active, __ATOMIC_ACQUIRE) && self->host_params && self->host_params->request_flush)
    self->host_params->request_flush(self->host);
  return true;
}

const clap_plugin_state_t gs_clap_state = {state_save, state_load};
