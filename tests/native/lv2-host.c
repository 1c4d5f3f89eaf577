/*
 * A small LV2 host for the tests (tests/native/lv2-meters.test.ts): it loads an LV2 binary with
 * dlopen, instantiates plugin URI at RATE, connects the ports the test names by index (the test
 * reads the indices from lilv's lv2info, so nothing here knows Gainstage's port table), runs the
 * planar f32 input in BLOCK-frame blocks and prints what the control outputs read, as a host's
 * display would see them:
 *   lv2-host LIB URI RATE BLOCK IN.f32 CHANNELS PORT…
 * PORT: a:I (audio in), o:I (audio out), c:I=V (control in, set before the first block),
 *       t:I@F (control in: 0, then 1 from frame F on: a trigger), m:I (control out to report).
 * Output: one JSON line per block: {"frame": frames done, "m": [the reported outputs in order]}.
 * It offers Ardour's inline-display queue_draw feature (counting the calls) and, with the
 * environment's INLINE_WIDTH set, asks the plugin for its inline display at that width after the
 * last block and prints it: {"inline": {"queued": n, "width", "height", "rows": [[ARGB…]…]}}.
 */
#include <dlfcn.h>
#include <lv2/core/lv2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PORTS 256
#define IDPY "http://harrisonconsoles.com/lv2/inlinedisplay"

/* Ardour's inline display, as Ardour's lv2_extensions.h describes it. */
typedef struct { unsigned char *data; int width, height, stride; } idpy_surface;
typedef struct { idpy_surface *(*render)(LV2_Handle, uint32_t, uint32_t); } idpy_interface;
typedef struct { void *handle; void (*queue_draw)(void *); } idpy_host;
static int queued;
static void queue_draw(void *handle) { (void)handle; queued++; }

static void print_inline(const LV2_Descriptor *d, LV2_Handle plugin, uint32_t width) {
  const idpy_interface *display = d->extension_data ? d->extension_data(IDPY "#interface") : NULL;
  idpy_surface *surface = display ? display->render(plugin, width, 64) : NULL;
  if (!surface) {
    printf("{\"inline\":null}\n");
    return;
  }
  printf("{\"inline\":{\"queued\":%d,\"width\":%d,\"height\":%d,\"rows\":[", queued, surface->width, surface->height);
  for (int y = 0; y < surface->height; y++) {
    printf("%s[", y ? "," : "");
    const uint32_t *row = (const uint32_t *)(surface->data + y * surface->stride);
    for (int x = 0; x < surface->width; x++) printf("%s%u", x ? "," : "", row[x]);
    printf("]");
  }
  printf("]}}\n");
}

int main(int argc, char **argv) {
  if (argc < 8) {
    fprintf(stderr, "usage: lv2-host LIB URI RATE BLOCK IN.f32 CHANNELS PORT…\n");
    return 2;
  }
  void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!library) { fprintf(stderr, "%s\n", dlerror()); return 2; }
  const LV2_Descriptor *(*descriptor_of)(uint32_t) = (const LV2_Descriptor *(*)(uint32_t))dlsym(library, "lv2_descriptor");
  const LV2_Descriptor *d = NULL;
  for (uint32_t i = 0; descriptor_of && (d = descriptor_of(i)); i++)
    if (strcmp(d->URI, argv[2]) == 0) break;
  if (!d) { fprintf(stderr, "no plugin %s\n", argv[2]); return 2; }
  const double rate = atof(argv[3]);
  const uint32_t block = (uint32_t)atoi(argv[4]);
  const uint32_t channels = (uint32_t)atoi(argv[6]);
  FILE *f = fopen(argv[5], "rb");
  if (!f) { perror(argv[5]); return 2; }
  fseek(f, 0, SEEK_END);
  const size_t samples = (size_t)ftell(f) / sizeof(float);
  fseek(f, 0, SEEK_SET);
  float *input = malloc(samples * sizeof(float));
  if (fread(input, sizeof(float), samples, f) != samples) return 2;
  fclose(f);
  const uint32_t frames = (uint32_t)(samples / channels);

  static idpy_host inline_host = {NULL, queue_draw};
  const LV2_Feature queue = {IDPY "#queue_draw", &inline_host};
  const LV2_Feature *features[] = {&queue, NULL};
  LV2_Handle plugin = d->instantiate(d, rate, "", features);
  if (!plugin) { fprintf(stderr, "instantiate failed\n"); return 3; }
  static float controls[MAX_PORTS], meters[MAX_PORTS];
  static uint32_t trigger_port[MAX_PORTS], trigger_frame[MAX_PORTS], meter_port[MAX_PORTS];
  uint32_t triggers = 0, reported = 0, ins = 0, outs = 0;
  float *in_buffers[16], *out_buffers[16];
  for (int i = 7; i < argc; i++) {
    const char kind = argv[i][0];
    const uint32_t port = (uint32_t)atoi(argv[i] + 2);
    if (port >= MAX_PORTS) return 2;
    if (kind == 'a') d->connect_port(plugin, port, in_buffers[ins++] = calloc(block, sizeof(float)));
    else if (kind == 'o') d->connect_port(plugin, port, out_buffers[outs++] = calloc(block, sizeof(float)));
    else if (kind == 'c') controls[port] = (float)atof(strchr(argv[i], '=') + 1), d->connect_port(plugin, port, &controls[port]);
    else if (kind == 't') {
      trigger_port[triggers] = port, trigger_frame[triggers++] = (uint32_t)atoi(strchr(argv[i], '@') + 1);
      d->connect_port(plugin, port, &controls[port]);
    } else if (kind == 'm') meter_port[reported++] = port, meters[port] = 12345, d->connect_port(plugin, port, &meters[port]);
  }
  if (d->activate) d->activate(plugin);
  printf("{\"frame\":0,\"m\":[");
  for (uint32_t i = 0; i < reported; i++) printf("%s%.9g", i ? "," : "", meters[meter_port[i]]);
  printf("]}\n");
  for (uint32_t at = 0; at < frames; at += block) {
    const uint32_t n = frames - at < block ? frames - at : block;
    for (uint32_t c = 0; c < ins; c++) memcpy(in_buffers[c], input + (size_t)c * frames + at, n * sizeof(float));
    for (uint32_t t = 0; t < triggers; t++) controls[trigger_port[t]] = at >= trigger_frame[t] ? 1.0f : 0.0f;
    d->run(plugin, n);
    printf("{\"frame\":%u,\"m\":[", at + n);
    for (uint32_t i = 0; i < reported; i++) printf("%s%.9g", i ? "," : "", meters[meter_port[i]]);
    printf("]}\n");
  }
  if (getenv("INLINE_WIDTH")) print_inline(d, plugin, (uint32_t)atoi(getenv("INLINE_WIDTH")));
  if (d->deactivate) d->deactivate(plugin);
  d->cleanup(plugin);
  dlclose(library);
  return 0;
}
