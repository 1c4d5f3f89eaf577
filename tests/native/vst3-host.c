/*
 * A small VST 3 host for the tests (tests/native/vst3.test.ts): loads the bundle's module, makes
 * the one class, and drives it as a host does (bus arrangement, set-up, activation, processing
 * with parameter changes at sample offsets, state through a stream). It prints what it saw as
 * JSON; the assertions live in the test. Commands:
 *   vst3-host BUNDLE info                       the parameters as a generic editor lists them
 *   vst3-host BUNDLE run TRIM_DB AT_FRAME TO_DB  2 s of a −20 dBFS 997 Hz stereo sine at 48 kHz in
 *                                               512-frame blocks, the input trim at TRIM_DB, then
 *                                               TO_DB from frame AT_FRAME (a change inside a block)
 *   vst3-host BUNDLE ride                       hot noise with Ride on: the trim's moves come back
 *   vst3-host BUNDLE state                      save, change, restore; a damaged state refused
 *   vst3-host BUNDLE arrangements               which bus arrangements are taken
 *   vst3-host BUNDLE silence                    silence flags in and out
 */
#include <dlfcn.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vst3/vst3-abi.h"
#include "vst3-test-objects.h"

/* Allocations the plug-in makes while `counting` (its process calls): the host's own malloc family,
   which the plug-in's calls bind to (the host is linked -rdynamic). */
extern void *__libc_malloc(size_t), *__libc_calloc(size_t, size_t), *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static volatile int counting;
static unsigned long allocations;
static long outstanding; /* the whole process's, for the editor's open-and-close cycles */
void *malloc(size_t n) { if (counting) allocations++; void *p = __libc_malloc(n); if (p) outstanding++; return p; }
void *calloc(size_t n, size_t size) { if (counting) allocations++; void *p = __libc_calloc(n, size); if (p) outstanding++; return p; }
void *realloc(void *p, size_t n) {
  if (counting) allocations++;
  void *q = __libc_realloc(p, n);
  if (!p && q) outstanding++;
  return q;
}
void free(void *p) { if (counting && p) allocations++; if (p) outstanding--; __libc_free(p); }

#define RATE 48000.0
#define BLOCK 512
#define SECONDS 2
#define FRAMES ((int)(RATE * SECONDS))

typedef struct plugin {
  void *component, *processor, *controller;
  const vst3_component_vtbl *c;
  const vst3_audio_processor_vtbl *p;
  const vst3_edit_controller_vtbl *e;
} plugin;

static plugin load(const char *bundle) {
  char path[4096];
  snprintf(path, sizeof path, "%s/Contents/x86_64-linux/gainstage.so", bundle);
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!library) fprintf(stderr, "%s\n", dlerror()), exit(2);
  bool (*entry)(void *) = (bool (*)(void *))dlsym(library, "ModuleEntry");
  void *(*get_factory)(void) = (void *(*)(void))dlsym(library, "GetPluginFactory");
  if (!entry || !get_factory || !entry(library)) fprintf(stderr, "no VST 3 entry points\n"), exit(2);
  void *factory = get_factory();
  const vst3_plugin_factory3_vtbl *f = *(const vst3_plugin_factory3_vtbl **)factory;
  vst3_class_info info;
  if (f->getClassInfo(factory, 0, &info) != VST3_OK) fprintf(stderr, "no class\n"), exit(2);
  static const vst3_uid component_iid = VST3_UID_OF(VST3_IID_ICOMPONENT), processor_iid = VST3_UID_OF(VST3_IID_IAUDIOPROCESSOR),
                        controller_iid = VST3_UID_OF(VST3_IID_IEDITCONTROLLER);
  plugin p = {0};
  if (f->createInstance(factory, info.cid, component_iid, &p.component) != VST3_OK) fprintf(stderr, "no instance\n"), exit(2);
  p.c = *(const vst3_component_vtbl **)p.component;
  if (p.c->initialize(p.component, NULL) != VST3_OK) fprintf(stderr, "initialize failed\n"), exit(2);
  p.c->queryInterface(p.component, processor_iid, &p.processor);
  p.c->queryInterface(p.component, controller_iid, &p.controller);
  p.p = *(const vst3_audio_processor_vtbl **)p.processor;
  p.e = *(const vst3_edit_controller_vtbl **)p.controller;
  return p;
}

