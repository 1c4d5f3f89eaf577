/** What the WAM 2 node and its processor agree on, beyond the web host's protocol (../web/protocol.ts). */

/** The processor's registered name: not the web host's, so the app and a WAM Gainstage can share a worklet scope. */
export const WAM_PROCESSOR_NAME = "gainstage-wam-point";

/** Who a WAM instance is, in processorOptions (the WAM API's WamNodeOptions). */
export interface WamIdentity {
  groupId: string;
  moduleId: string;
  instanceId: string;
}

/** Control calls of the WAM processor over comlink, added to the web host's. */
export interface WamProcessorApi {
  connectEvents(toId: string, output?: number): void;
  disconnectEvents(toId?: string, output?: number): void;
  clearEvents(): void;
}
