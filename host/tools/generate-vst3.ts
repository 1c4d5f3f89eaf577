/**
 * The VST3 bundle's Contents/Resources/moduleinfo.json (Steinberg's module info, VST 3.7.5 on),
 * from the declaration: what a host may read to list the plugin without loading it. It says what
 * the factory says (host/formats/native/vst3/vst3-factory.c reads the same generated facts).
 */
import { descriptor } from "../declaration/descriptor.js";
import { VST3 } from "../declaration/native-facts.js";

/** VST3's PClassInfo cardinality for "as many instances as the host likes". */
const MANY_INSTANCES = 0x7fffffff;

export function vst3ModuleInfo(): string {
  const info = {
    Name: descriptor.name,
    Version: descriptor.version,
    "Factory Info": {
      Vendor: descriptor.vendor,
      URL: descriptor.url,
      "E-Mail": VST3.email,
      Flags: { Unicode: true, "Classes Discardable": false, "Component Non Discardable": false },
    },
    Compatibility: [],
    Classes: [
      {
        CID: VST3.classId,
        Category: VST3.category,
        Name: descriptor.name,
        Vendor: descriptor.vendor,
        Version: descriptor.version,
        SDKVersion: VST3.sdkVersion,
        "Sub Categories": [...VST3.subCategories],
        "Class Flags": 0,
        Cardinality: MANY_INSTANCES,
        Snapshots: [],
      },
    ],
  };
  return `${JSON.stringify(info, null, 2)}\n`;
}
