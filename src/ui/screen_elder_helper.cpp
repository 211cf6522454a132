// 登记助老志愿者 (social worker): an older volunteer who can help — abilities, times, how far
// they can walk, phone, consent.
#include "ui/care_widgets.h"
#include "ui/screens.h"

namespace zygc::ui {

void screen_elder_helper(const State& state) { elder_form(state, state.helper_draft, true); }

}  // namespace zygc::ui
