/*
 * A number as JavaScript's String(number) writes it ("0.5", "1e-7", "1e+21", "-48", "NaN"): the
 * shortest digits that read back as the value, placed as ECMA-262's Number::toString places them,
 * so native messages and states quote numbers exactly as the web plugin does. Thread: any;
 * allocates nothing.
 */
#ifndef GAINSTAGE_JS_NUMBER_H
#define GAINSTAGE_JS_NUMBER_H

#include <stddef.h>

void gs_js_number_text(double value, char *out, size_t size);

#endif
