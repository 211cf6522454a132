// Hour tracking (issue 9): the shapes of /work/wt/prompts/hours-api.md as plain structs.
// Times are RFC 3339 strings with offset (+08:00), minutes integers. Codecs: hours_codec.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace zygc {

// A short reference to another object, as records carry them.
struct PersonRef {
    Id id = 0;
    std::string display_name;  // organizer views: masked ("王**") is fine
};

struct ProjectRef {
    Id id = 0;
    std::string title;
};

struct TeamRef {
    Id id = 0;
    std::string name;
};

struct ShiftRef {
    Id id = 0;
    std::string start;
    std::string end;
};

// One entry of a record's append-only audit history. before/after are small JSON objects
// (the fields that changed), kept as their JSON text; "" when null.
struct HistoryEvent {
    std::string at;
    PersonRef actor;
    std::string action;  // check_in check_out auto_close certify reject adjust dispute resolve correct
    std::string before;  // JSON text or "" (null)
    std::string after;   // JSON text or "" (null)
    std::optional<std::string> reason;
};

struct Dispute {
    std::string reason;
    std::string at;
    std::optional<std::string> resolution;
    std::optional<std::string> resolved_at;
};

// One attendance record (HourRecord in the API).
struct HourRecord {
    Id id = 0;
    PersonRef volunteer;
    ProjectRef project;
    TeamRef team;
    ShiftRef shift;
    std::string method;  // "qr" | "code" | "gps" | "manual"
    std::string check_in;
    std::optional<std::string> check_out;
    std::optional<std::string> client_check_in;
    std::optional<std::string> client_check_out;
    int64_t minutes = 0;  // clamped to the shift; 0 while open
    std::string status;   // "open" | "pending" | "certified" | "rejected" | "disputed"
    std::vector<std::string> flags;  // offline far_from_site over_12h overlap auto_closed manual
    std::optional<int64_t> distance_m;
    std::string certify_by;  // YYYY-MM-DD, 10th working day after the shift's date
    bool overdue = false;
    std::optional<PersonRef> certified_by;
    std::optional<std::string> certified_at;
    std::optional<std::string> reason;
    std::optional<Id> corrects;
    std::optional<Id> corrected_by;
    std::optional<Dispute> dispute;
    std::vector<HistoryEvent> history;
};

struct HoursTotals {
    int64_t certified_minutes = 0;
    int64_t pending_minutes = 0;
    int64_t records = 0;
};

struct MonthHours {
    std::string month;  // "2026-11"
    int64_t certified_minutes = 0;
    int64_t pending_minutes = 0;
};

// GET /me/hours
struct MyHours {
    std::vector<HourRecord> items;              // a page, newest first
    std::optional<std::string> next_cursor;     // the older records' page
    std::optional<HourRecord> open;
    HoursTotals totals;
    std::vector<MonthHours> by_month;  // last 12 months
};

struct RosterEntry {
    PersonRef volunteer;
    Id shift_id = 0;
    std::string state;  // "expected" | "in" | "out"
    std::optional<Id> attendance_id;
    std::optional<std::string> check_in, check_out;  // the record's times (RFC 3339)
};

// GET /projects/{id}/attendance
struct AttendancePage {
    std::vector<HourRecord> items;
    std::vector<RosterEntry> roster;  // with shift_id, on the first page
    std::optional<std::string> next_cursor;
    int64_t total = 0;                // every record that matches, on every page
};

// GET /projects/{id}/checkin-code
struct CheckinCode {
    Id shift_id = 0;
    std::string code;        // "482913"
    std::string qr_payload;  // "zygc:checkin:7:482913"
    std::string expires_at;
    int64_t life_s = 60;
};

// POST /attendance/check-in
struct CheckInRequest {
    Id shift_id = 0;
    std::string method;  // "qr" | "code" | "gps" | "manual"
    std::optional<std::string> code;
    std::optional<double> lat;
    std::optional<double> lng;
    std::string client_time;
    std::optional<Id> volunteer_id;  // manual only
};

// POST /attendance/check-out
struct CheckOutRequest {
    Id attendance_id = 0;
    std::string client_time;
    std::optional<double> lat;
    std::optional<double> lng;
    std::optional<Id> volunteer_id;  // manual only
};

// POST /hours/{id}/certify
struct CertifyRequest {
    std::string decision;  // "approve" | "reject" | "adjust"
    std::optional<int64_t> minutes;
    std::optional<std::string> reason;
};

// POST /shifts/{id}/certify-all
struct CertifyAllResult {
    int64_t approved = 0;
    int64_t skipped = 0;
};

struct CertificateProject {
    Id id = 0;
    std::string title;
    std::string first_date;  // YYYY-MM-DD
    std::string last_date;
    int64_t minutes = 0;
    int64_t records = 0;
};

struct CertificateOrganisation {
    TeamRef team;
    int64_t minutes = 0;
    std::vector<CertificateProject> projects;
};

// GET /me/certificate, GET /certificates/{serial}
struct Certificate {
    std::string serial;  // "ZYGC-2026-0000123-AB12"
    std::string issued_on;
    std::string name;
    std::string id_masked;
    std::vector<CertificateOrganisation> organisations;
    int64_t total_minutes = 0;
    std::string verify_url;  // "/#/verify/ZYGC-..."
    std::string qr_payload;  // "<origin>/#/verify/ZYGC-..."
    std::string mac;         // hex HMAC-SHA256 over the canonical content
};

// GET /certificates/{serial}
struct CertificateCheck {
    bool genuine = false;
    Certificate certificate;
};

// POST /certificates/verify answer
struct CertificateVerdict {
    bool genuine = false;
    std::string serial;
};

}  // namespace zygc
