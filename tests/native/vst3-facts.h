/*
 * The facts of VST 3's ABI that Gainstage relies on, as pairs (Steinberg's C API name, ours):
 * every struct's size and alignment, every field's offset and size, every method's slot in its
 * vtable, the constants and the interface ids. vst3-official.c prints them, measured on Steinberg's
 * header, as _Static_assert lines about our names; vst3-ours.c compiles them against
 * host/formats/native/vst3/vst3-abi.h. See tests/native/vst3-official.test.ts.
 */
#define VST3_FUNKNOWN_SLOTS(FIELD, official, ours) \
  FIELD(official, ours, queryInterface, queryInterface) \
  FIELD(official, ours, addRef, addRef)                 \
  FIELD(official, ours, release, release)
#define VST3_PLUGIN_BASE_SLOTS(FIELD, official, ours) \
  VST3_FUNKNOWN_SLOTS(FIELD, official, ours)          \
  FIELD(official, ours, initialize, initialize)       \
  FIELD(official, ours, terminate, terminate)
#define SAME(FIELD, official, ours, name) FIELD(official, ours, name, name)

#define VST3_STRUCTS(SIZE, FIELD)                                                                        \
  SIZE(struct Steinberg_PFactoryInfo, vst3_factory_info)                                                 \
  SAME(FIELD, struct Steinberg_PFactoryInfo, vst3_factory_info, vendor)                                  \
  SAME(FIELD, struct Steinberg_PFactoryInfo, vst3_factory_info, url)                                     \
  SAME(FIELD, struct Steinberg_PFactoryInfo, vst3_factory_info, email)                                   \
  SAME(FIELD, struct Steinberg_PFactoryInfo, vst3_factory_info, flags)                                   \
  SIZE(struct Steinberg_PClassInfo, vst3_class_info)                                                     \
  SAME(FIELD, struct Steinberg_PClassInfo, vst3_class_info, cid)                                         \
  SAME(FIELD, struct Steinberg_PClassInfo, vst3_class_info, cardinality)                                 \
  SAME(FIELD, struct Steinberg_PClassInfo, vst3_class_info, category)                                    \
  SAME(FIELD, struct Steinberg_PClassInfo, vst3_class_info, name)                                        \
  SIZE(struct Steinberg_PClassInfo2, vst3_class_info2)                                                   \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, cid)                                       \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, cardinality)                               \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, category)                                  \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, name)                                      \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, classFlags)                                \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, subCategories)                             \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, vendor)                                    \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, version)                                   \
  SAME(FIELD, struct Steinberg_PClassInfo2, vst3_class_info2, sdkVersion)                                \
  SIZE(struct Steinberg_PClassInfoW, vst3_class_info_w)                                                  \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, cid)                                      \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, cardinality)                              \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, category)                                 \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, name)                                     \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, classFlags)                               \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, subCategories)                            \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, vendor)                                   \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, version)                                  \
  SAME(FIELD, struct Steinberg_PClassInfoW, vst3_class_info_w, sdkVersion)                               \
  SIZE(struct Steinberg_Vst_BusInfo, vst3_bus_info)                                                      \
  SAME(FIELD, struct Steinberg_Vst_BusInfo, vst3_bus_info, mediaType)                                    \
  SAME(FIELD, struct Steinberg_Vst_BusInfo, vst3_bus_info, direction)                                    \
  SAME(FIELD, struct Steinberg_Vst_BusInfo, vst3_bus_info, channelCount)                                 \
  SAME(FIELD, struct Steinberg_Vst_BusInfo, vst3_bus_info, name)                                         \
  SAME(FIELD, struct Steinberg_Vst_BusInfo, vst3_bus_info, busType)                                      \
  SAME(FIELD, struct Steinberg_Vst_BusInfo, vst3_bus_info, flags)                                        \
  SIZE(struct Steinberg_Vst_RoutingInfo, vst3_routing_info)                                              \
  SAME(FIELD, struct Steinberg_Vst_RoutingInfo, vst3_routing_info, mediaType)                            \
  SAME(FIELD, struct Steinberg_Vst_RoutingInfo, vst3_routing_info, busIndex)                             \
  SAME(FIELD, struct Steinberg_Vst_RoutingInfo, vst3_routing_info, channel)                              \
  SIZE(struct Steinberg_Vst_ParameterInfo, vst3_parameter_info)                                          \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, id)                               \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, title)                            \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, shortTitle)                       \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, units)                            \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, stepCount)                        \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, defaultNormalizedValue)           \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, unitId)                           \
  SAME(FIELD, struct Steinberg_Vst_ParameterInfo, vst3_parameter_info, flags)                            \
  SIZE(struct Steinberg_Vst_ProcessSetup, vst3_process_setup)                                            \
  SAME(FIELD, struct Steinberg_Vst_ProcessSetup, vst3_process_setup, processMode)                        \
  SAME(FIELD, struct Steinberg_Vst_ProcessSetup, vst3_process_setup, symbolicSampleSize)                 \
  SAME(FIELD, struct Steinberg_Vst_ProcessSetup, vst3_process_setup, maxSamplesPerBlock)                 \
  SAME(FIELD, struct Steinberg_Vst_ProcessSetup, vst3_process_setup, sampleRate)                         \
  SIZE(struct Steinberg_Vst_AudioBusBuffers, vst3_audio_bus_buffers)                                     \
  SAME(FIELD, struct Steinberg_Vst_AudioBusBuffers, vst3_audio_bus_buffers, numChannels)                 \
  SAME(FIELD, struct Steinberg_Vst_AudioBusBuffers, vst3_audio_bus_buffers, silenceFlags)                \
  FIELD(struct Steinberg_Vst_AudioBusBuffers, vst3_audio_bus_buffers,                                    \
        Steinberg_Vst_AudioBusBuffers_channelBuffers32, channelBuffers32)                                \
  FIELD(struct Steinberg_Vst_AudioBusBuffers, vst3_audio_bus_buffers,                                    \
        Steinberg_Vst_AudioBusBuffers_channelBuffers64, channelBuffers64)                                \
  SIZE(struct Steinberg_Vst_ProcessData, vst3_process_data)                                              \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, processMode)                          \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, symbolicSampleSize)                   \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, numSamples)                           \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, numInputs)                            \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, numOutputs)                           \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, inputs)                               \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, outputs)                              \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, inputParameterChanges)                \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, outputParameterChanges)               \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, inputEvents)                          \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, outputEvents)                         \
  SAME(FIELD, struct Steinberg_Vst_ProcessData, vst3_process_data, processContext)                       \
  VST3_VTABLES(SIZE, FIELD)

