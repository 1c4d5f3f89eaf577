/*
 * The part of VST 3's ABI Gainstage implements or calls, declared by us from Steinberg's interface
 * documentation (pluginterfaces, VST 3.8): COM-style interfaces as structs of function pointers,
 * the data they pass, and the interface ids. A fresh clone builds with this alone; where
 * ../shared/vendor/vst3_c_api is present, tests/native/vst3-official.test.ts checks every size,
 * offset, method slot, constant and id here against Steinberg's own C API header.
 *
 * Linux, x86-64: the calling convention is the platform's (no __stdcall), ids are in the non-COM
 * byte order (each 32-bit word most significant byte first), strings are UTF-16 (char16 arrays).
 * Threads are the interfaces' own: IComponent, IEditController and IPluginFactory on the host's
 * UI (main) thread; IAudioProcessor::process on the audio thread (vst3-plugin.h names each).
 */
#ifndef GAINSTAGE_VST3_ABI_H
#define GAINSTAGE_VST3_ABI_H

#include <stdint.h>

typedef int32_t vst3_result;
typedef char vst3_uid[16];
typedef uint16_t vst3_char16;
typedef vst3_char16 vst3_string128[128];
typedef uint32_t vst3_param_id;
typedef double vst3_param_value;
typedef uint64_t vst3_speaker_arrangement;

/* Results (funknown.h, non-COM values). */
enum {
  VST3_OK = 0, /* also kResultTrue */
  VST3_FALSE = 1,
  VST3_INVALID_ARGUMENT = 2,
  VST3_NOT_IMPLEMENTED = 3,
  VST3_INTERNAL_ERROR = 4,
  VST3_NOT_INITIALIZED = 5,
  VST3_OUT_OF_MEMORY = 6,
  VST3_NO_INTERFACE = -1,
};

/* An interface id from its four 32-bit words, in the non-COM order (each word big-endian). */
#define VST3_UID_BYTE(w, shift) ((char)(((uint32_t)(w) >> (shift)) & 0xFF))
#define VST3_UID_WORD(w) VST3_UID_BYTE(w, 24), VST3_UID_BYTE(w, 16), VST3_UID_BYTE(w, 8), VST3_UID_BYTE(w, 0)
#define VST3_UID(l1, l2, l3, l4) {VST3_UID_WORD(l1), VST3_UID_WORD(l2), VST3_UID_WORD(l3), VST3_UID_WORD(l4)}
/* The same from one of the four-word macros below: VST3_UID_OF(VST3_IID_ICOMPONENT). */
#define VST3_UID_OF(words) VST3_UID_EXPANDED(words)
#define VST3_UID_EXPANDED(...) VST3_UID(__VA_ARGS__)
/* Byte i (0…15) of an id given as four words, as a constant (for the tests' _Static_assert). */
#define VST3_UID_AT(i, l1, l2, l3, l4) \
  ((unsigned char)((((i) < 4 ? (l1) : (i) < 8 ? (l2) : (i) < 12 ? (l3) : (l4)) >> (8 * (3 - ((i) & 3)))) & 0xFF))

/* The same, with the id given as one macro of four words (the macros below). */
#define VST3_UID_AT_WORDS(i, words) VST3_UID_AT_EXPANDED(i, words)
#define VST3_UID_AT_EXPANDED(...) VST3_UID_AT(__VA_ARGS__)

/* The interfaces' ids (the documentation's DECLARE_CLASS_IID words). */
#define VST3_IID_FUNKNOWN 0x00000000, 0x00000000, 0xC0000000, 0x00000046
#define VST3_IID_IPLUGINBASE 0x22888DDB, 0x156E45AE, 0x8358B348, 0x08190625
#define VST3_IID_IPLUGINFACTORY 0x7A4D811C, 0x52114A1F, 0xAED9D2EE, 0x0B43BF9F
#define VST3_IID_IPLUGINFACTORY2 0x0007B650, 0xF24B4C0B, 0xA464EDB9, 0xF00B2ABB
#define VST3_IID_IPLUGINFACTORY3 0x4555A2AB, 0xC1234E57, 0x9B122910, 0x36878931
#define VST3_IID_ICOMPONENT 0xE831FF31, 0xF2D54301, 0x928EBBEE, 0x25697802
#define VST3_IID_IAUDIOPROCESSOR 0x42043F99, 0xB7DA453C, 0xA569E79D, 0x9AAEC33D
#define VST3_IID_IEDITCONTROLLER 0xDCD7BBE3, 0x7742448D, 0xA874AACC, 0x979C759E
#define VST3_IID_IPROCESSCONTEXTREQUIREMENTS 0x2A654303, 0xEF764E3D, 0x95B5FE83, 0x730EF6D0
#define VST3_IID_ICOMPONENTHANDLER 0x93A0BEA3, 0x0BD045DB, 0x8E890B0C, 0xC1E46AC6
#define VST3_IID_IBSTREAM 0xC3BF6EA2, 0x30994752, 0x9B6BF990, 0x1EE33E9B
#define VST3_IID_IPARAMETERCHANGES 0xA4779663, 0x0BB64A56, 0xB44384A8, 0x466FEB9D
#define VST3_IID_IPARAMVALUEQUEUE 0x01263A18, 0xED074F6F, 0x98C9D356, 0x4686F9BA