static void start(plugin *p, vst3_speaker_arrangement arrangement) {
  vst3_speaker_arrangement in = arrangement, out = arrangement;
  p->p->setBusArrangements(p->processor, &in, 1, &out, 1);
  vst3_process_setup setup = {0, VST3_SAMPLE_32, BLOCK, RATE};
  p->p->setupProcessing(p->processor, &setup);
  p->c->setActive(p->component, 1);
  p->p->setProcessing(p->processor, 1);
}

static int32_t param_id(plugin *p, const char *title) {
  for (int32_t i = 0; i < p->e->getParameterCount(p->controller); i++) {
    vst3_parameter_info info;
    p->e->getParameterInfo(p->controller, i, &info);
    char text[256];
    test_utf8(text, sizeof text, info.title);
    if (strcmp(text, title) == 0) return (int32_t)info.id;
  }
  fprintf(stderr, "no parameter \"%s\"\n", title);
  exit(2);
}

static void print_texts(plugin *p) {
  printf("\"texts\": {");
  for (int32_t i = 0; i < p->e->getParameterCount(p->controller); i++) {
    vst3_parameter_info info;
    p->e->getParameterInfo(p->controller, i, &info);
    vst3_string128 value;
    p->e->getParamStringByValue(p->controller, info.id, p->e->getParamNormalized(p->controller, info.id), value);
    char title[256], text[256];
    test_utf8(title, sizeof title, info.title);
    test_utf8(text, sizeof text, value);
    printf("%s\"%s\": \"%s\"", i ? ", " : "", title, text);
  }
  printf("}");
}

static int info(plugin *p) {
  printf("[");
  for (int32_t i = 0; i < p->e->getParameterCount(p->controller); i++) {
    vst3_parameter_info info;
    p->e->getParameterInfo(p->controller, i, &info);
    char title[256], units[256], plain_text[256];
    test_utf8(title, sizeof title, info.title);
    test_utf8(units, sizeof units, info.units);
    vst3_string128 text;
    p->e->getParamStringByValue(p->controller, info.id, info.defaultNormalizedValue, text);
    test_utf8(plain_text, sizeof plain_text, text);
    printf("%s{\"id\": %u, \"title\": \"%s\", \"units\": \"%s\", \"stepCount\": %d, \"default\": %.17g, "
           "\"defaultText\": \"%s\", \"plainDefault\": %.17g, \"flags\": %d}",
           i ? ",\n " : "", info.id, title, units, info.stepCount, info.defaultNormalizedValue, plain_text,
           p->e->normalizedParamToPlain(p->controller, info.id, info.defaultNormalizedValue), info.flags);
  }
  printf("]\n");
  return 0;
}

/* Processes FRAMES frames of `input` (interleaved by channel: input[c][n]) into `output`, applying
   `changes` (the first block that holds each) and recording what comes back. */
static void render(plugin *p, float *input[2], float *output[2], test_changes *changes, test_changes *back) {
  for (int at = 0; at < FRAMES; at += BLOCK) {
    const int frames = FRAMES - at < BLOCK ? FRAMES - at : BLOCK; /* the last block is shorter */
    float *in[2] = {input[0] + at, input[1] + at}, *out[2] = {output[0] + at, output[1] + at};
    vst3_audio_bus_buffers in_bus = {2, 0, {.channelBuffers32 = in}}, out_bus = {2, 0, {.channelBuffers32 = out}};
    test_changes_window(changes, at, frames);
    vst3_process_data data = {0, VST3_SAMPLE_32, frames, 1, 1, &in_bus, &out_bus,
                              (vst3_parameter_changes *)changes, (vst3_parameter_changes *)back, NULL, NULL, NULL};
    back->offset_base = at;
    counting = 1;
    p->p->process(p->processor, &data);
    counting = 0;
  }
}

static float *channel(void) { return calloc(FRAMES, sizeof(float)); }

