/* The editor's model from a point (editor-point.h). [main thread] */
#include "editor-point.h"

void gs_editor_model_from_point(gs_editor_model *model, gs_editor_source *source) {
  if (gs_point_read_meters(source->point, source->readout)) source->has_readout = true;
  gs_editor_model_fill(model, source->has_readout ? source->readout : NULL,
                       gs_point_get(source->point, gs_param_index(GS_ID_INPUT_TRIM_DB)),
                       gs_point_get(source->point, gs_param_index(GS_ID_OUTPUT_TRIM_DB)));
}
