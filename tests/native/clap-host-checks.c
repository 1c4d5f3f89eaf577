/* The test host's checks of the plugin's manners (included by clap-host.c):
 *   texts FILE     lines "id value" → the plugin's value_to_text, one per line
 *   values FILE    lines "id<TAB>text" → the plugin's text_to_value ("refused" if it is not a value)
 *   verdicts FILE…  each file as a state loaded into a fresh plugin: "ok<TAB>the state saved back" or
 *                  "refused<TAB>the reason the plugin gave the host's log" (one line per file)
 *   manners STEPPED_ID DB_ID   stepped values truncated, the output's constant_mask written, clap.log and
 *                  clap.thread-check used when the host offers them (JSON)
 */

static int texts(int argc, char **argv) {
  if (argc < 3) return 2;
  const clap_plugin_t *p = create();
  const clap_plugin_params_t *params = params_of(p);
  FILE *f = fopen(argv[2], "r");
  if (!f) return 2;
  unsigned id;
  char number[64];
  while (fscanf(f, "%u %63s", &id, number) == 2) {
    char text[256];
    const double value = strcmp(number, "nan") == 0 ? NAN : strtod(number, NULL); /* strtod reads inf, -inf, 1e300 */
    if (!params->value_to_text(p, id, value, text, sizeof text)) strcpy(text, "(refused)");
    printf("%s\n", text);
  }
  fclose(f);
  p->destroy(p);
  return 0;
}

static int values(int argc, char **argv) {
  if (argc < 3) return 2;
  const clap_plugin_t *p = create();
  const clap_plugin_params_t *params = params_of(p);
  FILE *f = fopen(argv[2], "r");
  if (!f) return 2;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = '\0';
    double value;
    if (params->text_to_value(p, (clap_id)atoi(line), tab + 1, &value)) printf("%.17g\n", value);
    else printf("refused\n");
  }
  fclose(f);
  p->destroy(p);
  return 0;
}

/* A host that offers clap.log and clap.thread-check, and can say "not the main thread". */
static char logged[4096];
static bool main_thread_now = true;
static void host_log(const clap_host_t *h, clap_log_severity severity, const char *message) {
  (void)h;
  snprintf(logged + strlen(logged), sizeof logged - strlen(logged), "%d:%s|", severity, message);
}
static bool host_is_main(const clap_host_t *h) { (void)h; return main_thread_now; }
static bool host_is_audio(const clap_host_t *h) { (void)h; return !main_thread_now; }
static const clap_host_log_t HOST_LOG = {host_log};
static const clap_host_thread_check_t HOST_THREAD_CHECK = {host_is_main, host_is_audio};
static const void *checking_extension(const clap_host_t *h, const char *id) {
  (void)h;
  if (strcmp(id, CLAP_EXT_LOG) == 0) return &HOST_LOG;
  if (strcmp(id, CLAP_EXT_THREAD_CHECK) == 0) return &HOST_THREAD_CHECK;
  return NULL;
}

static int manners(int argc, char **argv) {
  if (argc < 4) return 2;
  const clap_id stepped = (clap_id)atoi(argv[2]), db = (clap_id)atoi(argv[3]);
  static clap_host_t host;
  host = HOST;
  host.get_extension = checking_extension;
  host.request_restart = host.request_process = host.request_callback = host_request;
  const clap_plugin_factory_t *factory = entry->get_factory(CLAP_PLUGIN_FACTORY_ID);
  const clap_plugin_t *p = factory->create_plugin(factory, &host, factory->get_plugin_descriptor(factory, 0)->id);
  if (!p || !p->init(p)) return 3;
  const clap_plugin_params_t *params = params_of(p);
  /* Stepped: 0.7 and 1.9 mean 0 and 1 (a cast); a dB value keeps its fraction. */
  flush_set(p, stepped, 0.7);
  double polarity_07, polarity_19, trim;
  params->get_value(p, stepped, &polarity_07);
  flush_set(p, stepped, 1.9);
  params->get_value(p, stepped, &polarity_19);
  flush_set(p, db, -0.7);
  params->get_value(p, db, &trim);
  /* The output buffer's constant_mask: the host leaves garbage in it, the plugin must clear it. */
  static float buffers[4][64];
  float *ins[2] = {buffers[0], buffers[1]}, *outs[2] = {buffers[2], buffers[3]};
  clap_audio_buffer_t input = {ins, NULL, 2, 0, 0}, output = {outs, NULL, 2, 0, ~0ull};
  const clap_process_t process = {-1, 64, NULL, &input, &output, 1, 1, NULL, NULL};
  p->activate(p, 48000, 1, 64);
  p->start_processing(p);
  const clap_process_status status = p->process(p, &process);
  p->stop_processing(p);
  /* A damaged state is refused with the reason in the host's log; off the main thread, refused. */
  const char bad[] = "{\"format\":\"gainstage-state\",\"version\":1,\"params\":{\"inputTrimDb\":99}}"; /* DB_ID must be inputTrimDb */
  const bool loaded_bad = load_bytes(p, bad, sizeof bad - 1, 0);
  main_thread_now = false;
  const char good[] = "{\"format\":\"gainstage-state\",\"version\":1,\"params\":{\"inputTrimDb\":-3}}";
  const bool loaded_off_main = load_bytes(p, good, sizeof good - 1, 0);
  main_thread_now = true;
  double after;
  params->get_value(p, db, &after);
  for (char *c = logged; *c; c++)
    if (*c == '"' || *c == '\\') *c = '\'';
  printf("{\"polarity07\":%g,\"polarity19\":%g,\"trim\":%g,\"status\":%d,\"constantMask\":%llu,"
         "\"loadedBad\":%s,\"loadedOffMain\":%s,\"trimAfter\":%g,\"log\":\"%s\"}\n",
         polarity_07, polarity_19, trim, status, (unsigned long long)output.constant_mask, loaded_bad ? "true" : "false",
         loaded_off_main ? "true" : "false", after, logged);
  p->deactivate(p);
  p->destroy(p);
  return 0;
}

static int verdicts(int argc, char **argv) {
  static clap_host_t host;
  host = HOST;
  host.get_extension = checking_extension;
  host.request_restart = host.request_process = host.request_callback = host_request;
  const clap_plugin_factory_t *factory = entry->get_factory(CLAP_PLUGIN_FACTORY_ID);
  static char text[1 << 17];
  for (int i = 2; i < argc; i++) {
    const clap_plugin_t *p = factory->create_plugin(factory, &host, factory->get_plugin_descriptor(factory, 0)->id);
    if (!p || !p->init(p)) return 3;
    FILE *f = fopen(argv[i], "rb");
    const size_t length = f ? fread(text, 1, sizeof text, f) : 0;
    if (f) fclose(f);
    logged[0] = '\0';
    if (load_bytes(p, text, length, 0)) {
      static byte_sink saved;
      saved.length = 0;
      const clap_ostream_t out = {&saved, sink_write};
      const clap_plugin_state_t *state = p->get_extension(p, CLAP_EXT_STATE);
      state->save(p, &out);
      printf("ok\t%.*s\n", (int)saved.length, saved.data);
    } else {
      const char *reason = strstr(logged, "nothing changed: ");
      const size_t skip = reason ? strlen("nothing changed: ") : 0;
      const char *text_end = strrchr(logged, '|');
      printf("refused\t%.*s\n", reason && text_end ? (int)(text_end - reason - skip) : 0, reason ? reason + skip : "");
    }
    p->destroy(p);
  }
  return 0;
}
