/* The editor's model from a published readout (gainstage-contract.h's layout) and the trims. [main] */
#include <math.h>

#include "editor.h"

static void fill_tap(gs_editor_tap *tap, const double *block) {
  const double *overall = block + GS_CHANNEL_FIELDS_AT(-1);
  for (int c = 0; c < 2; c++) tap->channel_peak_dbfs[c] = block[GS_CHANNEL_FIELDS_AT(c) + GS_C_SAMPLE_PEAK_DBFS];
  tap->sample_peak_dbfs = overall[GS_C_SAMPLE_PEAK_MAX_DBFS];
  tap->true_peak_dbtp = overall[GS_C_TRUE_PEAK_MAX_DBTP];
  tap->rms_aes17_db = overall[GS_C_RMS_AES17_DB];
  tap->vu = overall[GS_C_VU];
  tap->clips = overall[GS_C_CLIP_COUNT];
  tap->short_term_lufs = block[GS_L_SHORT_TERM_LUFS];
  tap->integrated_lufs = block[GS_L_INTEGRATED_LUFS];
}

void gs_editor_model_fill(gs_editor_model *model, const double *readout, double input_trim_db, double output_trim_db) {
  model->input_trim_db = input_trim_db;
  model->output_trim_db = output_trim_db;
  model->has_meters = readout != 0;
  model->can_learn = true;
  if (!readout) {
    const gs_editor_tap none = {{-INFINITY, -INFINITY}, -INFINITY, -INFINITY, -INFINITY, -INFINITY, -INFINITY, -INFINITY, 0};
    model->in = model->out = none;
    model->learn_state = GS_LEARN_IDLE;
    return;
  }
  fill_tap(&model->in, readout + GS_TAP_BLOCK(GS_TAP_IN));
  fill_tap(&model->out, readout + GS_TAP_BLOCK(GS_TAP_OUT));
  const double *learn = readout + GS_AUTO_TRIM_BLOCK;
  model->learn_state = (int)learn[GS_A_STATE];
  model->learned_trim_db = learn[GS_A_TRIM_DB];
  model->learned_level_db = learn[GS_A_LEVEL_DB];
}
