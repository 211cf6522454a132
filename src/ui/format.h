// Pure text formatting for figures, dates and times (no ImGui). Chinese conventions:
// 万/亿 for large counts, "12月3日 周四 09:00–12:00" for shifts. Times are shown as the
// wall time written in the RFC 3339 string (the API speaks +08:00).
// TODO(lead): belongs in src/core (text); kept here until core provides it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zygc::fmt {

struct DateTime {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    int offset_minutes = 0;  // +08:00 → 480
    int weekday = 0;         // 0 = Sunday … 6 = Saturday
};

// "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)"; nullopt when malformed or not a real date.
std::optional<DateTime> parse_rfc3339(std::string_view s);
// "YYYY-MM-DD" (or the date part of an RFC 3339 string).
std::optional<DateTime> parse_date(std::string_view s);

// 9876 → "9876", 609000 → "60.9万", 25600000 → "2560万", 123456789 → "1.2亿".
std::string count(int64_t n);
// Service minutes as whole hours with 万/亿: 1536000000 → "2560万小时".
std::string hours_from_minutes(int64_t minutes);
// 19.6 → "19.6%".
std::string percent(double pct);

const char* weekday_zh(int weekday);            // 0 → "周日"
std::string date_zh(const DateTime& t);         // "12月3日 周四"
std::string time_hm(const DateTime& t);         // "09:00"
// "12月3日 周四 09:00–12:00"; a range over midnight repeats the date:
// "12月3日 周四 22:00–12月4日 周五 02:00". Unparseable input is shown as given.
std::string shift_range(std::string_view start, std::string_view end);
// The date of an RFC 3339 time or a YYYY-MM-DD date, "12月3日 周四"; "" when unparseable.
std::string date_of(std::string_view s);

// Every non-ASCII character these functions can produce (for glyph preloading).
const char* glyphs();

}  // namespace zygc::fmt
