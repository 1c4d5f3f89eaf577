/* The test host's state and instance commands (included by clap-host.c). */

typedef struct { const char *data; size_t length, at, chunk; } byte_source;
static int64_t source_read(const clap_istream_t *s, void *buffer, uint64_t size) {
  byte_source *src = s->ctx;
  size_t n = src->length - src->at;
  if (n > size) n = (size_t)size;
  if (src->chunk && n > src->chunk) n = src->chunk; /* a host may hand the state over a byte at a time */
  memcpy(buffer, src->data + src->at, n);
  src->at += n;
  return (int64_t)n;
}
typedef struct { char data[1 << 17]; size_t length; } byte_sink;
static int64_t sink_write(const clap_ostream_t *s, const void *buffer, uint64_t size) {
  byte_sink *sink = s->ctx;
  if (sink->length + size > sizeof sink->data) return -1;
  memcpy(sink->data + sink->length, buffer, (size_t)size);
  sink->length += (size_t)size;
  return (int64_t)size;
}

static bool load_bytes(const clap_plugin_t *p, const char *data, size_t length, size_t chunk) {
  byte_source src = {data, length, 0, chunk};
  const clap_istream_t stream = {&src, source_read};
  const clap_plugin_state_t *state = p->get_extension(p, CLAP_EXT_STATE);
  return state->load(p, &stream);
}

static void print_values(const clap_plugin_t *p) {
  const clap_plugin_params_t *params = params_of(p);
  printf("{");
  for (uint32_t i = 0; i < params->count(p); i++) {
    clap_param_info_t info;
    double value;
    params->get_info(p, i, &info);
    params->get_value(p, info.id, &value);
    printf("%s\"%u\":%.17g", i ? "," : "", info.id, value);
  }
  printf("}");
}

static int state(int argc, char **argv) {
  const clap_plugin_t *a = create();
  flush_set(a, 0, -7.25);  /* inputTrimDb */
  flush_set(a, 17, 3);     /* autoTrimDetector */
  flush_set(a, 2, 1);      /* bypass */
  flush_set(a, 0, NAN);    /* refused: the trim stays −7.25 */
  flush_set(a, 1, 1e9);    /* outputTrimDb: clamped to +48 */
  static byte_sink saved;
  const clap_ostream_t out = {&saved, sink_write};
  const clap_plugin_state_t *state_ext = a->get_extension(a, CLAP_EXT_STATE);
  if (!state_ext->save(a, &out)) return 3;
  printf("{\"saved\":%.*s,\"values\":", (int)saved.length, saved.data);
  print_values(a);
  const clap_plugin_t *b = create();
  const bool restored = load_bytes(b, saved.data, saved.length, 1);
  printf(",\"restored\":%s,\"restoredValues\":", restored ? "true" : "false");
  print_values(b);
  printf(",\"files\":[");
  for (int i = 2; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    static char text[1 << 18];
    const size_t length = f ? fread(text, 1, sizeof text, f) : 0;
    if (f) fclose(f);
    const bool loaded = load_bytes(b, text, length, 0);
    printf("%s{\"file\":\"%s\",\"loaded\":%s,\"values\":", i > 2 ? "," : "", argv[i], loaded ? "true" : "false");
    print_values(b);
    printf("}");
  }
  printf("]}\n");
  a->destroy(a);
  b->destroy(b);
  return 0;
}

/* One second of a −12 dBFS 997 Hz sine, stereo, at `rate`. */
static void sine(float *l, float *r, uint32_t frames, double rate) {
  for (uint32_t n = 0; n < frames; n++) l[n] = r[n] = (float)(0.25118864315095801 * sin(2 * M_PI * 997 * n / rate));
}

/* The meters where the audio stopped: stop_processing publishes them, then they are copied. */
static const double *meters_of(const clap_plugin_t *p) {
  static double readout[GS_READOUT_SLOTS];
  p->stop_processing(p);
  const gs_clap_meters_t *m = p->get_extension(p, GS_CLAP_EXT_METERS);
  if (!m->read(p, readout, GS_READOUT_SLOTS)) { fprintf(stderr, "no meters\n"); exit(3); }
  p->start_processing(p);
  return readout;
}

static int instances(int argc, char **argv) {
  if (argc < 3) return 2;
  const double rate = atof(argv[2]);
  const uint32_t frames = (uint32_t)rate, block = 100;
  float *buffers = calloc((size_t)frames * 8, sizeof(float));
  float *in[2] = {buffers, buffers + frames};
  float *out_a[2] = {buffers + 2 * frames, buffers + 3 * frames}, *out_b[2] = {buffers + 4 * frames, buffers + 5 * frames};
  float *out_c[2] = {buffers + 6 * frames, buffers + 7 * frames};
  sine(in[0], in[1], frames, rate);
  const clap_plugin_t *a = create(), *b = create(), *c = create();
  flush_set(a, 0, -6), flush_set(b, 0, 3), flush_set(c, 0, -6);
  a->activate(a, rate, 1, block), b->activate(b, rate, 1, block), c->activate(c, rate, 1, block);
  a->start_processing(a), b->start_processing(b), c->start_processing(c);
  /* A and B interleaved block by block, as a host's graph runs them; C alone. */
  for (uint32_t at = 0; at < frames; at += block) {
    const uint32_t n = frames - at < block ? frames - at : block;
    float *ins[2] = {in[0] + at, in[1] + at};
    float *oa[2] = {out_a[0] + at, out_a[1] + at}, *ob[2] = {out_b[0] + at, out_b[1] + at};
    clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output_a = {oa, NULL, 2, 0, 0}, output_b = {ob, NULL, 2, 0, 0};
    const clap_process_t pa = {-1, n, NULL, &input, &output_a, 1, 1, NULL, NULL};
    const clap_process_t pb = {-1, n, NULL, &input, &output_b, 1, 1, NULL, NULL};
    a->process(a, &pa), b->process(b, &pb);
  }
  run(c, in, out_c, frames, 4096, NULL, NULL, NULL, 0, NULL);
  const bool independent = memcmp(out_a[0], out_c[0], frames * sizeof(float)) == 0 &&
                           memcmp(out_a[1], out_c[1], frames * sizeof(float)) == 0;
  const double b_peak = meters_of(b)[GS_TAP_BLOCK(GS_TAP_OUT) + GS_CHANNEL_FIELDS_AT(-1) + GS_C_SAMPLE_PEAK_MAX_DBFS];
  a->reset(a);
  const double after_reset = meters_of(a)[GS_TAP_BLOCK(GS_TAP_IN) + GS_CHANNEL_FIELDS_AT(-1) + GS_C_SAMPLE_PEAK_MAX_DBFS];
  a->stop_processing(a);
  a->deactivate(a);
  const double other_rate = rate == 48000 ? 96000 : 48000;
  const bool reactivated = a->activate(a, other_rate, 1, block) && a->start_processing(a);
  run(a, in, out_a, block * 10, block, NULL, NULL, NULL, 0, NULL);
  const double again = meters_of(a)[GS_TAP_BLOCK(GS_TAP_IN) + GS_CHANNEL_FIELDS_AT(-1) + GS_C_SAMPLE_PEAK_MAX_DBFS];
  printf("{\"independent\":%s,\"bOutPeakDbfs\":%.17g,\"afterResetDbfs\":\"%g\",\"reactivated\":%s,\"againDbfs\":%.17g}\n",
         independent ? "true" : "false", b_peak, after_reset, reactivated ? "true" : "false", again);
  a->destroy(a), b->destroy(b), c->destroy(c);
  free(buffers);
  return 0;
}
