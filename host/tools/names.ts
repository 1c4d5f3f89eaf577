/** Names the generators give the declared keys in other languages (AssemblyScript, C). Thread: build time. */

/** camelCase, kebab-case and words → SCREAMING_SNAKE_CASE ("rmsAes17Db" → "RMS_AES17_DB", "true-peak" → "TRUE_PEAK"). */
export function screaming(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toUpperCase();
}
