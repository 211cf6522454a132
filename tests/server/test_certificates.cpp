// 志愿服务记录证明 over real HTTP: issued from certified records only, the same serial for
// the same hours, public verification by serial, and a copy whose content changed in any
// byte is not genuine.
#include "accounts.h"
#include "clocked_server.h"
#include "core/hours_codec.h"
#include "server/db.h"

using namespace zt;

namespace {

int64_t when(int days, int hour, int minute = 0) { return *zygc::parse_rfc3339(at(days, hour, minute)); }

struct Cert : ClockedServer {
    // One certified record of `minutes` (approve, or adjust) in a new project of team 1.
    void certified(int days, const std::string& title, int minutes) {
        json p = publish(*srv, org, draft(1, title, {shift(at(days, 9), at(days, 12), 10)}));
        int64_t shift_id = p["shifts"][0]["id"];
        REQUIRE(signup(*srv, vol, p["id"], shift_id, "s-" + std::to_string(++keys)).status == 201);
        clock(when(days, 9));
        auto in = post("/api/v1/attendance/check-in", vol,
                       {{"shift_id", shift_id}, {"method", "gps"}, {"lat", 39.93}, {"lng", 119.60},
                        {"client_time", at(days, 9)}},
                       "in-" + std::to_string(++keys));
        INFO(in.body);
        REQUIRE(in.status == 201);
        clock(when(days, 11));
        auto out = post("/api/v1/attendance/check-out", vol,
                        {{"attendance_id", in.j["id"]}, {"client_time", at(days, 11)}}, "out-" + std::to_string(++keys));
        REQUIRE(out.status == 200);
        auto c = post("/api/v1/hours/" + std::to_string(in.j["id"].get<int64_t>()) + "/certify", org,
                      {{"decision", "adjust"}, {"minutes", minutes}, {"reason", "按实际服务时间认定"}});
        INFO(c.body);
        REQUIRE(c.status == 200);
    }
    Response mine() { return srv->get("/api/v1/me/certificate", {{"Authorization", "Bearer " + vol}}); }
    Response verify(const std::string& certificate_text) {
        return srv->send("POST", "/api/v1/certificates/verify", as(""), "{\"certificate\":" + certificate_text + "}");
    }
};

}  // namespace

TEST_CASE("certificate: none without certified hours; issued once per content", "[server][certificates]") {
    Cert c;
    auto none = c.mine();
    check_problem(none, 404);
    CHECK(none.j["code"] == "no_certified_hours");
    check_problem(c.srv->get("/api/v1/me/certificate"), 401);
    c.certified(2, "净滩行动", 100);
    c.certified(3, "敬老院陪伴", 110);
    auto first = c.mine();
    INFO(first.body);
    REQUIRE(first.status == 200);
    json cert = first.j;
    CHECK(cert["name"] == "王小海");  // the dev volunteer's real name
    CHECK(cert["id_masked"].get<std::string>().find("**") != std::string::npos);
    CHECK(cert["total_minutes"] == 210);
    REQUIRE(cert["organisations"].size() == 1);
    CHECK(cert["organisations"][0]["team"]["id"] == 1);
    CHECK(cert["organisations"][0]["minutes"] == 210);
    REQUIRE(cert["organisations"][0]["projects"].size() == 2);
    CHECK(cert["organisations"][0]["projects"][0]["title"] == "净滩行动");
    CHECK(cert["organisations"][0]["projects"][0]["first_date"] == at(2, 9).substr(0, 10));
    CHECK(cert["organisations"][0]["projects"][0]["records"] == 1);
    std::string serial = cert["serial"];
    CHECK(serial.rfind("ZYGC-2026-", 0) == 0);
    CHECK(cert["verify_url"] == "/#/verify/" + serial);
    CHECK(cert["qr_payload"].get<std::string>().find("/#/verify/" + serial) != std::string::npos);
    CHECK(cert["mac"].get<std::string>().size() == 64);
    // The same hours: the same certificate.
    auto again = c.mine();
    CHECK(again.j == cert);
    {
        // Issued already: asked while another connection holds the write lock, it is read on a
        // reader (on the writer it would wait out the busy timeout and fail).
        zygc::server::Db other;
        std::string err;
        REQUIRE(other.open((c.srv->dir() / "test.db").string(), &err));
        REQUIRE(other.begin());
        auto held = c.mine();
        other.rollback();
        CHECK(held.j == cert);
    }
    // More certified hours: a new serial.
    c.certified(4, "社区义诊", 30);
    auto third = c.mine();
    REQUIRE(third.status == 200);
    CHECK(third.j["total_minutes"] == 240);
    CHECK(third.j["serial"] != serial);
    // Both stay verifiable.
    CHECK(c.srv->get("/api/v1/certificates/" + serial).j["genuine"] == true);
    CHECK(c.srv->get("/api/v1/certificates/" + third.j["serial"].get<std::string>()).j["genuine"] == true);
}