static int run(plugin *p, double trim_db, int at_frame, double to_db) {
  const int32_t trim = param_id(p, "Input trim");
  p->e->setParamNormalized(p->controller, trim, p->e->plainParamToNormalized(p->controller, trim, trim_db));
  start(p, VST3_ARR_STEREO);
  float *input[2] = {channel(), channel()}, *output[2] = {channel(), channel()};
  const double amplitude = pow(10, -20 / 20.0);
  for (int n = 0; n < FRAMES; n++) input[0][n] = input[1][n] = (float)(amplitude * sin(2 * M_PI * 997 * n / RATE));
  static test_changes changes, back;
  test_changes_init(&changes);
  test_changes_init(&back);
  test_changes_add(&changes, (uint32_t)trim, at_frame, p->e->plainParamToNormalized(p->controller, trim, to_db));
  render(p, input, output, &changes, &back);
  const double gain = pow(10, trim_db / 20);
  double before = 0;
  int first_changed = -1;
  for (int n = 0; n < FRAMES; n++) {
    const double error = fabs(output[0][n] - gain * input[0][n]);
    if (n < at_frame && error > before) before = error;
    if (first_changed < 0 && error > 1e-6) first_changed = n;
  }
  printf("{\"maxErrorBefore\": %.3g, \"firstChanged\": %d, \"settledGainDb\": %.6f, \"trimId\": %d, ", before,
         first_changed, 20 * log10(fabs(output[0][FRAMES - 5000] / input[0][FRAMES - 5000])), trim);
  printf("\"trimNow\": %.17g, \"allocations\": %lu, ",
         p->e->normalizedParamToPlain(p->controller, trim, p->e->getParamNormalized(p->controller, trim)), allocations);
  test_changes_print(&back);
  printf(", ");
  print_texts(p);
  printf("}\n");
  return 0;
}

static int ride(plugin *p) {
  p->e->setParamNormalized(p->controller, param_id(p, "Auto-trim ride"), 1);
  start(p, VST3_ARR_STEREO);
  float *input[2] = {channel(), channel()}, *output[2] = {channel(), channel()};
  uint32_t seed = 7;
  for (int n = 0; n < FRAMES; n++) {
    seed = seed * 1103515245u + 12345u;
    input[0][n] = input[1][n] = 0.5f * ((float)seed / 2147483648.0f - 1.0f);
  }
  static test_changes none, back;
  test_changes_init(&none);
  test_changes_init(&back);
  render(p, input, output, &none, &back);
  const int32_t trim = param_id(p, "Input trim");
  printf("{\"trimId\": %d, \"trimNow\": %.17g, ", trim,
         p->e->normalizedParamToPlain(p->controller, trim, p->e->getParamNormalized(p->controller, trim)));
  test_changes_print(&back);
  printf("}\n");
  return 0;
}

static int state(plugin *p) {
  const int32_t trim = param_id(p, "Input trim");
  p->e->setParamNormalized(p->controller, trim, p->e->plainParamToNormalized(p->controller, trim, -7.5));
  test_stream saved;
  test_stream_init(&saved, NULL, 0);
  const vst3_result saving = p->c->getState(p->component, &saved);
  p->e->setParamNormalized(p->controller, trim, p->e->plainParamToNormalized(p->controller, trim, 3));
  test_stream again;
  test_stream_init(&again, saved.data, saved.size);
  const vst3_result loading = p->c->setState(p->component, &again);
  const double restored = p->e->normalizedParamToPlain(p->controller, trim, p->e->getParamNormalized(p->controller, trim));
  static const char damaged[] = "{\"format\":\"gainstage-state\",\"version\":1,\"params\":{\"inputTrimDb\":\"loud\"}}";
  test_stream bad;
  test_stream_init(&bad, damaged, sizeof damaged - 1);
  const vst3_result refusing = p->c->setState(p->component, &bad);
  const double after = p->e->normalizedParamToPlain(p->controller, trim, p->e->getParamNormalized(p->controller, trim));
  printf("{\"saving\": %d, \"loading\": %d, \"restored\": %.17g, \"refusing\": %d, \"afterRefusal\": %.17g, \"state\": ",
         saving, loading, restored, refusing, after);
  fwrite(saved.data, 1, saved.size, stdout);
  printf("}\n");
  return 0;
}

