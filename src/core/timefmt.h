// Dates and times as the API speaks them: RFC 3339 with offset, rendered in +08:00
// (China Standard Time, no DST), and YYYY-MM-DD dates. Pure functions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zygc {

constexpr int64_t kCstOffsetSeconds = 8 * 3600;

// Days since 1970-01-01 for a proleptic Gregorian date (no validation).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

// "YYYY-MM-DD" → days since epoch; nullopt unless a real calendar date.
std::optional<int64_t> parse_date(std::string_view s);
std::string format_date(int64_t days);

// "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)" → Unix seconds; nullopt when malformed.
std::optional<int64_t> parse_rfc3339(std::string_view s);
// Unix seconds → "YYYY-MM-DDTHH:MM:SS+08:00".
std::string format_cst(int64_t unix_seconds);

// Today's date in +08:00 as days since epoch.
int64_t cst_day(int64_t unix_seconds);

// Whole days the seed's shifts move so that they land after today (+08:00):
// max(0, today − generated_for). nullopt when generated_for is not a date.
std::optional<int64_t> seed_day_offset(std::string_view generated_for, int64_t now_unix);

}  // namespace zygc
