// Hour tracking codecs: the literal JSON of hours-api.md decodes field by field and encodes
// back to the same document; bad payloads name the field path.
#include <catch2/catch.hpp>

#include "core/hours_codec.h"

using namespace zygc;
using nlohmann::json;

namespace {

// An HourRecord as hours-api.md writes it, typed out by hand, every field non-default.
const char* kRecordJson = R"({
  "id": 14,
  "volunteer": {"id": 5, "display_name": "王**"},
  "project": {"id": 3, "title": "净滩行动"}, "team": {"id": 2, "name": "海港区蓝色海湾志愿服务队"},
  "shift": {"id": 7, "start": "2026-11-28T09:00:00+08:00", "end": "2026-11-28T12:00:00+08:00"},
  "method": "qr",
  "check_in": "2026-11-28T08:55:00+08:00", "check_out": "2026-11-28T12:00:00+08:00",
  "client_check_in": "2026-11-28T08:54:58+08:00", "client_check_out": null,
  "minutes": 170, "status": "certified", "flags": ["offline", "auto_closed"],
  "distance_m": 35, "certify_by": "2026-12-11", "overdue": true,
  "certified_by": {"id": 2, "display_name": "李队长"}, "certified_at": "2026-11-29T10:00:00+08:00",
  "reason": "提前离场", "corrects": 10, "corrected_by": 15,
  "dispute": {"reason": "我一直在场", "at": "2026-11-29T11:00:00+08:00",
              "resolution": "已核实", "resolved_at": "2026-11-30T09:00:00+08:00"},
  "history": [
    {"at": "2026-11-28T08:55:00+08:00", "actor": {"id": 5, "display_name": "王**"},
     "action": "check_in", "before": null, "after": {"status": "open"}, "reason": null},
    {"at": "2026-11-29T10:00:00+08:00", "actor": {"id": 2, "display_name": "李队长"},
     "action": "adjust", "before": {"minutes": 180}, "after": {"minutes": 170}, "reason": "提前离场"}
  ]
})";

const char* kCertificateJson = R"({
  "serial": "ZYGC-2026-0000123-AB12", "issued_on": "2026-11-30", "name": "王小明",
  "id_masked": "1303**********123X",
  "organisations": [{"team": {"id": 2, "name": "蓝色海湾"}, "minutes": 340,
     "projects": [{"id": 3, "title": "净滩行动", "first_date": "2026-10-03",
                   "last_date": "2026-11-28", "minutes": 340, "records": 2}]}],
  "total_minutes": 340, "verify_url": "/#/verify/ZYGC-2026-0000123-AB12",
  "qr_payload": "http://localhost:8080/#/verify/ZYGC-2026-0000123-AB12",
  "mac": "00ff"
})";

}  // namespace

TEST_CASE("hour record codec matches the literal JSON of hours-api.md", "[codec][hours]") {
    auto d = decode<HourRecord>(kRecordJson);
    REQUIRE(d.ok());
    const HourRecord& r = d.value;
    CHECK(r.id == 14);
    CHECK(r.volunteer.id == 5);
    CHECK(r.volunteer.display_name == "王**");
    CHECK(r.project.id == 3);
    CHECK(r.project.title == "净滩行动");
    CHECK(r.team.id == 2);
    CHECK(r.shift.id == 7);
    CHECK(r.shift.end == "2026-11-28T12:00:00+08:00");
    CHECK(r.method == "qr");
    CHECK(r.check_in == "2026-11-28T08:55:00+08:00");
    CHECK(r.check_out == std::optional<std::string>("2026-11-28T12:00:00+08:00"));
    CHECK(r.client_check_in == std::optional<std::string>("2026-11-28T08:54:58+08:00"));
    CHECK_FALSE(r.client_check_out.has_value());
    CHECK(r.minutes == 170);
    CHECK(r.status == "certified");
    CHECK(r.flags == std::vector<std::string>{"offline", "auto_closed"});
    CHECK(r.distance_m == std::optional<int64_t>(35));
    CHECK(r.certify_by == "2026-12-11");
    CHECK(r.overdue);
    REQUIRE(r.certified_by.has_value());
    CHECK(r.certified_by->id == 2);
    CHECK(r.certified_at == std::optional<std::string>("2026-11-29T10:00:00+08:00"));
    CHECK(r.reason == std::optional<std::string>("提前离场"));
    CHECK(r.corrects == std::optional<Id>(10));
    CHECK(r.corrected_by == std::optional<Id>(15));
    REQUIRE(r.dispute.has_value());
    CHECK(r.dispute->reason == "我一直在场");
    CHECK(r.dispute->resolution == std::optional<std::string>("已核实"));
    REQUIRE(r.history.size() == 2);
    CHECK(r.history[0].action == "check_in");
    CHECK(r.history[0].before.empty());
    CHECK(json::parse(r.history[0].after) == json{{"status", "open"}});
    CHECK(r.history[1].reason == std::optional<std::string>("提前离场"));
    CHECK(json::parse(r.history[1].before) == json{{"minutes", 180}});
    // Every field goes back out under its API name.
    CHECK(encode(r) == json::parse(kRecordJson));
}

TEST_CASE("an open record has nulls and round trips", "[codec][hours]") {
    HourRecord r;
    r.id = 1;
    r.volunteer = {5, "王**"};
    r.project = {3, "净滩"};
    r.team = {2, "队"};
    r.shift = {7, "2026-11-28T09:00:00+08:00", "2026-11-28T12:00:00+08:00"};
    r.method = "gps";
    r.check_in = "2026-11-28T08:55:00+08:00";
    r.status = "open";
    json j = encode(r);
    for (const char* k : {"check_out", "client_check_in", "distance_m", "certified_by", "corrects", "dispute"})
        CHECK(j[k].is_null());
    auto d = decode<HourRecord>(j.dump());
    REQUIRE(d.ok());
    CHECK(encode(d.value) == j);
}

