/*
 * The facts of the CLAP ABI that Gainstage's own declarations (host/formats/native/clap/clap-abi.h)
 * must share with the official headers: every struct it declares with each field's offset, its size
 * and alignment, and the constants and ids it uses. Read twice by tests/native/clap-official.test.ts:
 * compiled against the official headers (../shared/vendor/clap/include) it prints these facts as
 * _Static_assert lines; those lines are then compiled against our header, so any difference fails
 * the build. Never copied from the official headers: only their facts are compared.
 */
#define CLAP_STRUCTS(S, F)                                                                                         \
  S(clap_version_t) F(clap_version_t, major) F(clap_version_t, minor) F(clap_version_t, revision)                  \
  S(clap_event_header_t) F(clap_event_header_t, size) F(clap_event_header_t, time) F(clap_event_header_t, space_id) \
    F(clap_event_header_t, type) F(clap_event_header_t, flags)                                                     \
  S(clap_event_param_value_t) F(clap_event_param_value_t, header) F(clap_event_param_value_t, param_id)            \
    F(clap_event_param_value_t, cookie) F(clap_event_param_value_t, note_id) F(clap_event_param_value_t, port_index) \
    F(clap_event_param_value_t, channel) F(clap_event_param_value_t, key) F(clap_event_param_value_t, value)        \
  S(clap_input_events_t) F(clap_input_events_t, ctx) F(clap_input_events_t, size) F(clap_input_events_t, get)      \
  S(clap_output_events_t) F(clap_output_events_t, ctx) F(clap_output_events_t, try_push)                           \
  S(clap_audio_buffer_t) F(clap_audio_buffer_t, data32) F(clap_audio_buffer_t, data64)                             \
    F(clap_audio_buffer_t, channel_count) F(clap_audio_buffer_t, latency) F(clap_audio_buffer_t, constant_mask)    \
  S(clap_process_t) F(clap_process_t, steady_time) F(clap_process_t, frames_count) F(clap_process_t, transport)    \
    F(clap_process_t, audio_inputs) F(clap_process_t, audio_outputs) F(clap_process_t, audio_inputs_count)        \
    F(clap_process_t, audio_outputs_count) F(clap_process_t, in_events) F(clap_process_t, out_events)             \
  S(clap_host_t) F(clap_host_t, clap_version) F(clap_host_t, host_data) F(clap_host_t, name) F(clap_host_t, vendor) \
    F(clap_host_t, url) F(clap_host_t, version) F(clap_host_t, get_extension) F(clap_host_t, request_restart)      \
    F(clap_host_t, request_process) F(clap_host_t, request_callback)                                              \
  S(clap_plugin_descriptor_t) F(clap_plugin_descriptor_t, clap_version) F(clap_plugin_descriptor_t, id)            \
    F(clap_plugin_descriptor_t, name) F(clap_plugin_descriptor_t, vendor) F(clap_plugin_descriptor_t, url)         \
    F(clap_plugin_descriptor_t, manual_url) F(clap_plugin_descriptor_t, support_url)                              \
    F(clap_plugin_descriptor_t, version) F(clap_plugin_descriptor_t, description) F(clap_plugin_descriptor_t, features) \
  S(clap_plugin_t) F(clap_plugin_t, desc) F(clap_plugin_t, plugin_data) F(clap_plugin_t, init) F(clap_plugin_t, destroy) \
    F(clap_plugin_t, activate) F(clap_plugin_t, deactivate) F(clap_plugin_t, start_processing)                    \
    F(clap_plugin_t, stop_processing) F(clap_plugin_t, reset) F(clap_plugin_t, process)                           \
    F(clap_plugin_t, get_extension) F(clap_plugin_t, on_main_thread)                                              \
  S(clap_plugin_factory_t) F(clap_plugin_factory_t, get_plugin_count) F(clap_plugin_factory_t, get_plugin_descriptor) \
    F(clap_plugin_factory_t, create_plugin)                                                                       \
  S(clap_plugin_entry_t) F(clap_plugin_entry_t, clap_version) F(clap_plugin_entry_t, init) F(clap_plugin_entry_t, deinit) \
    F(clap_plugin_entry_t, get_factory)                                                                           \
  S(clap_istream_t) F(clap_istream_t, ctx) F(clap_istream_t, read)                                                 \
  S(clap_ostream_t) F(clap_ostream_t, ctx) F(clap_ostream_t, write)                                                \
  S(clap_audio_port_info_t) F(clap_audio_port_info_t, id) F(clap_audio_port_info_t, name) F(clap_audio_port_info_t, flags) \
    F(clap_audio_port_info_t, channel_count) F(clap_audio_port_info_t, port_type) F(clap_audio_port_info_t, in_place_pair) \
  S(clap_plugin_audio_ports_t) F(clap_plugin_audio_ports_t, count) F(clap_plugin_audio_ports_t, get)               \
  S(clap_param_info_t) F(clap_param_info_t, id) F(clap_param_info_t, flags) F(clap_param_info_t, cookie)           \
    F(clap_param_info_t, name) F(clap_param_info_t, module) F(clap_param_info_t, min_value)                       \
    F(clap_param_info_t, max_value) F(clap_param_info_t, default_value)                                           \
  S(clap_plugin_params_t) F(clap_plugin_params_t, count) F(clap_plugin_params_t, get_info) F(clap_plugin_params_t, get_value) \
    F(clap_plugin_params_t, value_to_text) F(clap_plugin_params_t, text_to_value) F(clap_plugin_params_t, flush)  \
  S(clap_host_params_t) F(clap_host_params_t, rescan) F(clap_host_params_t, clear) F(clap_host_params_t, request_flush) \
  S(clap_plugin_state_t) F(clap_plugin_state_t, save) F(clap_plugin_state_t, load)                                 \
  S(clap_plugin_latency_t) F(clap_plugin_latency_t, get)                                                           \
  S(clap_host_log_t) F(clap_host_log_t, log)                                                                       \
  S(clap_host_thread_check_t) F(clap_host_thread_check_t, is_main_thread) F(clap_host_thread_check_t, is_audio_thread) \
  S(clap_event_param_gesture_t) F(clap_event_param_gesture_t, header) F(clap_event_param_gesture_t, param_id)       \
  S(clap_window_t) F(clap_window_t, api) F(clap_window_t, x11) F(clap_window_t, ptr)                                \
  S(clap_gui_resize_hints_t) F(clap_gui_resize_hints_t, can_resize_horizontally)                                  \
    F(clap_gui_resize_hints_t, can_resize_vertically) F(clap_gui_resize_hints_t, preserve_aspect_ratio)           \
    F(clap_gui_resize_hints_t, aspect_ratio_width) F(clap_gui_resize_hints_t, aspect_ratio_height)                \
  S(clap_plugin_gui_t) F(clap_plugin_gui_t, is_api_supported) F(clap_plugin_gui_t, get_preferred_api)              \
    F(clap_plugin_gui_t, create) F(clap_plugin_gui_t, destroy) F(clap_plugin_gui_t, set_scale)                     \
    F(clap_plugin_gui_t, get_size) F(clap_plugin_gui_t, can_resize) F(clap_plugin_gui_t, get_resize_hints)         \
    F(clap_plugin_gui_t, adjust_size) F(clap_plugin_gui_t, set_size) F(clap_plugin_gui_t, set_parent)              \
    F(clap_plugin_gui_t, set_transient) F(clap_plugin_gui_t, suggest_title) F(clap_plugin_gui_t, show)             \
    F(clap_plugin_gui_t, hide)                                                                                    \
  S(clap_host_gui_t) F(clap_host_gui_t, resize_hints_changed) F(clap_host_gui_t, request_resize)                   \
    F(clap_host_gui_t, request_show) F(clap_host_gui_t, request_hide) F(clap_host_gui_t, closed)                   \
  S(clap_plugin_timer_support_t) F(clap_plugin_timer_support_t, on_timer)                                          \
  S(clap_host_timer_support_t) F(clap_host_timer_support_t, register_timer) F(clap_host_timer_support_t, unregister_timer) \
  S(clap_plugin_posix_fd_support_t) F(clap_plugin_posix_fd_support_t, on_fd)                                       \
  S(clap_host_posix_fd_support_t) F(clap_host_posix_fd_support_t, register_fd) F(clap_host_posix_fd_support_t, modify_fd) \
    F(clap_host_posix_fd_support_t, unregister_fd)

