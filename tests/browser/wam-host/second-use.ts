/**
 * What a second real use found of the WAM in a host (wam.test.ts asserts): ids as one array,
 * automation another WAM sends on the audio thread reaching this instance's main-thread state, a
 * preset naming none of its parameters refused.
 */
import { initializeWamHost } from "@webaudiomodules/sdk";
import { rate } from "../harness/signals.js";
import { GAINSTAGE_URL, gainstage, load, noiseBuffer } from "./host-helpers.js";

export const secondUseScenarios = {
  /**
   * What a second real use found: ids as one array; automation another WAM sends on the audio
   * thread reaches this instance's main-thread state; a preset naming none of its parameters is
   * refused. The sender is a Gainstage riding its trim (its moves go out as wam-automation) to a
   * third instance, alone, whose state must then say what its audio hears.
   */
  async secondUse() {
    const context = new OfflineAudioContext(2, 3 * rate, rate);
    const [groupId] = await initializeWamHost(context);
    const sender = gainstage(await load(GAINSTAGE_URL, groupId, context));
    await load(GAINSTAGE_URL, groupId, context); // pairs with the sender (PRE/POST); the receiver stays alone
    const receiver = gainstage(await load(GAINSTAGE_URL, groupId, context));
    const asArray = await receiver.getParameterValues(false, ["inputTrimDb"]);
    sender.setParam("autoRide", 1);
    sender.setParam("autoRide", 0, 1.5); // then it holds: every reading after it is settled
    sender.connectEvents(receiver.instanceId);
    const source = new AudioBufferSourceNode(context, { buffer: noiseBuffer(3, 0.9) });
    source.connect(sender).connect(context.destination);
    const tone = new ConstantSourceNode(context, { offset: 0.1 });
    tone.connect(receiver).connect(context.destination);
    source.start();
    tone.start();
    await context.startRendering();
    const senderTrim = sender.meters()!.autoTrim.inputTrimDb;
    if (sender.getParam("inputTrimDb") !== senderTrim) throw new Error("the sender's own state and kernel disagree");
    const receiverKernelTrim = receiver.meters()!.autoTrim.inputTrimDb; // meters() also takes what the processor reported
    const state = (await receiver.getState()) as { params: Record<string, number> };
    const before = JSON.stringify(state);
    const foreign = await receiver
      .setState({ format: "gainstage-state", version: 1, params: { gain: 3, drive: 0.5 } })
      .then(() => "loaded")
      .catch((error: Error) => error.message);
    return {
      arrayKeys: Object.keys(asArray),
      senderTrim,
      receiverKernelTrim,
      receiverStateTrim: state.params.inputTrimDb,
      receiverPanelTrim: receiver.getParam("inputTrimDb"),
      foreign,
      unchanged: JSON.stringify(await receiver.getState()) === before,
    };
  },
};
