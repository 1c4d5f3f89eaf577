/* The declared parameters as VST 3 shows them, and the meters as read-only parameters; values and
   text by the shared rules (params.h), only the 0…1 scale and UTF-16 are VST 3's own. [any] */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gainstage-vst3.h"
#include "meters.h"

int32_t gs_vst3_param_count(void) { return GS_NATIVE_PARAM_COUNT + GS_METER_OUTPUT_COUNT; }

int gs_vst3_param_index(vst3_param_id id) {
  const int index = gs_param_index(id);
  return index >= 0 && (GS_PARAMS[index].flags & GS_PARAM_NATIVE) ? index : -1;
}

int gs_vst3_meter_index(vst3_param_id id) {
  return id >= GS_VST3_METER_PARAM_ID_BASE && id < GS_VST3_METER_PARAM_ID_BASE + GS_METER_OUTPUT_COUNT
           ? (int)(id - GS_VST3_METER_PARAM_ID_BASE)
           : -1;
}

/* A stepped parameter's steps (choices − 1, or 1 for a switch); 0 for a continuous one. */
static int32_t step_count(const gs_param_decl *p) {
  return (p->flags & GS_PARAM_STEPPED) ? (int32_t)lround(p->max - p->min) : 0;
}

static double clamp01(double x) { return x < 0 ? 0 : x > 1 ? 1 : x; }

double gs_vst3_to_plain(vst3_param_id id, double normalized) {
  const double n = isnan(normalized) ? 0 : clamp01(normalized);
  const int meter = gs_vst3_meter_index(id);
  if (meter >= 0) {
    const gs_meter_output *m = &GS_METER_OUTPUTS[meter];
    return m->span_min + n * (m->span_max - m->span_min);
  }
  const int index = gs_vst3_param_index(id);
  if (index < 0) return 0;
  const gs_param_decl *p = &GS_PARAMS[index];
  const int32_t steps = step_count(p);
  /* VST 3's discrete scale: stepCount + 1 equal slices of 0…1, the last including 1. */
  if (steps > 0) return p->min + fmin(steps, floor(n * (steps + 1)));
  return p->min + n * (p->max - p->min);
}

double gs_vst3_to_normalized(vst3_param_id id, double plain) {
  const int meter = gs_vst3_meter_index(id);
  if (meter >= 0) {
    const gs_meter_output *m = &GS_METER_OUTPUTS[meter];
    return isnan(plain) ? 0 : clamp01((plain - m->span_min) / (m->span_max - m->span_min));
  }
  const int index = gs_vst3_param_index(id);
  if (index < 0 || isnan(plain)) return 0;
  const gs_param_decl *p = &GS_PARAMS[index];
  return clamp01((gs_param_normalize(index, plain) - p->min) / (p->max - p->min));
}

void gs_vst3_utf16(vst3_char16 *out, size_t capacity, const char *text) {
  size_t at = 0;
  const unsigned char *s = (const unsigned char *)text;
  while (*s && at + 1 < capacity) {
    uint32_t code = *s++;
    int more = code >= 0xF0 ? 3 : code >= 0xE0 ? 2 : code >= 0xC0 ? 1 : 0;
    if (more) code &= 0x3F >> more;
    for (; more > 0 && (*s & 0xC0) == 0x80; more--) code = (code << 6) | (*s++ & 0x3F);
    if (code >= 0x10000) {
      if (at + 2 >= capacity) break;
      code -= 0x10000;
      out[at++] = (vst3_char16)(0xD800 | (code >> 10));
      out[at++] = (vst3_char16)(0xDC00 | (code & 0x3FF));
    } else {
      out[at++] = (vst3_char16)code;
    }
  }
  out[at] = 0;
}

