// 页面不存在: an unknown hash route.
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_not_found(const State&) {
    empty_state(tr(S::NotFound));
    if (link(tr(S::GoHome))) emit(Navigate{route_home()});
}

}  // namespace zygc::ui