/* The vtables: every method's slot (the interfaces' method order is the ABI). */
#define VST3_VTABLES(SIZE, FIELD)                                                                        \
  SIZE(Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl)                                         \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl)                   \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, getFactoryInfo)                  \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, countClasses)                    \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, getClassInfo)                    \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, createInstance)                  \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, getClassInfo2)                   \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, getClassInfoUnicode)             \
  SAME(FIELD, Steinberg_IPluginFactory3Vtbl, vst3_plugin_factory3_vtbl, setHostContext)                  \
  SIZE(Steinberg_Vst_IComponentVtbl, vst3_component_vtbl)                                                \
  VST3_PLUGIN_BASE_SLOTS(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl)                       \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, getControllerClassId)                   \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, setIoMode)                              \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, getBusCount)                            \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, getBusInfo)                             \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, getRoutingInfo)                         \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, activateBus)                            \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, setActive)                              \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, setState)                               \
  SAME(FIELD, Steinberg_Vst_IComponentVtbl, vst3_component_vtbl, getState)                               \
  SIZE(Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl)                                     \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl)               \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, setBusArrangements)          \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, getBusArrangement)           \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, canProcessSampleSize)        \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, getLatencySamples)           \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, setupProcessing)             \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, setProcessing)               \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, process)                     \
  SAME(FIELD, Steinberg_Vst_IAudioProcessorVtbl, vst3_audio_processor_vtbl, getTailSamples)              \
  SIZE(Steinberg_Vst_IProcessContextRequirementsVtbl, vst3_process_context_requirements_vtbl)            \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Vst_IProcessContextRequirementsVtbl,                              \
                      vst3_process_context_requirements_vtbl)                                            \
  SAME(FIELD, Steinberg_Vst_IProcessContextRequirementsVtbl, vst3_process_context_requirements_vtbl,     \
       getProcessContextRequirements)                                                                    \
  SIZE(Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl)                                     \
  VST3_PLUGIN_BASE_SLOTS(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl)           \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, setComponentState)           \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, setState)                    \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, getState)                    \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, getParameterCount)           \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, getParameterInfo)            \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, getParamStringByValue)       \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, getParamValueByString)       \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, normalizedParamToPlain)      \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, plainParamToNormalized)      \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, getParamNormalized)          \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, setParamNormalized)          \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, setComponentHandler)         \
  SAME(FIELD, Steinberg_Vst_IEditControllerVtbl, vst3_edit_controller_vtbl, createView)                  \
  SIZE(Steinberg_Vst_IComponentHandlerVtbl, vst3_component_handler_vtbl)                                 \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Vst_IComponentHandlerVtbl, vst3_component_handler_vtbl)           \
  SAME(FIELD, Steinberg_Vst_IComponentHandlerVtbl, vst3_component_handler_vtbl, beginEdit)               \
  SAME(FIELD, Steinberg_Vst_IComponentHandlerVtbl, vst3_component_handler_vtbl, performEdit)             \
  SAME(FIELD, Steinberg_Vst_IComponentHandlerVtbl, vst3_component_handler_vtbl, endEdit)                 \
  SAME(FIELD, Steinberg_Vst_IComponentHandlerVtbl, vst3_component_handler_vtbl, restartComponent)        \
  SIZE(Steinberg_Vst_IParamValueQueueVtbl, vst3_param_value_queue_vtbl)                                  \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Vst_IParamValueQueueVtbl, vst3_param_value_queue_vtbl)            \
  SAME(FIELD, Steinberg_Vst_IParamValueQueueVtbl, vst3_param_value_queue_vtbl, getParameterId)           \
  SAME(FIELD, Steinberg_Vst_IParamValueQueueVtbl, vst3_param_value_queue_vtbl, getPointCount)            \
  SAME(FIELD, Steinberg_Vst_IParamValueQueueVtbl, vst3_param_value_queue_vtbl, getPoint)                 \
  SAME(FIELD, Steinberg_Vst_IParamValueQueueVtbl, vst3_param_value_queue_vtbl, addPoint)                 \
  SIZE(Steinberg_Vst_IParameterChangesVtbl, vst3_parameter_changes_vtbl)                                 \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Vst_IParameterChangesVtbl, vst3_parameter_changes_vtbl)           \
  SAME(FIELD, Steinberg_Vst_IParameterChangesVtbl, vst3_parameter_changes_vtbl, getParameterCount)       \
  SAME(FIELD, Steinberg_Vst_IParameterChangesVtbl, vst3_parameter_changes_vtbl, getParameterData)        \
  SAME(FIELD, Steinberg_Vst_IParameterChangesVtbl, vst3_parameter_changes_vtbl, addParameterData)        \
  SIZE(Steinberg_IBStreamVtbl, vst3_bstream_vtbl)                                                        \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_IBStreamVtbl, vst3_bstream_vtbl)                                  \
  SAME(FIELD, Steinberg_IBStreamVtbl, vst3_bstream_vtbl, read)                                           \
  SAME(FIELD, Steinberg_IBStreamVtbl, vst3_bstream_vtbl, write)                                          \
  SAME(FIELD, Steinberg_IBStreamVtbl, vst3_bstream_vtbl, seek)                                           \
  SAME(FIELD, Steinberg_IBStreamVtbl, vst3_bstream_vtbl, tell)                                          \
  VST3_VIEW_FACTS(SIZE, FIELD)

