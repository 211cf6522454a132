// Figures, dates and times as the UI writes them, in the current language (strings.h's
// lang()). Chinese: 60.9万, "12月3日 周四 09:00–12:00"; English: 609k, "Thu 3 Dec 09:00–12:00".
// Times are shown as the wall time written in the RFC 3339 string (the API speaks +08:00).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.h"

namespace zygc::fmt {

// zh: 9876 → "9876", 609000 → "60.9万", 25600000 → "2560万", 123456789 → "1.2亿".
// en: 9876 → "9,876", 609000 → "609k", 25600000 → "25.6M", 1234567890 → "1.2B".
std::string count(int64_t n);
// Service minutes as whole hours: "2560万小时" / "25.6M hours".
std::string hours_from_minutes(int64_t minutes);
// 19.6 → "19.6%".
std::string percent(double pct);
// A list loaded in part: "共 120 条，已显示 50 条" / "120 records, 50 shown".
std::string shown_of(int64_t total, int64_t shown);

// "12月3日 周四" / "Thu 3 Dec"; a date in another year than today's (Beijing, the frame's clock)
// names it: "2027年10月27日 周三" / "Wed 27 Oct 2027".
std::string date(const WallTime& t);
// With its year, without the weekday, for records and documents: "2015年3月5日" / "5 Mar 2015".
std::string long_date(const WallTime& t);
std::string long_date_of(std::string_view s);  // of an RFC 3339 time or YYYY-MM-DD; "" when unparseable
std::string time_hm(const WallTime& t);  // "09:00"
// "12月3日 周四 09:00–12:00"; a range over midnight repeats the date:
// "12月3日 周四 22:00–12月4日 周五 02:00". Unparseable input is shown as given.
std::string shift_range(std::string_view start, std::string_view end);
// The date of an RFC 3339 time or a YYYY-MM-DD date; "" when unparseable.
std::string date_of(std::string_view s);
// The same written into `buf` (no allocation: list cards call it every frame); returns buf.
const char* date_of(std::string_view s, char* buf, size_t n);

// Every non-ASCII character these functions can produce (for glyph preloading).
const char* glyphs();

}  // namespace zygc::fmt
