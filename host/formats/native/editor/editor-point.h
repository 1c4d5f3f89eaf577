/*
 * The editor's model read from a point (CLAP and VST3, whose editor lives beside the plugin): the
 * trims from the model, the meters from the point's lock-free snapshot (the editor is its reader;
 * the last copy is kept between display frames when nothing new was published). [main thread]
 */
#ifndef GAINSTAGE_EDITOR_POINT_H
#define GAINSTAGE_EDITOR_POINT_H

#include "editor.h"
#include "../core/point.h"

typedef struct gs_editor_source {
  gs_point *point;
  double readout[GS_READOUT_SLOTS];
  bool has_readout;
} gs_editor_source;

void gs_editor_model_from_point(gs_editor_model *model, gs_editor_source *source);

#endif
