/*
 * Prints the facts of VST 3's ABI (vst3-facts.h), measured on Steinberg's C API header, as
 * _Static_assert lines about Gainstage's own declarations: see tests/native/vst3-official.test.ts.
 */
#include <stddef.h>
#include <stdio.h>

#include "vst3_c_api.h"

#include "vst3-facts.h"

#define SIZE(official, ours)                                                                              \
  printf("_Static_assert(sizeof(" #ours ") == %zu, \"size of " #ours "\");\n", sizeof(official));        \
  printf("_Static_assert(_Alignof(" #ours ") == %zu, \"alignment of " #ours "\");\n", _Alignof(official));
#define FIELD(official, ours, official_field, our_field)                                                 \
  printf("_Static_assert(offsetof(" #ours ", " #our_field ") == %zu, \"offset of " #ours "." #our_field \
         "\");\n",                                                                                         \
         offsetof(official, official_field));                                                             \
  printf("_Static_assert(sizeof(((" #ours " *)0)->" #our_field ") == %zu, \"size of " #ours "." #our_field \
         "\");\n",                                                                                         \
         sizeof(((official *)0)->official_field));
#define NUMBER(official, ours) \
  printf("_Static_assert((long long)(" #ours ") == %lldLL, \"" #ours "\");\n", (long long)(official));
#define IID(official, ours)                                                                                 \
  for (int i = 0; i < 16; i++)                                                                              \
    printf("_Static_assert(VST3_UID_AT_WORDS(%d, " #ours ") == 0x%02X, \"" #ours " byte %d\");\n", i,       \
           (unsigned char)(official)[i], i);

int main(void) {
  VST3_STRUCTS(SIZE, FIELD)
  VST3_NUMBERS(NUMBER)
  VST3_IIDS(IID)
  return 0;
}
