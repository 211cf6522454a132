#include "platform/web/location.h"
#include "platform/web/wake.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <map>
#include <string>

EM_JS(void, zygc_js_locate, (), {
    if (!navigator.geolocation) {
        _zygc_on_locate_failed(3);
        return;
    }
    navigator.geolocation.getCurrentPosition(
        function(p) { _zygc_on_located(p.coords.latitude, p.coords.longitude, p.coords.accuracy || 0); },
        function(e) { _zygc_on_locate_failed(e && e.code === 1 ? 0 : e && e.code === 3 ? 2 : 1); },
        {enableHighAccuracy: true, timeout: 15000, maximumAge: 0});
});

EM_JS(void, zygc_js_want_ticks, (int every_ms), {
    if (Module.zygcTicks) clearInterval(Module.zygcTicks);
    Module.zygcTicks = 0;
    if (every_ms <= 0) return;
    _zygc_on_tick(Date.now());
    Module.zygcTicks = setInterval(function() { _zygc_on_tick(Date.now()); }, every_ms);
});

EM_JS(void, zygc_js_listen_online, (), {
    window.addEventListener("online", function() { _zygc_on_online(); });
});

namespace zygc::web::location {
std::vector<Action> g_answers;  // device answers since the last frame

void locate() { zygc_js_locate(); }
void want_ticks(const std::string& owner, int every_ms) {
    static std::map<std::string, int> wanted;  // owner → period; the interval runs at the shortest
    if (every_ms > 0) wanted[owner] = every_ms;
    else wanted.erase(owner);
    int period = 0;
    for (const auto& [who, ms] : wanted) period = period == 0 ? ms : std::min(period, ms);
    zygc_js_want_ticks(period);
}
void listen_online() { zygc_js_listen_online(); }

void drain(std::vector<Action>& out) {
    for (Action& a : g_answers) out.push_back(std::move(a));
    g_answers.clear();
}

}  // namespace zygc::web::location

extern "C" {
EMSCRIPTEN_KEEPALIVE void zygc_on_located(double lat, double lng, double accuracy) {
    zygc::web::location::g_answers.push_back(zygc::Located{lat, lng, accuracy});
    zygc_wake();
}
// 0 permission_denied, 1 unavailable, 2 timeout, 3 unsupported (GeolocationPositionError codes mapped).
EMSCRIPTEN_KEEPALIVE void zygc_on_locate_failed(int code) {
    static const char* reasons[] = {"permission_denied", "unavailable", "timeout", "unsupported"};
    zygc::web::location::g_answers.push_back(zygc::LocateFailed{reasons[code >= 0 && code < 4 ? code : 1]});
    zygc_wake();
}
EMSCRIPTEN_KEEPALIVE void zygc_on_tick(double now_ms) {
    zygc::web::location::g_answers.push_back(zygc::Tick{static_cast<int64_t>(now_ms)});
    zygc_wake();
}
EMSCRIPTEN_KEEPALIVE void zygc_on_online() {
    zygc::web::location::g_answers.push_back(zygc::Online{});
    zygc_wake();
}
}
