// Certification (时长认定), the organizer's side of hour tracking, and the certificate:
//   the shift console (签到管理): the rotating check-in code (refreshed on Tick before it
//     expires), the roster (expected / in / out) and manual check-in/out of a volunteer;
//   the queue (时长认定): approve, reject or adjust with a reason (checked here before
//     sending), bulk approval of a shift's unflagged records, the record's history,
//     resolving disputes, corrections of certified records;
//   the certificate (志愿服务记录证明, saved as a PNG) and its public verification.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/device.h"
#include "core/hours_model.h"
#include "core/message.h"
#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

// The reasoned decision being written in the dialog (record_id 0: no dialog).
struct DecisionDraft {
    Id record_id = 0;
    std::string kind;     // "reject" | "adjust" | "correct" | "resolve"
    std::string resolve;  // kind "resolve": "keep" | "adjust"
    std::string minutes;  // as typed (adjust, correct, resolve/adjust)
    std::string reason;
    std::vector<FieldError> errors;  // by field: "minutes", "reason"
};

// A manual check-in/out in flight, kept after a network failure so a retry sends the same
// key and body (the server replays its first answer).
struct ManualCheckOp {
    Id volunteer_id = 0;
    Id attendance_id = 0;  // 0: check-in
    std::string key;
    std::string client_time;
};

struct CertificationSlice {
    // Shift console (route ShiftConsole: id = project, shift = shift)
    Remote<CheckinCode> checkin_code;  // key: shift id
    Remote<AttendancePage> roster;     // key: shift id
    Remote<HourRecord> manual;
    ManualCheckOp manual_op;
    int64_t clock_ms = 0;       // the last Tick
    int64_t code_asked_ms = 0;  // when the code was last asked for (not more than every 2 s)
    bool ticking = false;       // WantTicks{1000} is on for the console
    // Queue (route Hours: id = project)
    Remote<AttendancePage> queue;      // key: "project|shift|status"; pages are appended
    Remote<bool> queue_more;           // the queue's next page (LoadMore on the queue's screen)
    Id hours_shift = 0;                // filter: 0 = every shift
    std::string hours_status = "pending";  // "pending" | "disputed" | "certified" | "rejected"
    Id history_open = 0;               // the record whose history is shown
    DecisionDraft decision;
    Remote<HourRecord> decide;
    Remote<CertifyAllResult> certify_all;
    // Certificate and verification
    Remote<Certificate> certificate;
    Remote<CertificateCheck> verification;  // key: serial
};

struct ApproveRecord { Id record_id = 0; };
struct OpenDecision { Id record_id = 0; std::string kind; };  // reject | adjust | correct | resolve
struct EditDecision { std::string resolve; std::string minutes; std::string reason; };
struct SubmitDecision {};
struct CloseDecision {};
struct CertifyShift { Id shift_id = 0; };
struct FilterHours { Id shift_id = 0; std::string status; };
struct ToggleHistory { Id record_id = 0; };
// attendance_id 0: check the volunteer in; else check that record out.
struct ManualCheck { Id volunteer_id = 0; Id attendance_id = 0; };
struct SaveCertificate {};

namespace certification {
void update(State& s, const ApproveRecord& a, Effects& out);
void update(State& s, const OpenDecision& a, Effects& out);
void update(State& s, const EditDecision& a, Effects& out);
void update(State& s, const SubmitDecision& a, Effects& out);
void update(State& s, const CloseDecision& a, Effects& out);
void update(State& s, const CertifyShift& a, Effects& out);
void update(State& s, const FilterHours& a, Effects& out);
void update(State& s, const ToggleHistory& a, Effects& out);
void update(State& s, const ManualCheck& a, Effects& out);
void update(State& s, const SaveCertificate& a, Effects& out);
void update(State& s, const LoadMore& a, Effects& out);  // the queue's next page
void update(State& s, const Tick& a, Effects& out);
// After every route change (navigation.cpp): ticks on for the console, off elsewhere.
void route_changed(State& s, Effects& out);

std::optional<HttpRequest> request_checkin_code(State& s);
std::optional<HttpRequest> request_roster(State& s);
std::optional<HttpRequest> request_queue(State& s);
std::optional<HttpRequest> request_more_records(State& s);
std::optional<HttpRequest> request_certificate(State& s);
std::optional<HttpRequest> request_verification(State& s);
std::string roster_key(const State& s);
std::string queue_key(const State& s);
void receive_manual(State& s, const Received& a, Effects& out);
void receive_more_records(State& s, const Received& a, Effects& out);
void receive_decide(State& s, const Received& a, Effects& out);
void receive_certify_all(State& s, const Received& a, Effects& out);
void receive_certificate(State& s, const Received& a, Effects& out);
}  // namespace certification

// The longest a record may be adjusted to: its shift's length in minutes (0 when unknown).
int64_t shift_minutes(const HourRecord& r);
// Field errors of a decision before it is sent: reason required (reason_required), minutes
// 1..shift length (minutes_range {max}).
std::vector<FieldError> validate_decision(const DecisionDraft& d, const HourRecord& r);
// Records bulk approval would approve: pending and without flags.
bool bulk_approvable(const HourRecord& r);
// The record of the queue with this id (nullptr when not there).
const HourRecord* queued_record(const State& s, Id id);
// Milliseconds from now_ms until the console's code expires (0 when expired or unknown).
int64_t code_ms_left(const State& s, int64_t now_ms);

}  // namespace zygc
