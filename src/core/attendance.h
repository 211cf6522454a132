// Attendance, the volunteer's side of hour tracking: my hours (GET /me/hours), the check-in
// flow of a shift (code, QR, location), check-out, the outbox that sends every check-in/out
// exactly once (outbox.h), asking for a correction (POST /hours/{id}/disputes), and the
// device answers it needs (Scanned, Located, Tick, the stored outbox).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/device.h"
#include "core/hours_model.h"
#include "core/message.h"
#include "core/model.h"
#include "core/outbox.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

// The check-in screen's flow for one shift.
struct CheckinFlow {
    Id shift_id = 0;
    std::string method;      // the way the volunteer chose: "code" | "qr" | "gps" ("" none yet)
    std::string code;        // the 6 digits being typed
    Message message;         // why the last attempt did not go (outside the radius, scanner refused, server's 4xx)
};

struct AttendanceSlice {
    Remote<MyHours> my_hours;         // 我的时长: the newest records, then older pages appended
    Remote<bool> hours_more;          // its next page (LoadMore on 我的时长)
    Remote<Project> checkin_project;  // the shift's project, for its site (radius, coordinates)
    CheckinFlow checkin;
    Outbox outbox;
    int64_t now_ms = 0;   // the last Tick (the wall clock as the platform last told it)
    int ticks_ms = 0;     // the tick interval asked for (0: none)
    // The device: scanner and location.
    bool scanning = false;
    bool locating = false;
    std::optional<Located> location;  // the last fix
    std::string locate_error;         // the last LocateFailed reason ("" none)
    // Asking for a correction: the record whose form is open and its reason.
    Id correction_record = 0;
    std::string correction_reason;
    Remote<HourRecord> dispute;
};

// ---- actions ----
struct StartCheckIn { Id shift_id = 0; std::string method; };  // "code" | "qr" | "gps"
struct EnterCode { std::string text; };
struct SubmitCode {};
struct UseLocation {};
struct ScanQr {};
struct CheckOut { Id shift_id = 0; };
struct EditCorrection { Id record_id = 0; std::string text; };  // record 0: close the form
struct RequestCorrection { Id record_id = 0; std::string reason; };
// The platform read durable storage at start (json "" when nothing was stored).
struct LoadedDurable { std::string key; std::string json; };
// The browser is online again: what waits in the outbox goes now, not after its backoff.
struct Online {};

// Where a volunteer stands with a shift, from the shift, my hours, the outbox, the clock and
// the last location: what the check-in screen explains before anything is tapped.
struct CheckinStatus {
    bool known = false;           // the sign-up (shift times) is loaded
    bool signed_up = false;
    std::string start, end;       // the shift
    std::string project_title;
    Id project_id = 0;
    bool can_check_in = false;
    bool can_check_out = false;
    bool pending_sync = false;    // an event of this shift waits in the outbox
    std::vector<Message> rules;   // window_opens_at, window_open_until, checked_in_at, …
    std::optional<int64_t> distance_m;  // from the site, from the last location
    int64_t radius_m = 0;
};
CheckinStatus checkin_status(const State& s, Id shift_id);

// Distance on the earth's surface in metres (haversine), as the server computes it.
double distance_m(double lat1, double lng1, double lat2, double lng2);
// "zygc:checkin:<shift>:<code>" → shift and code; nullopt for anything else.
struct QrCheckin { Id shift_id = 0; std::string code; };
std::optional<QrCheckin> parse_checkin_qr(std::string_view text);
// Check-in opens this long before the shift starts (the server's rule).
constexpr int64_t kWindowBeforeS = 30 * 60;

namespace attendance {
void update(State& s, const StartCheckIn& a, Effects& out);
void update(State& s, const EnterCode& a, Effects& out);
void update(State& s, const SubmitCode& a, Effects& out);
void update(State& s, const UseLocation& a, Effects& out);
void update(State& s, const ScanQr& a, Effects& out);
void update(State& s, const CheckOut& a, Effects& out);
void update(State& s, const EditCorrection& a, Effects& out);
void update(State& s, const RequestCorrection& a, Effects& out);
void update(State& s, const Scanned& a, Effects& out);
void update(State& s, const ScanFailed& a, Effects& out);
void update(State& s, const Located& a, Effects& out);
void update(State& s, const LocateFailed& a, Effects& out);
void update(State& s, const Tick& a, Effects& out);
void update(State& s, const LoadedDurable& a, Effects& out);
void update(State& s, const Online& a, Effects& out);
void update(State& s, const LoadMore& a, Effects& out);  // 我的时长's older records

std::optional<HttpRequest> request_my_hours(State& s);
std::optional<HttpRequest> request_more_hours(State& s);
void receive_more_hours(State& s, const Received& a, Effects& out);
std::optional<HttpRequest> request_checkin_project(State& s);
std::string checkin_project_key(const State& s);
void receive_outbox(State& s, const Received& a, Effects& out);
void receive_dispute(State& s, const Received& a, Effects& out);
void receive_checkin_project(State& s, const Received& a, Effects& out);
// Entering #/checkin/{shift}: a new flow, the clock ticking (the window counts down).
void enter_checkin(State& s, Effects& out);
// 我的时长 opened: what was loaded before is asked again (an organizer may have certified since).
void enter_my_hours(State& s, Effects& out);
}  // namespace attendance

}  // namespace zygc
