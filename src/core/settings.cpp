#include "core/settings.h"

#include "core/feature.h"

namespace zygc::settings {

void update(State& s, const SetSettings& a, Effects& out) {
    if (a.settings == s.settings) return;
    s.settings = a.settings;
    out.push_back(SaveSettings{s.settings});
}

}  // namespace zygc::settings
