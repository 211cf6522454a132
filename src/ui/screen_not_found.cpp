// 页面不存在: an unknown hash route.
#include "ui/empty_state.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_not_found(const State&) {
    // errors and empties (issue 10): a picture, the words, and a button home.
    if (state_view(Picture::Missing, tr(S::NotFound), "", tr(S::GoHome))) emit(Navigate{route_home()});
}

}  // namespace zygc::ui
