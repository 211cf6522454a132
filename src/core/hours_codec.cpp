#include "core/hours_codec.h"
#include "core/decoding.h"

namespace zygc {

using nlohmann::json;

// ---------------------------------------------------------------------------
// [SECTION] Decoding — on the toolkit of core/decoding.h.
// ---------------------------------------------------------------------------
namespace {

using decoding::dec;
using decoding::maybe;
using decoding::object;
using decoding::opt;
using decoding::req;
using decoding::Scope;

// This codec's context: the toolkit's templates find the decoders below by it.
struct Ctx : decoding::Ctx {};

// A JSON object (or null) kept as its compact text ("" for null).
bool dec_raw_object(const json& j, std::string& out, Ctx& c) {
    if (j.is_null()) {
        out.clear();
        return true;
    }
    if (!j.is_object()) return c.fail("expected object");
    out = j.dump();
    return true;
}

bool dec(const json& j, PersonRef& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "display_name", v.display_name, c);
}

bool dec(const json& j, ProjectRef& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "title", v.title, c);
}

bool dec(const json& j, TeamRef& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "name", v.name, c);
}

bool dec(const json& j, ShiftRef& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && opt(j, "start", v.start, c) && opt(j, "end", v.end, c);
}

bool dec(const json& j, HistoryEvent& v, Ctx& c) {
    if (!object(j, c) || !req(j, "at", v.at, c) || !req(j, "actor", v.actor, c) ||
        !req(j, "action", v.action, c) || !maybe(j, "reason", v.reason, c))
        return false;
    v.before.clear();
    v.after.clear();
    if (auto it = j.find("before"); it != j.end()) {
        Scope s(c, "before");
        if (!dec_raw_object(*it, v.before, c)) return false;
    }
    if (auto it = j.find("after"); it != j.end()) {
        Scope s(c, "after");
        if (!dec_raw_object(*it, v.after, c)) return false;
    }
    return true;
}

bool dec(const json& j, Dispute& v, Ctx& c) {
    return object(j, c) && req(j, "reason", v.reason, c) && req(j, "at", v.at, c) &&
           maybe(j, "resolution", v.resolution, c) && maybe(j, "resolved_at", v.resolved_at, c);
}

bool dec(const json& j, HourRecord& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "volunteer", v.volunteer, c) &&
           req(j, "project", v.project, c) && req(j, "team", v.team, c) && req(j, "shift", v.shift, c) &&
           req(j, "method", v.method, c) && req(j, "check_in", v.check_in, c) &&
           maybe(j, "check_out", v.check_out, c) && maybe(j, "client_check_in", v.client_check_in, c) &&
           maybe(j, "client_check_out", v.client_check_out, c) && req(j, "minutes", v.minutes, c) &&
           req(j, "status", v.status, c) && opt(j, "flags", v.flags, c) &&
           maybe(j, "distance_m", v.distance_m, c) && opt(j, "certify_by", v.certify_by, c) &&
           opt(j, "overdue", v.overdue, c) && maybe(j, "certified_by", v.certified_by, c) &&
           maybe(j, "certified_at", v.certified_at, c) && maybe(j, "reason", v.reason, c) &&
           maybe(j, "corrects", v.corrects, c) && maybe(j, "corrected_by", v.corrected_by, c) &&
           maybe(j, "dispute", v.dispute, c) && opt(j, "history", v.history, c);
}

bool dec(const json& j, HoursTotals& v, Ctx& c) {
    return object(j, c) && req(j, "certified_minutes", v.certified_minutes, c) &&
           req(j, "pending_minutes", v.pending_minutes, c) && req(j, "records", v.records, c);
}

bool dec(const json& j, MonthHours& v, Ctx& c) {
    return object(j, c) && req(j, "month", v.month, c) && req(j, "certified_minutes", v.certified_minutes, c) &&
           req(j, "pending_minutes", v.pending_minutes, c);
}

bool dec(const json& j, MyHours& v, Ctx& c) {
    return object(j, c) && req(j, "items", v.items, c) && maybe(j, "next_cursor", v.next_cursor, c) &&
           maybe(j, "open", v.open, c) &&
           req(j, "totals", v.totals, c) && opt(j, "by_month", v.by_month, c);
}

bool dec(const json& j, RosterEntry& v, Ctx& c) {
    return object(j, c) && req(j, "volunteer", v.volunteer, c) && req(j, "shift_id", v.shift_id, c) &&
           req(j, "state", v.state, c) && maybe(j, "attendance_id", v.attendance_id, c) &&
           maybe(j, "check_in", v.check_in, c) && maybe(j, "check_out", v.check_out, c);
}

bool dec(const json& j, AttendancePage& v, Ctx& c) {
    return object(j, c) && req(j, "items", v.items, c) && opt(j, "roster", v.roster, c) &&
           nullable(j, "next_cursor", v.next_cursor, c) && req(j, "total", v.total, c);
}

