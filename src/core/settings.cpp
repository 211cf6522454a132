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

}  // namespace zygc::settings
