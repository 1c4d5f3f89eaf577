/**
 * The WAM 2 descriptor (descriptor.json and WebAudioModule.descriptor), derived from the
 * contract's descriptor. Gainstage takes audio and automation in, and gives audio and automation
 * (Learn and Ride moves) out; it has no MIDI, MPE, OSC or SysEx. Thread: any.
 */
import type { WamDescriptor } from "@webaudiomodules/api";
import { descriptor } from "../../declaration/descriptor.js";

/** The WAM API version this plugin is written against (pinned in package.json). */
export const WAM_API_VERSION = "2.0.0-alpha.6";

export const WAM_DESCRIPTOR: WamDescriptor = {
  identifier: descriptor.id,
  name: descriptor.name,
  vendor: descriptor.vendor,
  version: descriptor.version,
  apiVersion: WAM_API_VERSION,
  description: descriptor.description,
  thumbnail: "",
  keywords: [...descriptor.features, ...descriptor.keywords],
  isInstrument: false,
  website: descriptor.url,
  hasAudioInput: true,
  hasAudioOutput: true,
  hasAutomationInput: true,
  hasAutomationOutput: true,
  hasMidiInput: false,
  hasMidiOutput: false,
  hasMpeInput: false,
  hasMpeOutput: false,
  hasOscInput: false,
  hasOscOutput: false,
  hasSysexInput: false,
  hasSysexOutput: false,
};
