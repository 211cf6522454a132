// 登记需求 (social worker): an older resident who needs help — needs, times, mobility, the
// guardian's contact, consent. Shown masked afterwards.
#include "ui/care_widgets.h"
#include "ui/screens.h"

namespace zygc::ui {

void screen_elder_need(const State& state) { elder_form(state, state.need_draft, false); }

}  // namespace zygc::ui
