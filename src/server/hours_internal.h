// Internal to hour tracking's server files: what hours_common.cpp shares with
// routes_attendance.cpp (check-in/out, the organizer's code) and routes_hours.cpp (时长认定,
// corrections, disputes, 我的时长). Not for other features: they use server/hours.h.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/hours_codec.h"
#include "core/utf8.h"
#include "server/crypto.h"
#include "server/hours.h"
#include "server/mutation.h"

namespace zygc::server::hours {

inline constexpr int64_t kWindowBefore = 30 * 60;    // check-in opens 30 min before the start
inline constexpr int64_t kOfflineAfter = 120;        // client_time older than this: an offline event
inline constexpr int64_t kOfflineMaxAge = 24 * 3600;  // offline events older than this are refused
inline constexpr int64_t kCodeLife = 60;             // a check-in code lives one 60 s window
inline constexpr int64_t kCodeGrace = 15;            // the previous code still counts this long
inline constexpr int64_t kCodeExpiredWindows = 30;   // older codes (30 min) answer code_expired
inline constexpr int64_t kDayLimitMinutes = 12 * 60;  // over_12h flag
inline constexpr size_t kMaxReason = 500;

Reply not_found_reply(const char* resource);
Reply not_team_leader(Id team);

// The record's flags, a JSON array of strings in attendance.flags.
std::vector<std::string> parse_flags(const std::string& text);
void add_flag(std::vector<std::string>& flags, const char* f);
void drop_flag(std::vector<std::string>& flags, const char* f);
std::string flags_text(const std::vector<std::string>& flags);

struct ShiftInfo {
    Id id = 0, project = 0, team = 0;
    int64_t start = 0, end = 0;
    std::string title, team_name;
    double lat = 0, lng = 0;
    int64_t radius_m = 0;
    int64_t length_min() const { return (end - start) / 60; }
};


// 1 found, 0 none, -1 database error (logged).
int load_shift(Db& db, Id id, ShiftInfo& out);
// Whole minutes of [in, out) inside the shift, rounded to the nearest.
int64_t clamp_minutes(int64_t in, int64_t out, const ShiftInfo& sh);
// Appends to attendance_history (who, when, before, after, why).
bool add_history(App& app, Id record, Id actor, const char* action, const json& before, const json& after,
                 const std::optional<std::string>& reason);
// Minutes of the volunteer's other live records whose check-in falls on `day` (+08:00).
std::optional<int64_t> day_minutes(App& app, Id user, Id except, int64_t day);
// The title of another live record of the volunteer whose time overlaps [in, out).
std::optional<std::string> overlapping(App& app, Id user, Id except, int64_t in, int64_t out, bool& failed);

std::optional<Id> opt_id(const Stmt& st, int c);
// Records with history and disputes, `where` appended to the record select.
bool load_records(Db& db, int64_t now, const std::string& where, const std::vector<SqlValue>& args,
                  std::vector<HourRecord>& out);
Reply record_reply(App& app, Id id, int status);
Reply decode_problem(const DecodeError& e);

// One attendance row as the rules need it (not the API's HourRecord).
struct RecordRow {
    Id id = 0, user = 0, shift = 0, team = 0;
    int64_t check_in = 0;
    std::optional<int64_t> check_out;
    int64_t minutes = 0;
    std::string status, flags;
    bool certified = false;
    std::optional<Id> corrected_by, corrects;
    bool has_checkout_event = false;
};

// 1 found, 0 none, -1 database error (logged).
int load_row(App& app, Id id, RecordRow& r);

// routes_attendance.cpp's routes, registered by register_hours_routes in the order they had.
void register_attendance_routes(App& app);   // POST /attendance/check-in, /attendance/check-out
void register_checkin_code_route(App& app);  // GET /projects/{id}/checkin-code

}  // namespace zygc::server::hours