bool dec(const json& j, CheckinCode& v, Ctx& c) {
    return object(j, c) && req(j, "shift_id", v.shift_id, c) && req(j, "code", v.code, c) &&
           req(j, "qr_payload", v.qr_payload, c) && req(j, "expires_at", v.expires_at, c) &&
           opt(j, "life_s", v.life_s, c);
}

bool dec(const json& j, CheckInRequest& v, Ctx& c) {
    return object(j, c) && req(j, "shift_id", v.shift_id, c) && req(j, "method", v.method, c) &&
           maybe(j, "code", v.code, c) && maybe(j, "lat", v.lat, c) && maybe(j, "lng", v.lng, c) &&
           req(j, "client_time", v.client_time, c) && maybe(j, "volunteer_id", v.volunteer_id, c);
}

bool dec(const json& j, CheckOutRequest& v, Ctx& c) {
    return object(j, c) && req(j, "attendance_id", v.attendance_id, c) &&
           req(j, "client_time", v.client_time, c) && maybe(j, "lat", v.lat, c) && maybe(j, "lng", v.lng, c) &&
           maybe(j, "volunteer_id", v.volunteer_id, c);
}

bool dec(const json& j, CertifyRequest& v, Ctx& c) {
    return object(j, c) && req(j, "decision", v.decision, c) && maybe(j, "minutes", v.minutes, c) &&
           maybe(j, "reason", v.reason, c);
}

bool dec(const json& j, CertifyAllResult& v, Ctx& c) {
    return object(j, c) && req(j, "approved", v.approved, c) && req(j, "skipped", v.skipped, c);
}

bool dec(const json& j, CertificateProject& v, Ctx& c) {
    return object(j, c) && req(j, "id", v.id, c) && req(j, "title", v.title, c) &&
           req(j, "first_date", v.first_date, c) && req(j, "last_date", v.last_date, c) &&
           req(j, "minutes", v.minutes, c) && req(j, "records", v.records, c);
}

bool dec(const json& j, CertificateOrganisation& v, Ctx& c) {
    return object(j, c) && req(j, "team", v.team, c) && req(j, "minutes", v.minutes, c) &&
           req(j, "projects", v.projects, c);
}

bool dec(const json& j, Certificate& v, Ctx& c) {
    return object(j, c) && req(j, "serial", v.serial, c) && req(j, "issued_on", v.issued_on, c) &&
           req(j, "name", v.name, c) && req(j, "id_masked", v.id_masked, c) &&
           req(j, "organisations", v.organisations, c) && req(j, "total_minutes", v.total_minutes, c) &&
           req(j, "verify_url", v.verify_url, c) && req(j, "qr_payload", v.qr_payload, c) &&
           req(j, "mac", v.mac, c);
}

bool dec(const json& j, CertificateCheck& v, Ctx& c) {
    return object(j, c) && req(j, "genuine", v.genuine, c) && req(j, "certificate", v.certificate, c);
}

bool dec(const json& j, CertificateVerdict& v, Ctx& c) {
    return object(j, c) && req(j, "genuine", v.genuine, c) && opt(j, "serial", v.serial, c);
}

}  // namespace

template <class T>
Decoded<T> decode_json(const json& j) {
    return decoding::decode_as<T, Ctx>(j);
}

template <class T>
Decoded<T> decode(std::string_view text) {
    json j;
    if (auto e = decoding::parse(text, j)) return Decoded<T>{T{}, *e};
    return decode_json<T>(j);
}

#define ZYGC_DECODER(T)                               \
    template Decoded<T> decode<T>(std::string_view); \
    template Decoded<T> decode_json<T>(const json&);
ZYGC_DECODER(HourRecord)
ZYGC_DECODER(std::vector<HourRecord>)
ZYGC_DECODER(MyHours)
ZYGC_DECODER(AttendancePage)
ZYGC_DECODER(CheckinCode)
ZYGC_DECODER(CheckInRequest)
ZYGC_DECODER(CheckOutRequest)
ZYGC_DECODER(CertifyRequest)
ZYGC_DECODER(CertifyAllResult)
ZYGC_DECODER(Certificate)
ZYGC_DECODER(CertificateCheck)
ZYGC_DECODER(CertificateVerdict)
#undef ZYGC_DECODER

// ---------------------------------------------------------------------------
// [SECTION] Encoding
// ---------------------------------------------------------------------------
namespace {

template <class T>
json or_null(const std::optional<T>& v) {
    return v ? json(*v) : json();
}

json raw_or_null(const std::string& text) {
    if (text.empty()) return json();
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_discarded() ? json() : j;
}

}  // namespace

json encode(const PersonRef& v) { return {{"id", v.id}, {"display_name", v.display_name}}; }
json encode(const ProjectRef& v) { return {{"id", v.id}, {"title", v.title}}; }
json encode(const TeamRef& v) { return {{"id", v.id}, {"name", v.name}}; }
json encode(const ShiftRef& v) { return {{"id", v.id}, {"start", v.start}, {"end", v.end}}; }

json encode(const HistoryEvent& v) {
    return {{"at", v.at},
            {"actor", encode(v.actor)},
            {"action", v.action},
            {"before", raw_or_null(v.before)},
            {"after", raw_or_null(v.after)},
            {"reason", or_null(v.reason)}};
}

