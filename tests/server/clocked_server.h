// A dev-mode server with team 1's leader (org) and a volunteer (vol) logged in, a clock the
// test moves, and POST with an optional Idempotency-Key: what the points and certificate
// tests share.
#pragma once
#include <memory>
#include <string>

#include "accounts.h"

namespace zt {

struct ClockedServer {
    std::unique_ptr<TestServer> srv = dev_server();
    std::string org = login(*srv, "13800000002");  // leads team 1
    std::string vol = login(*srv, "13800000001");
    int64_t skew = 0;
    int keys = 0;

    // Places the server clock at `t` (plus the few real seconds a test takes).
    void clock(int64_t t) {
        srv->server().advance_clock(t - fixture_now() - skew);
        skew = t - fixture_now();
    }
    Response post(const std::string& path, const std::string& token, const json& body, const std::string& key = "") {
        auto h = as(token);
        if (!key.empty()) h.emplace("Idempotency-Key", key);
        return srv->send("POST", path, h, body.dump());
    }
};

}  // namespace zt
