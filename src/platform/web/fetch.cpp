#include "platform/web/fetch.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <string>

#include "platform/web/glyphs.h"

// Starts window.fetch (or takes a prefetched answer); on completion calls _zygc_fetch_done(id, status, content_type, etag,
// link, error, body, body_len, offline). The API base comes from the shell (Module.zygcApiBase()).
EM_JS(void, zygc_js_fetch, (int id, const char* method_p, const char* path_p, const char* headers_p,
                            const char* body_p, int body_len), {
    var method = UTF8ToString(method_p);
    var path = UTF8ToString(path_p);
    var cfg = window.ZYGC_CONFIG || {};
    var base = Module.zygcApiBase ? Module.zygcApiBase() : (cfg.apiBase || "/api/v1");
    while (base.length && base.charAt(base.length - 1) == "/") base = base.slice(0, -1);
    var url = path.indexOf("http:") == 0 || path.indexOf("https:") == 0 ? path : base + path;
    function str(s) {
        var n = lengthBytesUTF8(s) + 1;
        var p = _malloc(n);
        stringToUTF8(s, p, n);
        return p;
    }
    var offline = 0;  // first-visit: the service worker's cached answer (web/sw.js)
    var timer = 0;
    // Requests on their way, for the shell: the deferred part waits until none is (zygc-shell.js).
    Module.zygcApiInFlight = (Module.zygcApiInFlight || 0) + 1;
    function done(status, ct, etag, link, err, bytes) {
        clearTimeout(timer);
        Module.zygcApiInFlight--;
        var ps = [str(ct), str(etag), str(link), str(err)];
        var len = bytes ? bytes.length : 0;
        var bp = _malloc(len + 1);
        if (len) HEAPU8.set(bytes, bp);
        _zygc_fetch_done(id, status, ps[0], ps[1], ps[2], ps[3], bp, len, offline);
        _free(bp);
        ps.forEach(function(p) { _free(p); });
    }
    // The page started the first GETs while the wasm compiled (zygc-shell.js): an identical
    // request takes that answer, once; at once when it is in (it is queued for the next frame
    // like any other: _zygc_fetch_done only queues), without making a request of its own
    // (the headers, abort controller and timer of the first five were ~30 ms of a cold main()
    // at 4× CPU).
    var pre = Module.zygcTakePrefetch && method === "GET" ? Module.zygcTakePrefetch(url) : null;
    function settle(a) {
        offline = a.offline;
        done(a.status, a.type, a.etag, a.link, "", a.body);
    }
    if (pre && pre.answer) return settle(pre.answer);
    var headers = JSON.parse(UTF8ToString(headers_p) || "[]");
    var h = new Headers();
    for (var i = 0; i < headers.length; i++) h.append(headers[i][0], headers[i][1]);
    if (method !== "GET" && method !== "HEAD" && !h.has("X-Requested-With")) h.set("X-Requested-With", "zygc");
    var init = {method: method, headers: h, credentials: cfg.credentials || "same-origin"};
    if (body_len > 0) init.body = HEAPU8.slice(body_p, body_p + body_len);
    var ctrl = typeof AbortController !== "undefined" ? new AbortController() : null;
    if (ctrl) {
        init.signal = ctrl.signal;
        timer = setTimeout(function() { ctrl.abort(); }, cfg.timeoutMs || 30000);
    }
    // Module.zygcReadAnswer (zygc-shell.js): the body in full, as the answer above.
    var fresh = function() { return fetch(url, init).then(Module.zygcReadAnswer); };
    (pre ? pre.promise.catch(fresh) : fresh()).then(settle).catch(function(e) {
        var msg = e && e.name === "AbortError" ? "timeout" : String((e && e.message) || e || "network error");
        done(0, "", "", "", msg, null);
    });
});

namespace zygc::web {
namespace {

void json_string(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += (char)c;
        } else if (c < 0x20) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += (char)c;
        }
    }
    out += '"';
}

}  // namespace

FetchTransport& fetch_transport() {
    static FetchTransport t;
    return t;
}

void FetchTransport::send(const HttpRequest& request, std::function<void(HttpResponse)> done) {
    int id = next_id_++;
    pending_[id] = std::move(done);
    std::string headers = "[";
    for (size_t i = 0; i < request.headers.size(); ++i) {
        if (i) headers += ',';
        headers += '[';
        json_string(headers, request.headers[i].first);
        headers += ',';
        json_string(headers, request.headers[i].second);
        headers += ']';
    }
    headers += ']';
    zygc_js_fetch(id, request.method.c_str(), request.path.c_str(), headers.c_str(), request.body.data(),
                  (int)request.body.size());
}

void FetchTransport::complete(int id, HttpResponse response) { done_.emplace_back(id, std::move(response)); }

int FetchTransport::drain() {
    if (done_.empty()) return 0;
    std::vector<std::pair<int, HttpResponse>> batch;
    batch.swap(done_);
    for (auto& [id, response] : batch) {
        auto it = pending_.find(id);
        if (it == pending_.end()) continue;
        auto cb = std::move(it->second);
        pending_.erase(it);
        glyphs::want_answer_utf8(response.body);  // first-visit: what is drawn is wanted by its label; the rest in idle time
        cb(std::move(response));
    }
    return (int)batch.size();
}

}  // namespace zygc::web

extern "C" EMSCRIPTEN_KEEPALIVE void zygc_fetch_done(int id, int status, const char* content_type, const char* etag,
                                                     const char* link, const char* error, const char* body,
                                                     int body_len, int from_cache) {
    zygc::HttpResponse r;
    r.status = status;
    r.content_type = content_type ? content_type : "";
    r.etag = etag ? etag : "";
    r.link = link ? link : "";
    r.body.assign(body, body + body_len);
    r.from_cache = from_cache != 0;
    if (status == 0) r.network_error = error && *error ? error : "network error";
    zygc::web::fetch_transport().complete(id, std::move(r));
}