/* The three methods every interface starts with (FUnknown). */
#define VST3_FUNKNOWN_METHODS                                                    \
  vst3_result (*queryInterface)(void *self, const vst3_uid iid, void **object); \
  uint32_t (*addRef)(void *self);                                                \
  uint32_t (*release)(void *self)
#define VST3_PLUGIN_BASE_METHODS                   \
  vst3_result (*initialize)(void *self, void *context); \
  vst3_result (*terminate)(void *self)

/* ---- the factory (ipluginbase.h) ---- */

enum { VST3_FACTORY_UNICODE = 1 << 4 };
enum { VST3_MANY_INSTANCES = 0x7FFFFFFF };

typedef struct vst3_factory_info {
  char vendor[64];
  char url[256];
  char email[128];
  int32_t flags;
} vst3_factory_info;

typedef struct vst3_class_info {
  vst3_uid cid;
  int32_t cardinality;
  char category[32];
  char name[64];
} vst3_class_info;

typedef struct vst3_class_info2 {
  vst3_uid cid;
  int32_t cardinality;
  char category[32];
  char name[64];
  uint32_t classFlags;
  char subCategories[128];
  char vendor[64];
  char version[64];
  char sdkVersion[64];
} vst3_class_info2;

typedef struct vst3_class_info_w {
  vst3_uid cid;
  int32_t cardinality;
  char category[32];
  vst3_char16 name[64];
  uint32_t classFlags;
  char subCategories[128];
  vst3_char16 vendor[64];
  vst3_char16 version[64];
  vst3_char16 sdkVersion[64];
} vst3_class_info_w;

typedef struct vst3_plugin_factory3_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*getFactoryInfo)(void *self, vst3_factory_info *info);
  int32_t (*countClasses)(void *self);
  vst3_result (*getClassInfo)(void *self, int32_t index, vst3_class_info *info);
  vst3_result (*createInstance)(void *self, const char *cid, const char *iid, void **object);
  vst3_result (*getClassInfo2)(void *self, int32_t index, vst3_class_info2 *info);
  vst3_result (*getClassInfoUnicode)(void *self, int32_t index, vst3_class_info_w *info);
  vst3_result (*setHostContext)(void *self, void *context);
} vst3_plugin_factory3_vtbl;

/* ---- the component (ivstcomponent.h) ---- */

enum { VST3_MEDIA_AUDIO = 0, VST3_MEDIA_EVENT = 1 };
enum { VST3_BUS_INPUT = 0, VST3_BUS_OUTPUT = 1 };
enum { VST3_BUS_MAIN = 0, VST3_BUS_AUX = 1 };
enum { VST3_BUS_DEFAULT_ACTIVE = 1 << 0 };

typedef struct vst3_bus_info {
  int32_t mediaType;
  int32_t direction;
  int32_t channelCount;
  vst3_string128 name;
  int32_t busType;
  uint32_t flags;
} vst3_bus_info;

typedef struct vst3_routing_info {
  int32_t mediaType;
  int32_t busIndex;
  int32_t channel;
} vst3_routing_info;

typedef struct vst3_component_vtbl {
  VST3_FUNKNOWN_METHODS;
  VST3_PLUGIN_BASE_METHODS;
  vst3_result (*getControllerClassId)(void *self, vst3_uid class_id);
  vst3_result (*setIoMode)(void *self, int32_t mode);
  int32_t (*getBusCount)(void *self, int32_t type, int32_t direction);
  vst3_result (*getBusInfo)(void *self, int32_t type, int32_t direction, int32_t index, vst3_bus_info *bus);
  vst3_result (*getRoutingInfo)(void *self, vst3_routing_info *in, vst3_routing_info *out);
  vst3_result (*activateBus)(void *self, int32_t type, int32_t direction, int32_t index, uint8_t state);
  vst3_result (*setActive)(void *self, uint8_t state);
  vst3_result (*setState)(void *self, void *stream);
  vst3_result (*getState)(void *self, void *stream);
} vst3_component_vtbl;

/* ---- the audio processor (ivstaudioprocessor.h, ivstparameterchanges.h) ---- */

enum { VST3_SAMPLE_32 = 0, VST3_SAMPLE_64 = 1 };

