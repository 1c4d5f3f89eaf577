/**
 * The reading worker's entry (bundled to build/cli/read-ahead.mjs): kept apart from the CLI so the
 * thread starts without loading the command line's modules. Thread: a worker (read-ahead.ts).
 */
import { serveReadAhead } from "./read-ahead.js";

serveReadAhead();
