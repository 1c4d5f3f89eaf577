/*
 * The VST 3 plug-in under a host's two threads at once, as VST 3 hosts do: an audio thread
 * processes (with automation of the input trim through IParameterChanges) while the UI thread
 * loads and saves states, sets and reads parameters, their text and the meters. Built with the
 * plug-in's sources into one program under -fsanitize=thread (and address,undefined) by
 * tests/native/threads.test.ts; the sanitizer's report is the verdict. Iterations, not time:
 *   vst3-threads BLOCKS   → one JSON line: what the UI thread did, and the trim the audio ended at
 */
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vst3/vst3-abi.h"
#include "vst3-test-objects.h"

void *GetPluginFactory(void);

#define FRAMES 128
#define INPUT_TRIM_ID 0
#define METER_ID 1000
/* The last state the UI thread loads sets this trim; the audio must end on it. */
#define FINAL_TRIM_DB -12.0

static void *component, *processor, *controller;
static const vst3_component_vtbl *c;
static const vst3_audio_processor_vtbl *p;
static const vst3_edit_controller_vtbl *e;
static uint32_t blocks_to_run;
static uint32_t audio_done; /* atomic */

/* Where the plug-in's output changes (meters, moves) go: taken and dropped, as cheaply as a host's. */
static vst3_result drop_point(void *q, int32_t offset, vst3_param_value value, int32_t *index) {
  (void)q, (void)offset, (void)value;
  if (index) *index = 0;
  return VST3_OK;
}
static const vst3_param_value_queue_vtbl DROP_QUEUE = {test_no_query, test_one, test_one, queue_id, queue_count, queue_get, drop_point};
static vst3_param_value_queue drop_queue = {&DROP_QUEUE};
static int32_t no_changes(void *c) { (void)c; return 0; }
static vst3_param_value_queue *no_queue(void *c, int32_t i) { (void)c, (void)i; return NULL; }
static vst3_param_value_queue *to_drop(void *c, const vst3_param_id *id, int32_t *i) {
  (void)c, (void)id;
  if (i) *i = 0;
  return &drop_queue;
}
static const vst3_parameter_changes_vtbl DROP = {test_no_query, test_one, test_one, no_changes, no_queue, to_drop};
static vst3_parameter_changes dropped = {&DROP};

static void process_block(float *in[2], float *out[2], int frames, vst3_parameter_changes *changes) {
  vst3_audio_bus_buffers in_bus = {2, 0, {.channelBuffers32 = in}}, out_bus = {2, 0, {.channelBuffers32 = out}};
  vst3_process_data data = {0, VST3_SAMPLE_32, frames, 1, 1, &in_bus, &out_bus, changes, &dropped, NULL, NULL, NULL};
  if (p->process(processor, &data) != VST3_OK) fprintf(stderr, "process failed\n"), exit(3);
}

