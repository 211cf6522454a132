// Helpers for the account / sign-up / publishing tests: a dev-mode server per test case,
// logins through the real SMS-code flow, generated ID numbers, project drafts.
#pragma once
#include <cstdio>
#include <memory>
#include <string>

#include "core/idcard.h"
#include "fixture.h"

namespace zt {

// A problem+json answer with this status and, when given, an error naming this field.
inline void check_problem(const Response& r, int status, const std::string& field = "") {
    INFO(r.body);
    REQUIRE(r.status == status);
    CHECK(r.header("Content-Type") == "application/problem+json");
    REQUIRE(r.j.is_object());
    CHECK(r.j["status"] == status);
    if (!field.empty()) {
        bool found = false;
        if (r.j.contains("errors"))
            for (const auto& e : r.j["errors"]) found = found || e["field"] == field;
        CHECK(found);
    }
}


constexpr const char* kXrw = "X-Requested-With";

inline std::unique_ptr<TestServer> dev_server(bool with_secret = true) {
    return std::make_unique<TestServer>(fixture_seed().dump(), fixture_now(), std::string(),
                                        [with_secret](zygc::server::Options& o) {
                                            o.dev = true;
                                            // Each simulated person logs in from their own
                                            // address (X-Real-IP, see addr_of), as on the street.
                                            o.trust_proxy = true;
                                            if (!with_secret) o.secret_hex.clear();
                                        });
}

// A valid GB 11643 number: region 6 digits, birth YYYYMMDD, sequence 0..999.
inline std::string make_id(const char* region, const char* birth, int seq) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%s%s%03d", region, birth, seq % 1000);
    std::string s = buf;
    return use_id(s + zygc::id_check_char(s));
}

// The dev accounts' numbers (same rule as src/server/dev_accounts.cpp).
inline std::string dev_volunteer_id() {
    std::string s = "13030219900101123";
    return use_id(s + zygc::id_check_char(s));
}
inline std::string dev_organizer_id() {
    std::string s = "13030219850505234";
    return use_id(s + zygc::id_check_char(s));
}

inline httplib::Headers as(const std::string& token) {
    httplib::Headers h = {{kXrw, "zygc"}};
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return h;
}
inline httplib::Headers with(httplib::Headers h, const char* k, const std::string& v) {
    h.emplace(k, v);
    return h;
}

inline std::string cookie_token(const Response& r) {
    std::string c = r.header("Set-Cookie");
    const std::string name = "zygc_session=";
    if (c.rfind(name, 0) != 0) return {};
    return c.substr(name.size(), c.find(';') - name.size());
}

// A client address per phone (10.x.y.z from its last digits), sent as X-Real-IP.
inline std::string addr_of(const std::string& phone) {
    int n = std::stoi(phone.substr(phone.size() - 6));
    return "10." + std::to_string(n / 65536 % 256) + "." + std::to_string(n / 256 % 256) + "." +
           std::to_string(n % 256);
}
inline httplib::Headers from(const std::string& addr, httplib::Headers h = as("")) {
    h.emplace("X-Real-IP", addr);
    return h;
}

// Logs in through POST /auth/sms-code + /auth/login; returns the session token.
inline std::string login(const TestServer& srv, const std::string& phone) {
    auto sent = srv.send("POST", "/api/v1/auth/sms-code", from(addr_of(phone)), json({{"phone", phone}}).dump());
    INFO(sent.body);
    REQUIRE(sent.status == 200);
    REQUIRE(sent.j["dev_code"].is_string());
    auto r = srv.send("POST", "/api/v1/auth/login", from(addr_of(phone)),
                      json({{"phone", phone}, {"code", sent.j["dev_code"]}}).dump());
    INFO(r.body);
    REQUIRE(r.status == 200);
    std::string token = cookie_token(r);
    REQUIRE(token.size() == 43);
    return token;
}

inline json application(const std::string& id_number, const std::string& name = "张海燕",
                        int64_t district = 1, bool consent = true) {
    return {{"real_name", name}, {"id_number", id_number}, {"district_id", district},
            {"skills", {"急救"}}, {"availability", {"weekend"}}, {"consent", consent}};
}

// Logs in a new phone and registers it as a volunteer with `id_number`.
inline std::string new_volunteer(const TestServer& srv, const std::string& phone,
                                 const std::string& id_number) {
    std::string t = login(srv, phone);
    auto r = srv.send("PUT", "/api/v1/me/volunteer", as(t), application(id_number).dump());
    INFO(r.body);
    REQUIRE(r.status == 200);
    return t;
}

// "2026-01-15" + days, "HH:MM" → RFC 3339 in +08:00 (fixture clock: 2026-01-15 12:00).
inline std::string at(int days, int hour, int minute = 0) {
    int64_t t = fixture_now() - 12 * 3600 + days * 86400LL + hour * 3600 + minute * 60;
    return zygc::format_cst(t);
}

inline json draft(int64_t team, const std::string& title, json shifts) {
    return {{"team_id", team},
            {"title", title},
            {"summary", ""},
            {"description", "请穿红马甲，带好水杯。"},
            {"category", "elderly"},
            {"brand", nullptr},
            {"district_id", 1},
            {"site", {{"name", "红旗路服务站"}, {"lat", 39.93}, {"lng", 119.60}, {"radius_m", 200}}},
            {"shifts", shifts}};
}
inline json shift(const std::string& start, const std::string& end, int capacity) {
    return {{"start", start}, {"end", end}, {"capacity", capacity}};
}

// Publishes a project as `token` (an organizer of `team` or admin); returns its detail.
inline json publish(const TestServer& srv, const std::string& token, const json& d) {
    auto r = srv.send("POST", "/api/v1/projects", as(token), d.dump());
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.j;
}

inline Response signup(const TestServer& srv, const std::string& token, int64_t project, int64_t shift_id,
                       const std::string& key) {
    auto h = as(token);
    if (!key.empty()) h.emplace("Idempotency-Key", key);
    return srv.send("POST", "/api/v1/projects/" + std::to_string(project) + "/signups", h,
                    json({{"shift_id", shift_id}}).dump());
}

}  // namespace zt