#define VST3_VIEW_FACTS(SIZE, FIELD)                                                                     \
  SIZE(struct Steinberg_ViewRect, vst3_view_rect)                                                        \
  SAME(FIELD, struct Steinberg_ViewRect, vst3_view_rect, left)                                           \
  SAME(FIELD, struct Steinberg_ViewRect, vst3_view_rect, top)                                            \
  SAME(FIELD, struct Steinberg_ViewRect, vst3_view_rect, right)                                          \
  SAME(FIELD, struct Steinberg_ViewRect, vst3_view_rect, bottom)                                         \
  SIZE(Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl)                                                     \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl)                               \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, isPlatformTypeSupported)                     \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, attached)                                    \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, removed)                                     \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, onWheel)                                     \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, onKeyDown)                                   \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, onKeyUp)                                     \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, getSize)                                     \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, onSize)                                      \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, onFocus)                                     \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, setFrame)                                    \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, canResize)                                   \
  SAME(FIELD, Steinberg_IPlugViewVtbl, vst3_plug_view_vtbl, checkSizeConstraint)                         \
  SIZE(Steinberg_IPlugFrameVtbl, vst3_plug_frame_vtbl)                                                   \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_IPlugFrameVtbl, vst3_plug_frame_vtbl)                             \
  SAME(FIELD, Steinberg_IPlugFrameVtbl, vst3_plug_frame_vtbl, resizeView)                                \
  SIZE(Steinberg_Linux_IEventHandlerVtbl, vst3_event_handler_vtbl)                                       \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Linux_IEventHandlerVtbl, vst3_event_handler_vtbl)                 \
  SAME(FIELD, Steinberg_Linux_IEventHandlerVtbl, vst3_event_handler_vtbl, onFDIsSet)                     \
  SIZE(Steinberg_Linux_ITimerHandlerVtbl, vst3_timer_handler_vtbl)                                       \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Linux_ITimerHandlerVtbl, vst3_timer_handler_vtbl)                 \
  SAME(FIELD, Steinberg_Linux_ITimerHandlerVtbl, vst3_timer_handler_vtbl, onTimer)                       \
  SIZE(Steinberg_Linux_IRunLoopVtbl, vst3_run_loop_vtbl)                                                 \
  VST3_FUNKNOWN_SLOTS(FIELD, Steinberg_Linux_IRunLoopVtbl, vst3_run_loop_vtbl)                           \
  SAME(FIELD, Steinberg_Linux_IRunLoopVtbl, vst3_run_loop_vtbl, registerEventHandler)                    \
  SAME(FIELD, Steinberg_Linux_IRunLoopVtbl, vst3_run_loop_vtbl, unregisterEventHandler)                  \
  SAME(FIELD, Steinberg_Linux_IRunLoopVtbl, vst3_run_loop_vtbl, registerTimer)                           \
  SAME(FIELD, Steinberg_Linux_IRunLoopVtbl, vst3_run_loop_vtbl, unregisterTimer)

