/*
 * The official header's facts (printed by vst3-official.c) held against Gainstage's own VST 3
 * declarations: compiling this is the check (_Static_assert). Built by
 * tests/native/vst3-official.test.ts.
 */
#include <stddef.h>
#include <stdio.h>

#include "vst3/vst3-abi.h"

#include "vst3-official-asserts.inc"

int main(void) {
  puts("layouts, slots, constants and ids ok");
  return 0;
}
