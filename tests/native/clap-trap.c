/*
 * A CLAP plugin whose kernel traps (trapping-kernel.c): process() must say so with
 * CLAP_PROCESS_ERROR, output silence, and never bring the host down. Prints one JSON line.
 */
#include <stdio.h>
#include <string.h>

#include "clap/clap-abi.h"
#include "clap/gainstage-clap.h"

extern const clap_plugin_entry_t clap_entry;

static const void *no_extension(const clap_host_t *h, const char *id) { (void)h; (void)id; return NULL; }
static void host_request(const clap_host_t *h) { (void)h; }

int main(void) {
  static clap_host_t host = {{1, 2, 2}, NULL, "trap", "Gainstage", "", "1.0", NULL, NULL, NULL, NULL};
  host.get_extension = no_extension;
  host.request_restart = host.request_process = host.request_callback = host_request;
  clap_entry.init("");
  const clap_plugin_factory_t *factory = clap_entry.get_factory(CLAP_PLUGIN_FACTORY_ID);
  const clap_plugin_t *p = factory->create_plugin(factory, &host, factory->get_plugin_descriptor(factory, 0)->id);
  if (!p || !p->init(p) || !p->activate(p, 48000, 1, 64) || !p->start_processing(p)) return 2;
  static float buffers[4][64];
  for (int n = 0; n < 64; n++) buffers[0][n] = buffers[1][n] = 0.5f;
  float *ins[2] = {buffers[0], buffers[1]}, *outs[2] = {buffers[2], buffers[3]};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, 0};
  const clap_process_t process = {-1, 64, NULL, &input, &output, 1, 1, NULL, NULL};
  printf("{\"statuses\":[");
  for (int i = 0; i < 6; i++) printf("%s%d", i ? "," : "", p->process(p, &process));
  float loudest = 0;
  for (int n = 0; n < 64; n++) loudest = buffers[2][n] > loudest ? buffers[2][n] : loudest;
  printf("],\"lastOutputPeak\":%g}\n", loudest);
  p->stop_processing(p);
  p->deactivate(p);
  p->destroy(p);
  clap_entry.deinit();
  return 0;
}