/* The audio thread: constant 1.0 in, every block; a trim change at offset 7 of every 50th. */
static void *audio_thread(void *unused) {
  (void)unused;
  static float in_l[FRAMES], in_r[FRAMES], out_l[FRAMES], out_r[FRAMES];
  for (int n = 0; n < FRAMES; n++) in_l[n] = in_r[n] = 1.0f;
  float *ins[2] = {in_l, in_r}, *outs[2] = {out_l, out_r};
  static test_changes automation, none;
  test_changes_init(&automation);
  test_changes_init(&none);
  test_changes_add(&automation, INPUT_TRIM_ID, 7, (-3.0 + 48) / 96);
  test_changes_window(&automation, 0, FRAMES);
  test_changes_window(&none, 0, FRAMES);
  p->setProcessing(processor, 1);
  for (uint32_t block = 0; block < blocks_to_run; block++)
    process_block(ins, outs, FRAMES, block % 50 == 0 ? (vst3_parameter_changes *)&automation : (vst3_parameter_changes *)&none);
  p->setProcessing(processor, 0);
  __atomic_store_n(&audio_done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static bool load(double trim_db) {
  char text[256];
  snprintf(text, sizeof text, "{\"format\":\"gainstage-state\",\"version\":1,\"params\":{\"inputTrimDb\":%g}}", trim_db);
  test_stream stream;
  test_stream_init(&stream, text, strlen(text));
  const bool loaded = c->setState(component, &stream) == VST3_OK;
  free(stream.data);
  return loaded;
}

int main(int argc, char **argv) {
  blocks_to_run = argc > 1 ? (uint32_t)atoi(argv[1]) : 20000;
  void *factory = GetPluginFactory();
  const vst3_plugin_factory3_vtbl *f = *(const vst3_plugin_factory3_vtbl **)factory;
  vst3_class_info info;
  static const vst3_uid component_iid = VST3_UID_OF(VST3_IID_ICOMPONENT),
                        processor_iid = VST3_UID_OF(VST3_IID_IAUDIOPROCESSOR),
                        controller_iid = VST3_UID_OF(VST3_IID_IEDITCONTROLLER);
  if (f->getClassInfo(factory, 0, &info) != VST3_OK ||
      f->createInstance(factory, info.cid, component_iid, &component) != VST3_OK)
    return 2;
  c = *(const vst3_component_vtbl **)component;
  c->initialize(component, NULL);
  c->queryInterface(component, processor_iid, &processor);
  c->queryInterface(component, controller_iid, &controller);
  p = *(const vst3_audio_processor_vtbl **)processor;
  e = *(const vst3_edit_controller_vtbl **)controller;
  vst3_speaker_arrangement stereo = VST3_ARR_STEREO, stereo_out = VST3_ARR_STEREO;
  vst3_process_setup setup = {0, VST3_SAMPLE_32, FRAMES * 40, 48000};
  if (p->setBusArrangements(processor, &stereo, 1, &stereo_out, 1) != VST3_OK ||
      p->setupProcessing(processor, &setup) != VST3_OK || c->setActive(component, 1) != VST3_OK)
    return 2;

  pthread_t audio;
  pthread_create(&audio, NULL, audio_thread, NULL);
  unsigned long loads = 0, saves = 0, reads = 0, meter_reads = 0;
  while (!__atomic_load_n(&audio_done, __ATOMIC_ACQUIRE)) {
    loads += load(loads % 2 ? -6.0 : -9.0);
    test_stream saved;
    test_stream_init(&saved, NULL, 0);
    saves += c->getState(component, &saved) == VST3_OK;
    free(saved.data);
    e->setParamNormalized(controller, 1, (loads % 3) / 3.0); /* the output trim, from the UI */
    vst3_string128 text;
    if (e->getParamStringByValue(controller, INPUT_TRIM_ID, e->getParamNormalized(controller, INPUT_TRIM_ID), text) == VST3_OK)
      reads++;
    meter_reads += e->getParamStringByValue(controller, METER_ID, e->getParamNormalized(controller, METER_ID), text) == VST3_OK;
  }
  pthread_join(audio, NULL);

  /* After the audio thread stopped: the last load reaches the kernel at the next process. */
  if (!load(FINAL_TRIM_DB)) return 3;
  e->setParamNormalized(controller, 1, 0.5); /* output trim back at 0 dB */
  static float in_l[FRAMES * 40], in_r[FRAMES * 40], out_l[FRAMES * 40], out_r[FRAMES * 40];
  for (int n = 0; n < FRAMES * 40; n++) in_l[n] = in_r[n] = 1.0f;
  float *ins[2] = {in_l, in_r}, *outs[2] = {out_l, out_r};
  p->setProcessing(processor, 1);
  process_block(ins, outs, FRAMES * 40, NULL);
  p->setProcessing(processor, 0);
  const double value = e->normalizedParamToPlain(controller, INPUT_TRIM_ID, e->getParamNormalized(controller, INPUT_TRIM_ID));
  printf("{\"loads\":%lu,\"saves\":%lu,\"reads\":%lu,\"meterCopies\":%lu,\"valueDb\":%.17g,\"lastSampleDb\":%.17g}\n", loads,
         saves, reads, meter_reads, value, 20 * log10(out_l[FRAMES * 40 - 1]));
  c->setActive(component, 0);
  c->terminate(component);
  e->release(controller);
  p->release(processor);
  c->release(component);
  return 0;
}
