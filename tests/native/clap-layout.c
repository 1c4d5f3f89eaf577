/*
 * The CLAP declarations of host/formats/native/clap/clap-abi.h against the layout the CLAP 1.2
 * specification's own declarations have on this platform (x86-64 System V: pointers and doubles
 * 8 bytes and 8-aligned, uint32 4, uint16 2, char arrays 1). Each number below was worked out by
 * hand from the specification's struct definitions (entry.h, plugin.h, host.h, process.h,
 * audio-buffer.h, events.h, stream.h, factory/plugin-factory.h and the ext/ headers), field by field, not
 * from our header: if a field is missing, reordered or mistyped, a check fails.
 * Built and run by tests/native/native.test.ts; prints one line per struct, then "layout ok".
 */
#include <stddef.h>
#include <stdio.h>

#include "clap/clap-abi.h"

static int failures;

#define CHECK(type, expected_size)                                                                    \
  do {                                                                                                \
    if (sizeof(type) != (expected_size)) {                                                            \
      printf("%s: size %zu, the specification's %d\n", #type, sizeof(type), (int)(expected_size));   \
      failures++;                                                                                     \
    }                                                                                                 \
  } while (0)
#define AT(type, field, expected)                                                                     \
  do {                                                                                                \
    if (offsetof(type, field) != (expected)) {                                                        \
      printf("%s.%s: offset %zu, the specification's %d\n", #type, #field, offsetof(type, field),     \
             (int)(expected));                                                                        \
      failures++;                                                                                     \
    }                                                                                                 \
  } while (0)

int main(void) {
  CHECK(clap_version_t, 12);
  AT(clap_version_t, major, 0); AT(clap_version_t, minor, 4); AT(clap_version_t, revision, 8);

  CHECK(clap_plugin_entry_t, 40); /* version (12, padded to 16), 3 function pointers */
  AT(clap_plugin_entry_t, init, 16); AT(clap_plugin_entry_t, deinit, 24); AT(clap_plugin_entry_t, get_factory, 32);

  CHECK(clap_plugin_factory_t, 24);
  AT(clap_plugin_factory_t, get_plugin_descriptor, 8); AT(clap_plugin_factory_t, create_plugin, 16);

  CHECK(clap_plugin_descriptor_t, 88); /* version 12 → 16, then 9 pointers */
  AT(clap_plugin_descriptor_t, id, 16); AT(clap_plugin_descriptor_t, name, 24);
  AT(clap_plugin_descriptor_t, vendor, 32); AT(clap_plugin_descriptor_t, url, 40);
  AT(clap_plugin_descriptor_t, manual_url, 48); AT(clap_plugin_descriptor_t, support_url, 56);
  AT(clap_plugin_descriptor_t, version, 64); AT(clap_plugin_descriptor_t, description, 72);
  AT(clap_plugin_descriptor_t, features, 80);

  CHECK(clap_plugin_t, 96); /* desc, plugin_data, 10 function pointers */
  AT(clap_plugin_t, plugin_data, 8); AT(clap_plugin_t, init, 16); AT(clap_plugin_t, destroy, 24);
  AT(clap_plugin_t, activate, 32); AT(clap_plugin_t, deactivate, 40); AT(clap_plugin_t, start_processing, 48);
  AT(clap_plugin_t, stop_processing, 56); AT(clap_plugin_t, reset, 64); AT(clap_plugin_t, process, 72);
  AT(clap_plugin_t, get_extension, 80); AT(clap_plugin_t, on_main_thread, 88);

  CHECK(clap_host_t, 88); /* version 12 → 16, host_data, 4 strings, 4 function pointers */
  AT(clap_host_t, host_data, 16); AT(clap_host_t, name, 24); AT(clap_host_t, vendor, 32);
  AT(clap_host_t, url, 40); AT(clap_host_t, version, 48); AT(clap_host_t, get_extension, 56);
  AT(clap_host_t, request_restart, 64); AT(clap_host_t, request_process, 72); AT(clap_host_t, request_callback, 80);

  CHECK(clap_process_t, 64);
  AT(clap_process_t, frames_count, 8); AT(clap_process_t, transport, 16); AT(clap_process_t, audio_inputs, 24);
  AT(clap_process_t, audio_outputs, 32); AT(clap_process_t, audio_inputs_count, 40);
  AT(clap_process_t, audio_outputs_count, 44); AT(clap_process_t, in_events, 48); AT(clap_process_t, out_events, 56);

  CHECK(clap_audio_buffer_t, 32);
  AT(clap_audio_buffer_t, data64, 8); AT(clap_audio_buffer_t, channel_count, 16);
  AT(clap_audio_buffer_t, latency, 20); AT(clap_audio_buffer_t, constant_mask, 24);

  CHECK(clap_event_header_t, 16);
  AT(clap_event_header_t, time, 4); AT(clap_event_header_t, space_id, 8); AT(clap_event_header_t, type, 10);
  AT(clap_event_header_t, flags, 12);

  CHECK(clap_event_param_value_t, 56); /* header 16, id 4 → cookie at 24, note_id 32, 3 × int16, value 48 */
  AT(clap_event_param_value_t, param_id, 16); AT(clap_event_param_value_t, cookie, 24);
  AT(clap_event_param_value_t, note_id, 32); AT(clap_event_param_value_t, port_index, 36);
  AT(clap_event_param_value_t, channel, 38); AT(clap_event_param_value_t, key, 40);
  AT(clap_event_param_value_t, value, 48);

  CHECK(clap_input_events_t, 24);
  AT(clap_input_events_t, size, 8); AT(clap_input_events_t, get, 16);
  CHECK(clap_output_events_t, 16);
  AT(clap_output_events_t, try_push, 8);

  CHECK(clap_istream_t, 16); AT(clap_istream_t, read, 8);
  CHECK(clap_ostream_t, 16); AT(clap_ostream_t, write, 8);

  CHECK(clap_audio_port_info_t, 288); /* id 4, name 256 → 260, flags, channel_count → 268, pointer at 272, pair 280 */
  AT(clap_audio_port_info_t, name, 4); AT(clap_audio_port_info_t, flags, 260);
  AT(clap_audio_port_info_t, channel_count, 264); AT(clap_audio_port_info_t, port_type, 272);
  AT(clap_audio_port_info_t, in_place_pair, 280);
  CHECK(clap_plugin_audio_ports_t, 16);

  CHECK(clap_param_info_t, 1320); /* id, flags, cookie 8, name 256 at 16, module 1024 at 272, 3 doubles at 1296 */
  AT(clap_param_info_t, flags, 4); AT(clap_param_info_t, cookie, 8); AT(clap_param_info_t, name, 16);
  AT(clap_param_info_t, module, 272); AT(clap_param_info_t, min_value, 1296);
  AT(clap_param_info_t, max_value, 1304); AT(clap_param_info_t, default_value, 1312);
  CHECK(clap_plugin_params_t, 48);
  AT(clap_plugin_params_t, get_info, 8); AT(clap_plugin_params_t, get_value, 16);
  AT(clap_plugin_params_t, value_to_text, 24); AT(clap_plugin_params_t, text_to_value, 32);
  AT(clap_plugin_params_t, flush, 40);

  CHECK(clap_plugin_state_t, 16); AT(clap_plugin_state_t, load, 8);
  CHECK(clap_plugin_latency_t, 8);

  /* Constants the specification fixes. */
  if (CLAP_EVENT_PARAM_VALUE != 5 || CLAP_PARAM_IS_STEPPED != 1 || CLAP_PARAM_IS_BYPASS != 16 ||
      CLAP_PARAM_IS_AUTOMATABLE != 32 || CLAP_PARAM_IS_ENUM != 65536 || CLAP_PROCESS_CONTINUE != 1 ||
      CLAP_AUDIO_PORT_IS_MAIN != 1 || CLAP_NAME_SIZE != 256 || CLAP_PATH_SIZE != 1024) {
    printf("a constant differs from the specification's\n");
    failures++;
  }
  if (failures == 0) printf("layout ok\n");
  return failures == 0 ? 0 : 1;
}