/* UTF-16 (terminated, at most 128 units) into UTF-8. */
static void utf8(char *out, size_t capacity, const vst3_char16 *text) {
  size_t at = 0;
  for (int i = 0; i < 128 && text[i] && at + 4 < capacity; i++) {
    uint32_t code = text[i];
    if (code >= 0xD800 && code < 0xDC00 && i + 1 < 128 && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000)
      code = 0x10000 + ((code - 0xD800) << 10) + (text[++i] - 0xDC00);
    if (code < 0x80) {
      out[at++] = (char)code;
    } else if (code < 0x800) {
      out[at++] = (char)(0xC0 | (code >> 6));
      out[at++] = (char)(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out[at++] = (char)(0xE0 | (code >> 12));
      out[at++] = (char)(0x80 | ((code >> 6) & 0x3F));
      out[at++] = (char)(0x80 | (code & 0x3F));
    } else {
      out[at++] = (char)(0xF0 | (code >> 18));
      out[at++] = (char)(0x80 | ((code >> 12) & 0x3F));
      out[at++] = (char)(0x80 | ((code >> 6) & 0x3F));
      out[at++] = (char)(0x80 | (code & 0x3F));
    }
  }
  out[at] = 0;
}

bool gs_vst3_param_info(int32_t position, vst3_parameter_info *info) {
  if (position < 0 || position >= gs_vst3_param_count() || !info) return false;
  memset(info, 0, sizeof *info);
  if (position >= GS_NATIVE_PARAM_COUNT) { /* a meter: read-only, shown, never automated */
    const int meter = position - GS_NATIVE_PARAM_COUNT;
    const gs_meter_output *m = &GS_METER_OUTPUTS[meter];
    info->id = GS_VST3_METER_PARAM_ID_BASE + (uint32_t)meter;
    gs_vst3_utf16(info->title, 128, m->name);
    gs_vst3_utf16(info->shortTitle, 128, m->symbol);
    gs_vst3_utf16(info->units, 128, m->unit);
    info->defaultNormalizedValue = gs_vst3_to_normalized(info->id, gs_meter_none(meter));
    info->flags = VST3_PARAM_IS_READ_ONLY;
    return true;
  }
  const gs_param_decl *p = &GS_PARAMS[GS_NATIVE_PARAMS[position]];
  info->id = p->id;
  gs_vst3_utf16(info->title, 128, p->name);
  gs_vst3_utf16(info->shortTitle, 128, p->name);
  gs_vst3_utf16(info->units, 128, p->unit);
  info->stepCount = step_count(p);
  info->defaultNormalizedValue = gs_vst3_to_normalized(p->id, p->default_value);
  info->flags = VST3_PARAM_CAN_AUTOMATE;
  if ((p->flags & GS_PARAM_STEPPED) && !(p->flags & GS_PARAM_SWITCH)) info->flags |= VST3_PARAM_IS_LIST;
  if (p->flags & GS_PARAM_BYPASS) info->flags |= VST3_PARAM_IS_BYPASS;
  return true;
}

/* A meter's text: its value with its unit, the web's minus sign; "—" for no reading. */
static void meter_text(int meter, double plain, char *out, size_t size) {
  const gs_meter_output *m = &GS_METER_OUTPUTS[meter];
  if (m->count) {
    snprintf(out, size, "%.0f", plain);
    return;
  }
  if (plain <= m->span_min) {
    snprintf(out, size, "\u2014");
    return;
  }
  snprintf(out, size, "%s%.1f %s", plain < 0 ? "\u2212" : "", fabs(plain), m->unit);
}

bool gs_vst3_param_text(vst3_param_id id, double normalized, vst3_string128 text) {
  char utf8_text[128];
  const int meter = gs_vst3_meter_index(id);
  const int index = gs_vst3_param_index(id);
  if (meter >= 0) meter_text(meter, gs_vst3_to_plain(id, normalized), utf8_text, sizeof utf8_text);
  else if (index >= 0) gs_value_to_text(index, gs_vst3_to_plain(id, normalized), utf8_text, sizeof utf8_text);
  else return false;
  gs_vst3_utf16(text, 128, utf8_text);
  return true;
}

bool gs_vst3_param_parse(vst3_param_id id, const vst3_char16 *text, double *normalized) {
  const int index = gs_vst3_param_index(id);
  if (index < 0 || !text || !normalized) return false;
  char utf8_text[512];
  utf8(utf8_text, sizeof utf8_text, text);
  double plain;
  if (!gs_text_to_value(index, utf8_text, &plain)) return false;
  *normalized = gs_vst3_to_normalized(id, plain);
  return true;
}