json encode(const Dispute& v) {
    return {{"reason", v.reason},
            {"at", v.at},
            {"resolution", or_null(v.resolution)},
            {"resolved_at", or_null(v.resolved_at)}};
}

json encode(const HourRecord& v) {
    return {{"id", v.id},
            {"volunteer", encode(v.volunteer)},
            {"project", encode(v.project)},
            {"team", encode(v.team)},
            {"shift", encode(v.shift)},
            {"method", v.method},
            {"check_in", v.check_in},
            {"check_out", or_null(v.check_out)},
            {"client_check_in", or_null(v.client_check_in)},
            {"client_check_out", or_null(v.client_check_out)},
            {"minutes", v.minutes},
            {"status", v.status},
            {"flags", v.flags},
            {"distance_m", or_null(v.distance_m)},
            {"certify_by", v.certify_by},
            {"overdue", v.overdue},
            {"certified_by", v.certified_by ? encode(*v.certified_by) : json()},
            {"certified_at", or_null(v.certified_at)},
            {"reason", or_null(v.reason)},
            {"corrects", or_null(v.corrects)},
            {"corrected_by", or_null(v.corrected_by)},
            {"dispute", v.dispute ? encode(*v.dispute) : json()},
            {"history", encode(v.history)}};
}

json encode(const HoursTotals& v) {
    return {{"certified_minutes", v.certified_minutes},
            {"pending_minutes", v.pending_minutes},
            {"records", v.records}};
}

json encode(const MonthHours& v) {
    return {{"month", v.month},
            {"certified_minutes", v.certified_minutes},
            {"pending_minutes", v.pending_minutes}};
}

json encode(const MyHours& v) {
    return {{"items", encode(v.items)},
            {"next_cursor", or_null(v.next_cursor)},
            {"open", v.open ? encode(*v.open) : json()},
            {"totals", encode(v.totals)},
            {"by_month", encode(v.by_month)}};
}

json encode(const RosterEntry& v) {
    return {{"volunteer", encode(v.volunteer)},
            {"shift_id", v.shift_id},
            {"state", v.state},
            {"attendance_id", or_null(v.attendance_id)},
            {"check_in", or_null(v.check_in)},
            {"check_out", or_null(v.check_out)}};
}

json encode(const AttendancePage& v) {
    return {{"items", encode(v.items)}, {"roster", encode(v.roster)}, {"next_cursor", or_null(v.next_cursor)},
            {"total", v.total}};
}

json encode(const CheckinCode& v) {
    return {{"shift_id", v.shift_id},
            {"code", v.code},
            {"qr_payload", v.qr_payload},
            {"expires_at", v.expires_at},
            {"life_s", v.life_s}};
}

json encode(const CheckInRequest& v) {
    json j = {{"shift_id", v.shift_id}, {"method", v.method}, {"client_time", v.client_time}};
    if (v.code) j["code"] = *v.code;
    if (v.lat) j["lat"] = *v.lat;
    if (v.lng) j["lng"] = *v.lng;
    if (v.volunteer_id) j["volunteer_id"] = *v.volunteer_id;
    return j;
}

json encode(const CheckOutRequest& v) {
    json j = {{"attendance_id", v.attendance_id}, {"client_time", v.client_time}};
    if (v.lat) j["lat"] = *v.lat;
    if (v.lng) j["lng"] = *v.lng;
    if (v.volunteer_id) j["volunteer_id"] = *v.volunteer_id;
    return j;
}

json encode(const CertifyRequest& v) {
    json j = {{"decision", v.decision}};
    if (v.minutes) j["minutes"] = *v.minutes;
    if (v.reason) j["reason"] = *v.reason;
    return j;
}

json encode(const CertifyAllResult& v) { return {{"approved", v.approved}, {"skipped", v.skipped}}; }

json encode(const CertificateProject& v) {
    return {{"id", v.id},
            {"title", v.title},
            {"first_date", v.first_date},
            {"last_date", v.last_date},
            {"minutes", v.minutes},
            {"records", v.records}};
}

json encode(const CertificateOrganisation& v) {
    return {{"team", encode(v.team)}, {"minutes", v.minutes}, {"projects", encode(v.projects)}};
}

json encode(const Certificate& v) {
    return {{"serial", v.serial},
            {"issued_on", v.issued_on},
            {"name", v.name},
            {"id_masked", v.id_masked},
            {"organisations", encode(v.organisations)},
            {"total_minutes", v.total_minutes},
            {"verify_url", v.verify_url},
            {"qr_payload", v.qr_payload},
            {"mac", v.mac}};
}

json encode(const CertificateCheck& v) {
    return {{"genuine", v.genuine}, {"certificate", encode(v.certificate)}};
}

json encode(const CertificateVerdict& v) { return {{"genuine", v.genuine}, {"serial", v.serial}}; }

std::string certificate_canonical(const Certificate& v) {
    json j = encode(v);
    j.erase("mac");
    return j.dump();  // object keys sorted, compact, UTF-8 as is
}

}  // namespace zygc
