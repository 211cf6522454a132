// zygc::Transport over the browser's fetch (a small JS bridge; not emscripten_fetch).
// Requests go to the API base: window.ZYGC_CONFIG.apiBase (web/config.js, default
// "/api/v1"), overridden by the page's ?api= query parameter. Cookies: 'same-origin'
// (ZYGC_CONFIG.credentials overrides). Timeout: ZYGC_CONFIG.timeoutMs (default 30000) →
// status 0. Completions are queued and delivered by drain(), once per frame. The first GETs
// of a visit may be answered from the page's prefetch (zygc-shell.js: Module.zygcTakePrefetch),
// started while the wasm compiled; each prefetched answer serves one identical request.
#pragma once
#include <functional>
#include <unordered_map>
#include <vector>

#include "core/http.h"

namespace zygc::web {

class FetchTransport : public Transport {
public:
    void send(const HttpRequest& request, std::function<void(HttpResponse)> done) override;

    // Calls the callbacks of the requests completed since the last call. Returns how many.
    int drain();
    int in_flight() const { return (int)pending_.size(); }

    // From the JS bridge.
    void complete(int id, HttpResponse response);

private:
    int next_id_ = 1;
    std::unordered_map<int, std::function<void(HttpResponse)>> pending_;
    std::vector<std::pair<int, HttpResponse>> done_;
};

FetchTransport& fetch_transport();

}  // namespace zygc::web
