/*
 * The official headers' facts (printed by clap-official.c) held against Gainstage's own CLAP
 * declarations: compiling this is the check of every layout and number (_Static_assert), and
 * running it compares the string ids. Built by tests/native/clap-official.test.ts.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "clap/clap-abi.h"

#include "clap-official-asserts.inc"

int main(void) {
  int failures = 0;
#define CHECK_STRING(name, official) \
  if (strcmp(name, official) != 0) printf(#name ": ours \"%s\", official \"%s\"\n", name, official), failures++;
#include "clap-official-strings.inc"
  printf(failures ? "ids differ\n" : "ids ok\n");
  return failures != 0;
}
