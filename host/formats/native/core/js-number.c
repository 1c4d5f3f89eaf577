/* Numbers written as JavaScript writes them (js-number.h). */
#define _GNU_SOURCE /* strtod_l */
#include "js-number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state-json.h"

void gs_js_number_text(double value, char *out, size_t size) {
  if (value == 0 || !isfinite(value)) {
    snprintf(out, size, "%s", value == 0 ? "0" : isnan(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    return;
  }
  /* The shortest digits that read back as the value, and where the point goes (ECMA-262 Number::toString). */
  char scientific[40];
  for (int precision = 1; precision <= 17; precision++) {
    snprintf(scientific, sizeof scientific, "%.*e", precision - 1, fabs(value));
    if (strtod_l(scientific, NULL, gs_c_locale()) == fabs(value)) break;
  }
  char digits[20];
  size_t k = 0;
  const char *p = scientific;
  for (; *p && *p != 'e'; p++)
    if (*p >= '0' && *p <= '9') digits[k++] = *p; /* the point may be any locale's */
  digits[k] = '\0';
  const int n = atoi(p + 1) + 1; /* value = 0.digits × 10^n */
  char zeros[24] = "";
  const int wanted = (int)k <= n && n <= 21 ? n - (int)k : -6 < n && n <= 0 ? -n : 0;
  memset(zeros, '0', (size_t)wanted);
  zeros[wanted] = '\0';
  const char *sign = value < 0 ? "-" : "";
  if ((int)k <= n && n <= 21) snprintf(out, size, "%s%s%s", sign, digits, zeros);
  else if (0 < n && n <= 21) snprintf(out, size, "%s%.*s.%s", sign, n, digits, digits + n);
  else if (-6 < n && n <= 0) snprintf(out, size, "%s0.%s%s", sign, zeros, digits);
  else snprintf(out, size, "%s%c%s%se%c%d", sign, digits[0], k > 1 ? "." : "", digits + 1, n - 1 < 0 ? '-' : '+', abs(n - 1));
}
