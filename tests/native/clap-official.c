/*
 * Prints the facts of CLAP's ABI (clap-facts.h) as _Static_assert lines, compiled against the
 * official headers: see tests/native/clap-official.test.ts.
 */
#include <clap/clap.h>
#include <stddef.h>
#include <stdio.h>

#include "clap-facts.h"

#define SIZE(type)                                                                                        \
  printf("_Static_assert(sizeof(" #type ") == %zu, \"size of " #type "\");\n", sizeof(type));            \
  printf("_Static_assert(_Alignof(" #type ") == %zu, \"alignment of " #type "\");\n", _Alignof(type));
#define FIELD(type, field)                                                                                \
  printf("_Static_assert(offsetof(" #type ", " #field ") == %zu, \"offset of " #type "." #field "\");\n", \
         offsetof(type, field));                                                                          \
  printf("_Static_assert(sizeof(((" #type " *)0)->" #field ") == %zu, \"size of " #type "." #field "\");\n", \
         sizeof(((type *)0)->field));
#define NUMBER(name) printf("_Static_assert((long long)(" #name ") == %lldLL, \"" #name "\");\n", (long long)(name));
#define STRING(name) printf("CHECK_STRING(" #name ", \"%s\")\n", name);

/* `clap-official asserts`: the layouts and numbers; `clap-official strings`: the ids. */
int main(int argc, char **argv) {
  if (argc > 1 && argv[1][0] == 's') {
    CLAP_STRINGS(STRING)
  } else {
    CLAP_STRUCTS(SIZE, FIELD)
    CLAP_NUMBERS(NUMBER)
  }
  return 0;
}