/* Speakers (bits) and the arrangements Gainstage accepts (vstspeaker.h); channel order is bit order. */
#define VST3_SPEAKER_L (1ull << 0)
#define VST3_SPEAKER_R (1ull << 1)
#define VST3_SPEAKER_C (1ull << 2)
#define VST3_SPEAKER_LFE (1ull << 3)
#define VST3_SPEAKER_LS (1ull << 4)
#define VST3_SPEAKER_RS (1ull << 5)
#define VST3_SPEAKER_LC (1ull << 6)
#define VST3_SPEAKER_RC (1ull << 7)
#define VST3_SPEAKER_SL (1ull << 9)
#define VST3_SPEAKER_SR (1ull << 10)
#define VST3_SPEAKER_M (1ull << 19)
#define VST3_ARR_MONO VST3_SPEAKER_M
#define VST3_ARR_STEREO (VST3_SPEAKER_L | VST3_SPEAKER_R)
#define VST3_ARR_50 (VST3_SPEAKER_L | VST3_SPEAKER_R | VST3_SPEAKER_C | VST3_SPEAKER_LS | VST3_SPEAKER_RS)
#define VST3_ARR_51 (VST3_ARR_50 | VST3_SPEAKER_LFE)
#define VST3_ARR_71_CINE (VST3_ARR_51 | VST3_SPEAKER_LC | VST3_SPEAKER_RC)
#define VST3_ARR_71_MUSIC (VST3_ARR_51 | VST3_SPEAKER_SL | VST3_SPEAKER_SR)

typedef struct vst3_process_setup {
  int32_t processMode;
  int32_t symbolicSampleSize;
  int32_t maxSamplesPerBlock;
  double sampleRate;
} vst3_process_setup;

typedef struct vst3_audio_bus_buffers {
  int32_t numChannels;
  uint64_t silenceFlags;
  union {
    float **channelBuffers32;
    double **channelBuffers64;
  };
} vst3_audio_bus_buffers;

typedef struct vst3_param_value_queue_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_param_id (*getParameterId)(void *self);
  int32_t (*getPointCount)(void *self);
  vst3_result (*getPoint)(void *self, int32_t index, int32_t *sample_offset, vst3_param_value *value);
  vst3_result (*addPoint)(void *self, int32_t sample_offset, vst3_param_value value, int32_t *index);
} vst3_param_value_queue_vtbl;
typedef struct vst3_param_value_queue {
  const vst3_param_value_queue_vtbl *lpVtbl;
} vst3_param_value_queue;

typedef struct vst3_parameter_changes_vtbl {
  VST3_FUNKNOWN_METHODS;
  int32_t (*getParameterCount)(void *self);
  vst3_param_value_queue *(*getParameterData)(void *self, int32_t index);
  vst3_param_value_queue *(*addParameterData)(void *self, const vst3_param_id *id, int32_t *index);
} vst3_parameter_changes_vtbl;
typedef struct vst3_parameter_changes {
  const vst3_parameter_changes_vtbl *lpVtbl;
} vst3_parameter_changes;

typedef struct vst3_process_data {
  int32_t processMode;
  int32_t symbolicSampleSize;
  int32_t numSamples;
  int32_t numInputs;
  int32_t numOutputs;
  vst3_audio_bus_buffers *inputs;
  vst3_audio_bus_buffers *outputs;
  vst3_parameter_changes *inputParameterChanges;
  vst3_parameter_changes *outputParameterChanges;
  void *inputEvents;
  void *outputEvents;
  void *processContext;
} vst3_process_data;

typedef struct vst3_audio_processor_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*setBusArrangements)(void *self, vst3_speaker_arrangement *inputs, int32_t input_count,
                                    vst3_speaker_arrangement *outputs, int32_t output_count);
  vst3_result (*getBusArrangement)(void *self, int32_t direction, int32_t index, vst3_speaker_arrangement *arrangement);
  vst3_result (*canProcessSampleSize)(void *self, int32_t symbolic_sample_size);
  uint32_t (*getLatencySamples)(void *self);
  vst3_result (*setupProcessing)(void *self, vst3_process_setup *setup);
  vst3_result (*setProcessing)(void *self, uint8_t state);
  vst3_result (*process)(void *self, vst3_process_data *data);
  uint32_t (*getTailSamples)(void *self);
} vst3_audio_processor_vtbl;

typedef struct vst3_process_context_requirements_vtbl {
  VST3_FUNKNOWN_METHODS;
  uint32_t (*getProcessContextRequirements)(void *self);
} vst3_process_context_requirements_vtbl;

#include "vst3-controller-abi.h"

/* ---- the stream a host hands for state (ibstream.h) ---- */

enum { VST3_SEEK_SET = 0, VST3_SEEK_CUR = 1, VST3_SEEK_END = 2 };

typedef struct vst3_bstream_vtbl {
  VST3_FUNKNOWN_METHODS;
  vst3_result (*read)(void *self, void *buffer, int32_t bytes, int32_t *bytes_read);
  vst3_result (*write)(void *self, void *buffer, int32_t bytes, int32_t *bytes_written);
  vst3_result (*seek)(void *self, int64_t position, int32_t mode, int64_t *result);
  vst3_result (*tell)(void *self, int64_t *position);
} vst3_bstream_vtbl;
typedef struct vst3_bstream {
  const vst3_bstream_vtbl *lpVtbl;
} vst3_bstream;

#include "vst3-view-abi.h"

#endif