/* Constants: (official, ours). */
#define VST3_NUMBERS(NUMBER)                                                        \
  NUMBER(Steinberg_kResultOk, VST3_OK)                                              \
  NUMBER(Steinberg_kResultFalse, VST3_FALSE)                                        \
  NUMBER(Steinberg_kInvalidArgument, VST3_INVALID_ARGUMENT)                         \
  NUMBER(Steinberg_kNotImplemented, VST3_NOT_IMPLEMENTED)                           \
  NUMBER(Steinberg_kInternalError, VST3_INTERNAL_ERROR)                             \
  NUMBER(Steinberg_kNotInitialized, VST3_NOT_INITIALIZED)                           \
  NUMBER(Steinberg_kOutOfMemory, VST3_OUT_OF_MEMORY)                                \
  NUMBER(Steinberg_kNoInterface, VST3_NO_INTERFACE)                                 \
  NUMBER(Steinberg_PFactoryInfo_FactoryFlags_kUnicode, VST3_FACTORY_UNICODE)        \
  NUMBER(Steinberg_PClassInfo_ClassCardinality_kManyInstances, VST3_MANY_INSTANCES) \
  NUMBER(Steinberg_Vst_MediaTypes_kAudio, VST3_MEDIA_AUDIO)                         \
  NUMBER(Steinberg_Vst_MediaTypes_kEvent, VST3_MEDIA_EVENT)                         \
  NUMBER(Steinberg_Vst_BusDirections_kInput, VST3_BUS_INPUT)                        \
  NUMBER(Steinberg_Vst_BusDirections_kOutput, VST3_BUS_OUTPUT)                      \
  NUMBER(Steinberg_Vst_BusTypes_kMain, VST3_BUS_MAIN)                               \
  NUMBER(Steinberg_Vst_BusTypes_kAux, VST3_BUS_AUX)                                 \
  NUMBER(Steinberg_Vst_BusInfo_BusFlags_kDefaultActive, VST3_BUS_DEFAULT_ACTIVE)    \
  NUMBER(Steinberg_Vst_SymbolicSampleSizes_kSample32, VST3_SAMPLE_32)               \
  NUMBER(Steinberg_Vst_SymbolicSampleSizes_kSample64, VST3_SAMPLE_64)               \
  NUMBER(Steinberg_Vst_ParameterInfo_ParameterFlags_kCanAutomate, VST3_PARAM_CAN_AUTOMATE) \
  NUMBER(Steinberg_Vst_ParameterInfo_ParameterFlags_kIsReadOnly, VST3_PARAM_IS_READ_ONLY)  \
  NUMBER(Steinberg_Vst_ParameterInfo_ParameterFlags_kIsList, VST3_PARAM_IS_LIST)           \
  NUMBER(Steinberg_Vst_ParameterInfo_ParameterFlags_kIsBypass, VST3_PARAM_IS_BYPASS)       \
  NUMBER(Steinberg_Vst_RestartFlags_kParamValuesChanged, VST3_RESTART_PARAM_VALUES_CHANGED) \
  NUMBER(Steinberg_IBStream_IStreamSeekMode_kIBSeekSet, VST3_SEEK_SET)              \
  NUMBER(Steinberg_IBStream_IStreamSeekMode_kIBSeekCur, VST3_SEEK_CUR)              \
  NUMBER(Steinberg_IBStream_IStreamSeekMode_kIBSeekEnd, VST3_SEEK_END)              \
  NUMBER(Steinberg_Vst_kSpeakerL, VST3_SPEAKER_L)                                   \
  NUMBER(Steinberg_Vst_kSpeakerR, VST3_SPEAKER_R)                                   \
  NUMBER(Steinberg_Vst_kSpeakerC, VST3_SPEAKER_C)                                   \
  NUMBER(Steinberg_Vst_kSpeakerLfe, VST3_SPEAKER_LFE)                               \
  NUMBER(Steinberg_Vst_kSpeakerLs, VST3_SPEAKER_LS)                                 \
  NUMBER(Steinberg_Vst_kSpeakerRs, VST3_SPEAKER_RS)                                 \
  NUMBER(Steinberg_Vst_kSpeakerLc, VST3_SPEAKER_LC)                                 \
  NUMBER(Steinberg_Vst_kSpeakerRc, VST3_SPEAKER_RC)                                 \
  NUMBER(Steinberg_Vst_kSpeakerSl, VST3_SPEAKER_SL)                                 \
  NUMBER(Steinberg_Vst_kSpeakerSr, VST3_SPEAKER_SR)                                 \
  NUMBER(Steinberg_Vst_kSpeakerM, VST3_SPEAKER_M)                                   \
  NUMBER(Steinberg_Vst_SpeakerArr_kMono, VST3_ARR_MONO)                             \
  NUMBER(Steinberg_Vst_SpeakerArr_kStereo, VST3_ARR_STEREO)                         \
  NUMBER(Steinberg_Vst_SpeakerArr_k50, VST3_ARR_50)                                 \
  NUMBER(Steinberg_Vst_SpeakerArr_k51, VST3_ARR_51)                                 \
  NUMBER(Steinberg_Vst_SpeakerArr_k71Cine, VST3_ARR_71_CINE)                        \
  NUMBER(Steinberg_Vst_SpeakerArr_k71Music, VST3_ARR_71_MUSIC)

