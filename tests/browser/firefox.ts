/**
 * Drives Debian's Firefox ESR over WebDriver BiDi with puppeteer-core (no browser download), on
 * pages served by servers.ts, so the worklet and the app are checked in both browsers the app
 * supports. Headless Firefox here has no audio output device, so its realtime AudioContext stays
 * suspended: OfflineAudioContext renders (the worklet harness) run, live playback is Chromium's.
 */
import puppeteer, { type Page } from "puppeteer-core";
import { startBuiltApp, startDevServer, startStaticApp, type Served, type Serving } from "./servers.js";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

export interface FirefoxSession {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

async function open(served: Served, path: string, ready: string): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String((error as Error).message ?? error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(new URL(path, served.url).href);
  await page.waitForFunction(ready, { timeout: 60_000 });
  return {
    page,
    errors,
    async close() {
      await browser.close();
      await served.close();
    },
  };
}

export async function openDevPageInFirefox(path: string, serving?: Serving): Promise<FirefoxSession> {
  return open(await startDevServer(serving), path, "globalThis.harnessReady === true");
}

/** The production build from a plain static server under `subPath`, with no COOP/COEP headers. */
export async function openStaticAppInFirefox(subPath: string): Promise<FirefoxSession> {
  return open(await startStaticApp(subPath), "./", "globalThis.gainstage !== undefined");
}

export async function openBuiltAppInFirefox(): Promise<FirefoxSession> {
  return open(await startBuiltApp(), "/", "globalThis.gainstage !== undefined");
}
