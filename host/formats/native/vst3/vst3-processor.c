/* IAudioProcessor: the bus arrangements the kernel meters, 32-bit processing, and process() on the
   audio thread: parameter changes applied at their sample offsets, the kernel's own moves (Learn,
   Ride) and the meters sent back as output parameter changes. Nothing here allocates or locks. */
#include <string.h>

#include "gainstage-vst3.h"
#include "meters.h"

#define SELF(pointer) GS_VST3_OF(pointer, processor)

static vst3_result query(void *self, const vst3_uid iid, void **object) { return gs_vst3_query(SELF(self), iid, object); }
static uint32_t add_ref(void *self) { return gs_vst3_add_ref(SELF(self)); }
static uint32_t release(void *self) { return gs_vst3_release(SELF(self)); }

/* The channel count of an arrangement the kernel meters as BS.1770 lays it out (assembly/loudness.ts:
   5.0, 5.1 and 7.1 in L R C (LFE) Ls Rs … order, which is VST 3's bit order); 0 for any other. */
static uint32_t channels_of(vst3_speaker_arrangement arrangement) {
  switch (arrangement) {
  case VST3_ARR_MONO: return 1;
  case VST3_ARR_STEREO: return 2;
  case VST3_ARR_50: return 5;
  case VST3_ARR_51: return 6;
  case VST3_ARR_71_CINE:
  case VST3_ARR_71_MUSIC: return 8;
  default: return 0;
  }
}

/* [main] One input and one output bus of the same arrangement, one the kernel meters; others refused. */
static vst3_result set_bus_arrangements(void *pointer, vst3_speaker_arrangement *inputs, int32_t input_count,
                                        vst3_speaker_arrangement *outputs, int32_t output_count) {
  gs_vst3 *self = SELF(pointer);
  if (self->active || input_count != 1 || output_count != 1 || !inputs || !outputs || inputs[0] != outputs[0])
    return VST3_FALSE;
  const uint32_t channels = channels_of(inputs[0]);
  if (channels == 0 || channels > GS_MAX_CHANNELS) return VST3_FALSE;
  self->arrangement = inputs[0];
  self->channels = channels;
  return VST3_OK;
}

static vst3_result get_bus_arrangement(void *pointer, int32_t direction, int32_t index,
                                       vst3_speaker_arrangement *arrangement) {
  if (index != 0 || !arrangement || (direction != VST3_BUS_INPUT && direction != VST3_BUS_OUTPUT))
    return VST3_INVALID_ARGUMENT;
  *arrangement = SELF(pointer)->arrangement;
  return VST3_OK;
}

/* 32-bit floats only: the kernel's samples. */
static vst3_result can_process_sample_size(void *pointer, int32_t size) {
  (void)pointer;
  return size == VST3_SAMPLE_32 ? VST3_OK : VST3_FALSE;
}

static uint32_t get_latency_samples(void *pointer) {
  (void)pointer;
  return GS_LATENCY_FRAMES;
}

static uint32_t get_tail_samples(void *pointer) {
  (void)pointer;
  return 0;
}

/* [main] Before setActive(true): the rate the kernel is prepared for. */
static vst3_result setup_processing(void *pointer, vst3_process_setup *setup) {
  gs_vst3 *self = SELF(pointer);
  if (!setup || self->active || setup->symbolicSampleSize != VST3_SAMPLE_32) return VST3_FALSE;
  if (!(setup->sampleRate >= GS_MIN_SAMPLE_RATE && setup->sampleRate <= GS_MAX_SAMPLE_RATE)) return VST3_FALSE;
  self->sample_rate = setup->sampleRate;
  return VST3_OK;
}

/* [audio or main] Stopping publishes the meters where the audio ended. */
static vst3_result set_processing(void *pointer, uint8_t state) {
  gs_vst3 *self = SELF(pointer);
  if (!self->active) return VST3_FALSE;
  if (!state) gs_point_publish(&self->point);
  return VST3_OK;
}

/* ---- process ---- */

/* One output change: a point at `offset` in parameter `id`'s queue. */
static void send_change(vst3_parameter_changes *changes, vst3_param_id id, int32_t offset, double normalized) {
  if (!changes) return;
  int32_t index = 0;
  vst3_param_value_queue *queue = changes->lpVtbl->addParameterData(changes, &id, &index);
  if (queue) queue->lpVtbl->addPoint(queue, offset, normalized, &index);
}

typedef struct moves {
  vst3_parameter_changes *out;
  int32_t block_start;
} moves;

/* A move of the kernel (Learn, Ride) leaves as an output change the host records. */
static void push_move(void *context, uint32_t id, double value, uint32_t frame) {
  const moves *m = context;
  send_change(m->out, id, m->block_start + (int32_t)frame, gs_vst3_to_normalized(id, value));
}

/* The meters as read-only parameters, at display rate, each only when it changed. */
static void send_meters(gs_vst3 *self, vst3_parameter_changes *out, int32_t offset) {
  const double *readout = gs_point_readout(&self->point);
  if (!readout || !out) return;
  for (int i = 0; i < GS_METER_OUTPUT_COUNT; i++) {
    const double value = gs_meter_value(readout, i, self->sample_rate);
    double sent;
    __atomic_load(&self->meters[i], &sent, __ATOMIC_RELAXED);
    if (value == sent) continue;
    __atomic_store(&self->meters[i], &value, __ATOMIC_RELAXED); /* read by the controller [main] */
    const vst3_param_id id = GS_VST3_METER_PARAM_ID_BASE + (uint32_t)i;
    send_change(out, id, offset, gs_vst3_to_normalized(id, value));
  }
}

