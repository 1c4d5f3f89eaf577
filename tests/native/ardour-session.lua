-- Gainstage in Ardour 7, headless (ardour7-lua, Ardour's own "None (Dummy)" audio backend, whose
-- inputs play a steady sine): a new session, a stereo track, Gainstage as its first plug-in with
-- the input trim at -6 dB; Ardour's own meters read the track's input and its output; the session
-- is saved, closed and opened again. Driven by tests/native/ardour.test.ts through the environment:
--   GS_PLUGIN (VST3 class id or LV2 URI), GS_TYPE ("VST3" or "LV2"), GS_SESSION (a new folder).
-- Prints "gainstage <key> <value>" lines for the test to read.
local function say(key, value) print("gainstage " .. key .. " " .. tostring(value)) end

local backend = AudioEngine:set_backend("None (Dummy)", "", "")
backend:set_device_name("Sine Wave")
AudioEngine:start(false)
local folder = os.getenv("GS_SESSION")
create_session(folder, "gainstage", 48000)

local track = Session:new_audio_track(2, 2, nil, 1, "Vocal", ARDOUR.PresentationInfo.max_order,
  ARDOUR.TrackMode.Normal, true):front()
local kind = os.getenv("GS_TYPE") == "LV2" and ARDOUR.PluginType.LV2 or ARDOUR.PluginType.VST3
local plugin = ARDOUR.LuaAPI.new_plugin(Session, os.getenv("GS_PLUGIN"), kind, "")
if plugin:isnil() then say("found", false) quit() end
say("found", true)
say("added", track:add_processor_by_index(plugin, 0, nil, true) == 0)
say("name", plugin:display_name())
-- The input trim is the plug-in's first control input.
ARDOUR.LuaAPI.set_processor_param(plugin, 0, -6)
track:monitoring_control():set_value(ARDOUR.MonitorChoice.MonitorInput, PBD.GroupControlDisposition.NoGroup)

-- Ardour's meter before the plug-ins (input), then after the fader (0 dB): the plug-in's gain between.
local meter = track:peak_meter()
track:set_meter_point(ARDOUR.MeterPoint.MeterInput, false)
sleep(1)
say("inDb", meter:meter_level(0, ARDOUR.MeterType.MeterPeak))
track:set_meter_point(ARDOUR.MeterPoint.MeterPostFader, false)
sleep(1)
say("outDb", meter:meter_level(0, ARDOUR.MeterType.MeterPeak))

Session:save_state("", false, false, false, false, false)
close_session()
load_session(folder, "gainstage")
local reopened = Session:route_by_name("Vocal"):nth_plugin(0)
say("reopenedName", reopened:isnil() and "" or reopened:display_name())
say("reopenedTrimDb", (ARDOUR.LuaAPI.get_processor_param(reopened, 0, true)))
close_session()
quit()
