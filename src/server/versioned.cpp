#include "server/versioned.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "server/http_util.h"

namespace zygc::server {

std::string answer_tag(char kind, std::string_view key) {
    static const uint64_t nonce = fnv1a64(std::to_string(
        std::chrono::steady_clock::now().time_since_epoch().count()) + std::to_string(::getpid()));
    char buf[48];
    std::snprintf(buf, sizeof buf, "\"%c%016llx\"", kind, static_cast<unsigned long long>(fnv1a64(key, nonce)));
    return buf;
}

bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& tag) {
    if (tag.empty() || !req.has_header("If-None-Match") ||
        !if_none_match_hits(req.get_header_value("If-None-Match"), tag))
        return false;
    res.status = 304;
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("ETag", tag);
    return true;
}

bool answered_before(App& app, const httplib::Request& req, httplib::Response& res, const std::string& tag) {
    return app.answers.serve(tag, accepts_gzip(req.get_header_value("Accept-Encoding")), res);
}

void send_versioned(App& app, const httplib::Request& req, httplib::Response& res, const nlohmann::json& j,
                    const std::string& tag) {
    send_versioned(app, req, res, dump_json(j), tag);
}

void send_versioned(App& app, const httplib::Request& req, httplib::Response& res, std::string body,
                    const std::string& tag) {
    if (tag.empty()) return send_body(req, res, 200, std::move(body), "application/json", true);
    std::string etag = tag;
    bool gzip = accepts_gzip(req.get_header_value("Accept-Encoding"));
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    if (body.size() >= 256 && gzip) {
        std::string z = gzip_compress(body);
        if (!z.empty()) {
            body.swap(z);
            etag.insert(etag.size() - 1, "-gzip");
            res.set_header("Content-Encoding", "gzip");
        }
    }
    res.set_header("ETag", etag);
    res.body = std::move(body);
    res.set_header("Content-Type", "application/json");
    app.answers.keep(tag, gzip, res);
}

}  // namespace zygc::server