TEST_CASE("my hours, attendance page and check-in code round trip", "[codec][hours]") {
    HourRecord r = decode<HourRecord>(kRecordJson).value;
    MyHours m;
    m.items = {r, r};
    m.open = r;
    m.totals = {340, 95, 3};
    m.by_month = {{"2026-11", 340, 95}};
    auto dm = decode<MyHours>(encode(m).dump());
    REQUIRE(dm.ok());
    CHECK(encode(dm.value) == encode(m));
    CHECK(dm.value.totals.pending_minutes == 95);
    CHECK(dm.value.by_month[0].month == "2026-11");

    AttendancePage p;
    p.items = {r};
    p.roster = {{{5, "王**"}, 7, "in", 14}, {{6, "李**"}, 7, "expected", std::nullopt}};
    p.total = 1;
    auto dp = decode<AttendancePage>(encode(p).dump());
    REQUIRE(dp.ok());
    CHECK(encode(dp.value) == encode(p));
    CHECK_FALSE(dp.value.roster[1].attendance_id.has_value());

    auto dc = decode<CheckinCode>(
        R"({"shift_id":7,"code":"482913","qr_payload":"zygc:checkin:7:482913","expires_at":"2026-11-30T10:01:00+08:00","life_s":60})");
    REQUIRE(dc.ok());
    CHECK(dc.value.code == "482913");
    CHECK(dc.value.qr_payload == "zygc:checkin:7:482913");
    CHECK(encode(dc.value)["life_s"] == 60);
}

TEST_CASE("requests encode only what is set", "[codec][hours]") {
    CheckInRequest in;
    in.shift_id = 7;
    in.method = "code";
    in.code = "482913";
    in.client_time = "2026-11-30T09:00:00+08:00";
    CHECK(encode(in) == json{{"shift_id", 7}, {"method", "code"}, {"code", "482913"},
                             {"client_time", "2026-11-30T09:00:00+08:00"}});
    in.lat = 39.9;
    in.lng = 119.6;
    auto d = decode<CheckInRequest>(encode(in).dump());
    REQUIRE(d.ok());
    CHECK(d.value.lat == std::optional<double>(39.9));
    CHECK_FALSE(d.value.volunteer_id.has_value());

    CheckOutRequest out{12, "2026-11-30T12:00:00+08:00", std::nullopt, std::nullopt, 5};
    CHECK(encode(out) == json{{"attendance_id", 12}, {"client_time", "2026-11-30T12:00:00+08:00"}, {"volunteer_id", 5}});
    CertifyRequest c{"adjust", 90, "提前离场"};
    auto dc = decode<CertifyRequest>(encode(c).dump());
    REQUIRE(dc.ok());
    CHECK(dc.value.minutes == std::optional<int64_t>(90));
    CHECK(encode(CertifyAllResult{3, 1}) == json{{"approved", 3}, {"skipped", 1}});
}

TEST_CASE("certificate codec and canonical content", "[codec][hours]") {
    auto d = decode<Certificate>(kCertificateJson);
    REQUIRE(d.ok());
    const Certificate& c = d.value;
    CHECK(c.serial == "ZYGC-2026-0000123-AB12");
    CHECK(c.id_masked == "1303**********123X");
    REQUIRE(c.organisations.size() == 1);
    CHECK(c.organisations[0].team.name == "蓝色海湾");
    REQUIRE(c.organisations[0].projects.size() == 1);
    CHECK(c.organisations[0].projects[0].first_date == "2026-10-03");
    CHECK(c.organisations[0].projects[0].records == 2);
    CHECK(c.total_minutes == 340);
    CHECK(encode(c) == json::parse(kCertificateJson));

    // The canonical text leaves out the MAC and does not depend on it.
    std::string canon = certificate_canonical(c);
    CHECK(canon.find("mac") == std::string::npos);
    Certificate other = c;
    other.mac = "ffff";
    CHECK(certificate_canonical(other) == canon);
    other.total_minutes = 341;
    CHECK(certificate_canonical(other) != canon);

    auto check = decode<CertificateCheck>(json{{"genuine", true}, {"certificate", encode(c)}}.dump());
    REQUIRE(check.ok());
    CHECK(check.value.genuine);
    CHECK(check.value.certificate.serial == c.serial);
    auto verdict = decode<CertificateVerdict>(R"({"genuine":false,"serial":"ZYGC-X"})");
    REQUIRE(verdict.ok());
    CHECK_FALSE(verdict.value.genuine);
}

TEST_CASE("bad hour payloads name the field", "[codec][hours]") {
    json j = json::parse(kRecordJson);
    j["history"][1]["actor"]["id"] = "2";
    auto d = decode<HourRecord>(j.dump());
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->to_string() == "history[1].actor.id: expected integer");

    json m = {{"items", json::array({json::parse(kRecordJson)})}, {"totals", {{"certified_minutes", 1}}}};
    auto dm = decode<MyHours>(m.dump());
    REQUIRE_FALSE(dm.ok());
    CHECK(dm.error->path == "totals.pending_minutes");

    json h = json::parse(kRecordJson);
    h["history"][0]["after"] = "open";
    auto dh = decode<HourRecord>(h.dump());
    REQUIRE_FALSE(dh.ok());
    CHECK(dh.error->path == "history[0].after");

    CHECK_FALSE(decode<Certificate>("{\"serial\":").ok());
    CHECK_FALSE(decode<CheckInRequest>(R"({"shift_id":7,"method":"qr"})").ok());
}