/* Integer constants our declarations use. */
#define CLAP_NUMBERS(N)                                                                                            \
  N(CLAP_CORE_EVENT_SPACE_ID) N(CLAP_EVENT_PARAM_VALUE) N(CLAP_EVENT_PARAM_MOD) N(CLAP_NAME_SIZE) N(CLAP_PATH_SIZE) \
  N(CLAP_INVALID_ID) N(CLAP_PROCESS_ERROR) N(CLAP_PROCESS_CONTINUE) N(CLAP_PROCESS_CONTINUE_IF_NOT_QUIET)          \
  N(CLAP_PROCESS_TAIL) N(CLAP_PROCESS_SLEEP) N(CLAP_AUDIO_PORT_IS_MAIN) N(CLAP_PARAM_IS_STEPPED)                    \
  N(CLAP_PARAM_IS_BYPASS) N(CLAP_PARAM_IS_AUTOMATABLE) N(CLAP_PARAM_IS_ENUM) N(CLAP_PARAM_RESCAN_VALUES)             \
  N(CLAP_PARAM_RESCAN_TEXT) N(CLAP_PARAM_RESCAN_INFO) N(CLAP_PARAM_RESCAN_ALL) N(CLAP_LOG_DEBUG) N(CLAP_LOG_INFO)    \
  N(CLAP_LOG_WARNING) N(CLAP_LOG_ERROR) N(CLAP_LOG_FATAL) N(CLAP_LOG_HOST_MISBEHAVING) N(CLAP_LOG_PLUGIN_MISBEHAVING) \
  N(CLAP_EVENT_PARAM_GESTURE_BEGIN) N(CLAP_EVENT_PARAM_GESTURE_END) N(CLAP_POSIX_FD_READ) N(CLAP_POSIX_FD_WRITE)  \
  N(CLAP_POSIX_FD_ERROR)

/* String ids our declarations use. */
#define CLAP_STRINGS(T)                                                                                            \
  T(CLAP_PLUGIN_FACTORY_ID) T(CLAP_EXT_AUDIO_PORTS) T(CLAP_PORT_STEREO) T(CLAP_EXT_PARAMS) T(CLAP_EXT_STATE)          \
  T(CLAP_EXT_LATENCY) T(CLAP_EXT_LOG) T(CLAP_EXT_THREAD_CHECK) T(CLAP_EXT_GUI) T(CLAP_WINDOW_API_X11)                 \
  T(CLAP_EXT_TIMER_SUPPORT) T(CLAP_EXT_POSIX_FD_SUPPORT)
