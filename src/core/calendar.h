// The one calendar of the app and the server. Index:
//   civil dates ↔ days since 1970-01-01, weekdays, YYYY-MM-DD, YYYYMMDD
//   RFC 3339: parse to Unix seconds or to the wall time as written; format in +08:00
//   today (+08:00) from a Unix time
//   working days (China's public holidays and 调休 make-up days)
// The API speaks +08:00 (China Standard Time, no DST). Pure functions, no clock: callers
// pass the time in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zygc {

constexpr int64_t kCstOffsetSeconds = 8 * 3600;

// ---- civil dates ----
struct CivilDate {
    int year = 0, month = 0, day = 0;
    bool operator==(const CivilDate&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);              // month 1..12
bool valid_date(int year, int month, int day);       // a real Gregorian date, year ≥ 1
// Days since 1970-01-01 for a proleptic Gregorian date (no validation).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
CivilDate civil_from_days(int64_t days);
int weekday(int64_t days);  // 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday)

// "YYYY-MM-DD" → days since epoch; nullopt unless a real calendar date.
std::optional<int64_t> parse_date(std::string_view s);
std::string format_date(int64_t days);  // "2026-12-03"
std::string yyyymmdd(int64_t days);     // "20261203" (the form ID-card birth dates compare with)

// ---- RFC 3339 ----
// "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)" → Unix seconds; nullopt when malformed.
std::optional<int64_t> parse_rfc3339(std::string_view s);
// Unix seconds → "YYYY-MM-DDTHH:MM:SS+08:00".
std::string format_cst(int64_t unix_seconds);

// The wall time written in an RFC 3339 string (what the UI shows: the API speaks +08:00).
struct WallTime {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    int offset_minutes = 0;  // +08:00 → 480
    int weekday = 0;         // 0 = Sunday … 6 = Saturday
};
std::optional<WallTime> parse_wall(std::string_view rfc3339);
// "YYYY-MM-DD", or the date part of an RFC 3339 string (time fields 0).
std::optional<WallTime> parse_wall_date(std::string_view s);

// ---- today ----
// The date in +08:00 of a Unix time, as days since epoch.
int64_t cst_day(int64_t unix_seconds);
// Whole days the seed's shifts move so that they land after today (+08:00):
// max(0, today − generated_for). nullopt when generated_for is not a date.
std::optional<int64_t> seed_day_offset(std::string_view generated_for, int64_t now_unix);

// ---- working days ----
// Mainland China: Monday–Friday, minus public holidays, plus the weekend days that are
// worked instead (调休). Years outside the holiday table count as plain Mon–Fri.
bool is_working_day(int64_t days);
// The n-th working day after `days` (n ≥ 0; n = 0 is `days` itself). For "the 10th working
// day after a shift": add_working_days(shift_day, 10).
int64_t add_working_days(int64_t days, int n);

}  // namespace zygc