/* The earliest pending point over every queue, at or after nothing applied yet; -1 if none. */
static int32_t next_offset(gs_vst3 *self, vst3_parameter_changes *in, int32_t queues) {
  int32_t earliest = -1;
  for (int32_t q = 0; q < queues; q++) {
    vst3_param_value_queue *queue = in->lpVtbl->getParameterData(in, q);
    if (!queue || self->queue_next[q] >= queue->lpVtbl->getPointCount(queue)) continue;
    int32_t offset = 0;
    double value = 0;
    if (queue->lpVtbl->getPoint(queue, self->queue_next[q], &offset, &value) != VST3_OK) continue;
    if (earliest < 0 || offset < earliest) earliest = offset;
  }
  return earliest;
}

/* Applies every point at or before `offset`. */
static void apply_until(gs_vst3 *self, vst3_parameter_changes *in, int32_t queues, int32_t offset) {
  for (int32_t q = 0; q < queues; q++) {
    vst3_param_value_queue *queue = in->lpVtbl->getParameterData(in, q);
    if (!queue) continue;
    const vst3_param_id id = queue->lpVtbl->getParameterId(queue);
    const int index = gs_vst3_param_index(id);
    const int32_t points = queue->lpVtbl->getPointCount(queue);
    for (; self->queue_next[q] < points; self->queue_next[q]++) {
      int32_t at = 0;
      double value = 0;
      if (queue->lpVtbl->getPoint(queue, self->queue_next[q], &at, &value) != VST3_OK || at > offset) break;
      if (index >= 0) gs_point_set_audio(&self->point, index, gs_vst3_to_plain(id, value));
    }
  }
}

/* Silence honoured: a channel flagged silent is read as zeros; an output that is all zeros is flagged. */
static const float SILENCE[GS_MAX_FRAMES];

static uint64_t silent_outputs(float *const *out, uint32_t channels, int32_t frames) {
  uint64_t flags = 0;
  for (uint32_t c = 0; c < channels; c++) {
    int32_t n = 0;
    while (n < frames && out[c][n] == 0.0f) n++;
    if (n == frames) flags |= 1ull << c;
  }
  return flags;
}

static vst3_result process(void *pointer, vst3_process_data *data) {
  gs_vst3 *self = SELF(pointer);
  if (!data || !self->active) return VST3_FALSE;
  vst3_parameter_changes *in = data->inputParameterChanges;
  int32_t queues = in ? in->lpVtbl->getParameterCount(in) : 0;
  if (queues > GS_VST3_MAX_QUEUES) queues = GS_VST3_MAX_QUEUES;
  memset(self->queue_next, 0, sizeof self->queue_next);
  const int32_t frames = data->numSamples;
  const bool audio = frames > 0 && data->numInputs > 0 && data->numOutputs > 0 && data->inputs && data->outputs &&
                     data->inputs[0].channelBuffers32 && data->outputs[0].channelBuffers32;
  if (!audio) { /* a parameter flush: changes applied, nothing processed */
    if (queues > 0) apply_until(self, in, queues, INT32_MAX);
    gs_point_sync(&self->point);
    return VST3_OK;
  }
  const vst3_audio_bus_buffers *input = &data->inputs[0];
  vst3_audio_bus_buffers *output = &data->outputs[0];
  const uint32_t channels = self->channels;
  const float *source[GS_MAX_CHANNELS];
  float *target[GS_MAX_CHANNELS];
  for (uint32_t c = 0; c < channels; c++) {
    const int32_t from = (int32_t)c < input->numChannels ? (int32_t)c : input->numChannels - 1;
    const bool silent = from < 0 || (input->silenceFlags >> from) & 1;
    source[c] = silent ? SILENCE : input->channelBuffers32[from];
    target[c] = output->channelBuffers32[(int32_t)c < output->numChannels ? c : 0];
  }
  moves m = {data->outputParameterChanges, 0};
  gs_point_sync(&self->point);
  for (int32_t at = 0; at < frames;) {
    if (queues > 0) apply_until(self, in, queues, at);
    const int32_t next = queues > 0 ? next_offset(self, in, queues) : -1;
    int32_t until = next > at && next < frames ? next : frames;
    if (until - at > GS_MAX_FRAMES) until = at + GS_MAX_FRAMES;
    const float *in_at[GS_MAX_CHANNELS];
    float *out_at[GS_MAX_CHANNELS];
    for (uint32_t c = 0; c < channels; c++) {
      in_at[c] = source[c] == SILENCE ? SILENCE : source[c] + at;
      out_at[c] = target[c] + at;
    }
    m.block_start = at;
    gs_point_process(&self->point, in_at, out_at, (uint32_t)(until - at), push_move, &m);
    at = until;
  }
  if (queues > 0) apply_until(self, in, queues, INT32_MAX); /* points past the block's end: applied, not lost */
  output->silenceFlags = silent_outputs(target, channels, frames);
  self->frames_since_meters += (uint32_t)frames;
  if (self->frames_since_meters >= GS_METER_PUBLISH_MS * 0.001 * self->sample_rate) {
    self->frames_since_meters = 0;
    send_meters(self, data->outputParameterChanges, frames - 1);
  }
  return gs_point_failed(&self->point) ? VST3_INTERNAL_ERROR : VST3_OK;
}

const vst3_audio_processor_vtbl gs_vst3_processor = {
  query, add_ref, release, set_bus_arrangements, get_bus_arrangement, can_process_sample_size,
  get_latency_samples, setup_processing, set_processing, process, get_tail_samples,
};