/* Interface ids: (official TUID, our four-word macro's name). */
#define VST3_IIDS(IID)                                                              \
  IID(Steinberg_FUnknown_iid, VST3_IID_FUNKNOWN)                                    \
  IID(Steinberg_IPluginBase_iid, VST3_IID_IPLUGINBASE)                              \
  IID(Steinberg_IPluginFactory_iid, VST3_IID_IPLUGINFACTORY)                        \
  IID(Steinberg_IPluginFactory2_iid, VST3_IID_IPLUGINFACTORY2)                      \
  IID(Steinberg_IPluginFactory3_iid, VST3_IID_IPLUGINFACTORY3)                      \
  IID(Steinberg_Vst_IComponent_iid, VST3_IID_ICOMPONENT)                            \
  IID(Steinberg_Vst_IAudioProcessor_iid, VST3_IID_IAUDIOPROCESSOR)                  \
  IID(Steinberg_Vst_IEditController_iid, VST3_IID_IEDITCONTROLLER)                  \
  IID(Steinberg_Vst_IProcessContextRequirements_iid, VST3_IID_IPROCESSCONTEXTREQUIREMENTS) \
  IID(Steinberg_Vst_IComponentHandler_iid, VST3_IID_ICOMPONENTHANDLER)              \
  IID(Steinberg_IBStream_iid, VST3_IID_IBSTREAM)                                    \
  IID(Steinberg_Vst_IParameterChanges_iid, VST3_IID_IPARAMETERCHANGES)              \
  IID(Steinberg_Vst_IParamValueQueue_iid, VST3_IID_IPARAMVALUEQUEUE)                \
  IID(Steinberg_IPlugView_iid, VST3_IID_IPLUGVIEW)                                  \
  IID(Steinberg_IPlugFrame_iid, VST3_IID_IPLUGFRAME)                                \
  IID(Steinberg_Linux_IRunLoop_iid, VST3_IID_IRUNLOOP)                              \
  IID(Steinberg_Linux_IEventHandler_iid, VST3_IID_IEVENTHANDLER)                    \
  IID(Steinberg_Linux_ITimerHandler_iid, VST3_IID_ITIMERHANDLER)