static int arrangements(plugin *p) {
  static const struct { const char *name; vst3_speaker_arrangement in, out; } cases[] = {
    {"mono", VST3_ARR_MONO, VST3_ARR_MONO},
    {"stereo", VST3_ARR_STEREO, VST3_ARR_STEREO},
    {"5.0", VST3_ARR_50, VST3_ARR_50},
    {"5.1", VST3_ARR_51, VST3_ARR_51},
    {"7.1", VST3_ARR_71_CINE, VST3_ARR_71_CINE},
    {"quadro", VST3_SPEAKER_L | VST3_SPEAKER_R | VST3_SPEAKER_LS | VST3_SPEAKER_RS,
     VST3_SPEAKER_L | VST3_SPEAKER_R | VST3_SPEAKER_LS | VST3_SPEAKER_RS},
    {"mono to stereo", VST3_ARR_MONO, VST3_ARR_STEREO},
  };
  printf("{");
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    vst3_speaker_arrangement in = cases[i].in, out = cases[i].out, now = 0;
    const vst3_result result = p->p->setBusArrangements(p->processor, &in, 1, &out, 1);
    p->p->getBusArrangement(p->processor, VST3_BUS_INPUT, 0, &now);
    vst3_bus_info bus;
    p->c->getBusInfo(p->component, VST3_MEDIA_AUDIO, VST3_BUS_INPUT, 0, &bus);
    printf("%s\"%s\": {\"taken\": %s, \"channels\": %d}", i ? ", " : "", cases[i].name,
           result == VST3_OK && now == in ? "true" : "false", bus.channelCount);
  }
  printf("}\n");
  return 0;
}

static int silence(plugin *p) {
  start(p, VST3_ARR_STEREO);
  float left[BLOCK], right[BLOCK], out_left[BLOCK], out_right[BLOCK];
  for (int n = 0; n < BLOCK; n++) left[n] = right[n] = 0.75f; /* garbage the flags say to ignore */
  float *in[2] = {left, right}, *out[2] = {out_left, out_right};
  vst3_audio_bus_buffers in_bus = {2, 3, {.channelBuffers32 = in}}, out_bus = {2, 0, {.channelBuffers32 = out}};
  vst3_process_data data = {0, VST3_SAMPLE_32, BLOCK, 1, 1, &in_bus, &out_bus, NULL, NULL, NULL, NULL, NULL};
  const vst3_result result = p->p->process(p->processor, &data);
  double peak = 0;
  for (int n = 0; n < BLOCK; n++) peak = fmax(peak, fmax(fabs(out_left[n]), fabs(out_right[n])));
  const uint64_t silent_out = out_bus.silenceFlags;
  in_bus.silenceFlags = 0;
  p->p->process(p->processor, &data);
  printf("{\"result\": %d, \"peakWhenSilent\": %g, \"silenceOut\": %llu, \"silenceOutWithSignal\": %llu}\n", result,
         peak, (unsigned long long)silent_out, (unsigned long long)out_bus.silenceFlags);
  return 0;
}

#include "vst3-editor-host.h"

int main(int argc, char **argv) {
  if (argc < 3) return fprintf(stderr, "usage: vst3-host BUNDLE COMMAND …\n"), 2;
  plugin p = load(argv[1]);
  const char *command = argv[2];
  if (strcmp(command, "info") == 0) return info(&p);
  if (strcmp(command, "run") == 0 && argc == 6) return run(&p, atof(argv[3]), atoi(argv[4]), atof(argv[5]));
  if (strcmp(command, "ride") == 0) return ride(&p);
  if (strcmp(command, "state") == 0) return state(&p);
  if (strcmp(command, "arrangements") == 0) return arrangements(&p);
  if (strcmp(command, "silence") == 0) return silence(&p);
  if (strcmp(command, "editor") == 0 && argc >= 4) return editor(&p, argv[3], !(argc > 4 && strcmp(argv[4], "no-run-loop") == 0));
  return fprintf(stderr, "unknown command %s\n", command), 2;
}
