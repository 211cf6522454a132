#include "core/settings.h"

#include "core/feature.h"

namespace zygc::settings {

float clamp_zoom(float z) {
    if (!(z > 0)) return 0;  // also NaN
    z = z < kZoomMin ? kZoomMin : z > kZoomMax ? kZoomMax : z;
    return float(int(z * 100 + 0.5f)) / 100;
}

void update(State& s, const SetSettings& a, Effects& out) {
    Settings next = a.settings;
    next.zoom = clamp_zoom(next.zoom);
    if (next == s.settings) return;
    s.settings = next;
    out.push_back(SaveSettings{s.settings});
}

void update(State& s, const LanguageUnavailable& a, Effects& out) {
    if (s.settings.lang != a.lang) return;  // picked another one meanwhile
    s.settings.lang = "zh";
    out.push_back(SaveSettings{s.settings});
    s.notice = {"language_unavailable"};
}

}  // namespace zygc::settings