TEST_CASE("certificate: public verification by serial; a changed serial is not found", "[server][certificates]") {
    Cert c;
    c.certified(2, "净滩行动", 120);
    json cert = c.mine().j;
    std::string serial = cert["serial"];
    auto r = c.srv->get("/api/v1/certificates/" + serial);  // anyone, no session
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.j["genuine"] == true);
    CHECK(r.j["certificate"] == cert);
    for (size_t i = 5; i < serial.size(); ++i) {
        if (serial[i] == '-') continue;
        std::string changed = serial;
        changed[i] = changed[i] == '0' ? '1' : changed[i] == 'A' ? 'B' : '0';
        if (changed[i] == serial[i]) changed[i] = '2';
        auto nf = c.srv->get("/api/v1/certificates/" + changed);
        check_problem(nf, 404);
        CHECK(nf.j["code"] == "not_found");
    }
}

TEST_CASE("certificate: a copy verifies; any changed byte of its content does not", "[server][certificates]") {
    Cert c;
    c.certified(2, "净滩行动", 95);
    auto issued = c.mine();
    REQUIRE(issued.status == 200);
    auto d = zygc::decode<zygc::Certificate>(issued.body);
    REQUIRE(d.ok());
    // The canonical copy: every field but the MAC, as the MAC covers it; the MAC is appended.
    const std::string canonical = zygc::certificate_canonical(d.value);
    auto with_mac = [&](const std::string& content) {
        return content.substr(0, content.size() - 1) + ",\"mac\":\"" + d.value.mac + "\"}";
    };
    auto ok = c.verify(with_mac(canonical));
    INFO(ok.body);
    REQUIRE(ok.status == 200);
    CHECK(ok.j["genuine"] == true);
    CHECK(ok.j["serial"] == d.value.serial);

    size_t decoded = 0, refused = 0;
    // Every byte but the closing brace (with_mac replaces it to append the MAC).
    for (size_t i = 0; i + 1 < canonical.size(); ++i) {
        std::string copy = canonical;
        copy[i] = static_cast<char>(copy[i] ^ 0x01);  // one bit of one byte
        auto r = c.verify(with_mac(copy));
        INFO("byte " << i << ": " << copy);
        if (r.status == 200) {
            ++decoded;
            CHECK(r.j["genuine"] == false);
        } else {
            ++refused;  // no longer a certificate at all (broken JSON, UTF-8 or a field)
            CHECK(r.status >= 400);
            CHECK(r.status < 500);
        }
    }
    CHECK(decoded + refused == canonical.size() - 1);
    CHECK(decoded > canonical.size() / 3);  // many changes still parse, and all of those fail
    // A changed MAC fails too.
    std::string mac = d.value.mac;
    mac[0] = mac[0] == 'a' ? 'b' : 'a';
    auto bad_mac = c.verify(canonical.substr(0, canonical.size() - 1) + ",\"mac\":\"" + mac + "\"}");
    REQUIRE(bad_mac.status == 200);
    CHECK(bad_mac.j["genuine"] == false);
    check_problem(c.srv->send("POST", "/api/v1/certificates/verify", as(""), "{}"), 422, "certificate");
}
