/** The tape saturator's WAM 2 descriptor (descriptor.json and the module's). Thread: any. */
import type { WamDescriptor } from "@webaudiomodules/api";
import { WAM_API_VERSION } from "../../host/formats/wam/wam-descriptor.js";

/** Its own identifier: the SDK's default would make a second plugin collide with the first. */
export const SATURATOR_DESCRIPTOR: WamDescriptor = {
  identifier: "audio.gainstage.tape-saturator",
  name: "Tape saturator",
  vendor: "Gainstage",
  version: "1.0.0",
  apiVersion: WAM_API_VERSION,
  description:
    "Analog-modeled tape saturation: clean at 0 VU (−18 dBFS), saturating near −6 dBFS peaks, distorting near 0 dBFS.",
  thumbnail: "",
  keywords: ["effect", "saturation", "tape", "analog"],
  isInstrument: false,
  website: "",
  hasAudioInput: true,
  hasAudioOutput: true,
  hasAutomationInput: true,
  hasAutomationOutput: false,
  hasMidiInput: false,
  hasMidiOutput: false,
  hasMpeInput: false,
  hasMpeOutput: false,
  hasOscInput: false,
  hasOscOutput: false,
  hasSysexInput: false,
  hasSysexOutput: false,
};
