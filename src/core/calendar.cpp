// The one calendar (calendar.h). Index:
// [SECTION] Civil dates
// [SECTION] RFC 3339
// [SECTION] Today
// [SECTION] Working days
#include "core/calendar.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace zygc {
namespace {

// Reads exactly n digits at s[i]; advances i.
bool digits(std::string_view s, size_t& i, int n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (int k = 0; k < n; ++k) {
        char c = s[i + k];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    i += n;
    return true;
}

bool expect(std::string_view s, size_t& i, char c) {
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    return true;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// "YYYY-MM-DD" at s[i], a real date; advances i.
bool read_date(std::string_view s, size_t& i, WallTime& t) {
    if (!digits(s, i, 4, t.year) || !expect(s, i, '-') || !digits(s, i, 2, t.month) || !expect(s, i, '-') ||
        !digits(s, i, 2, t.day))
        return false;
    if (!valid_date(t.year, t.month, t.day)) return false;
    t.weekday = weekday(days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)));
    return true;
}

bool is_time_separator(char c) { return c == 'T' || c == 't' || c == ' '; }

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Civil dates
//-----------------------------------------------------------------------------

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : k[m - 1];
}

bool valid_date(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate civil_from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    CivilDate c;
    c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    c.year = static_cast<int>(yy + (c.month <= 2));
    return c;
}

int weekday(int64_t days) {
    int64_t wd = (days + 4) % 7;  // 1970-01-01 was a Thursday
    return static_cast<int>(wd < 0 ? wd + 7 : wd);
}

std::optional<int64_t> parse_date(std::string_view s) {
    WallTime t;
    size_t i = 0;
    if (s.size() != 10 || !read_date(s, i, t)) return std::nullopt;
    return days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
}

std::string format_date(int64_t days) {
    CivilDate c = civil_from_days(days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

std::string yyyymmdd(int64_t days) {
    CivilDate c = civil_from_days(days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", c.year, c.month, c.day);
    return buf;
}

//-----------------------------------------------------------------------------
// [SECTION] RFC 3339
//-----------------------------------------------------------------------------

std::optional<WallTime> parse_wall_date(std::string_view s) {
    WallTime t;
    size_t i = 0;
    if (!read_date(s, i, t)) return std::nullopt;
    if (i != s.size() && !is_time_separator(s[i])) return std::nullopt;
    return t;
}

std::optional<WallTime> parse_wall(std::string_view s) {
    WallTime t;
    size_t i = 0;
    if (!read_date(s, i, t)) return std::nullopt;
    if (i >= s.size() || !is_time_separator(s[i])) return std::nullopt;
    ++i;
    if (!digits(s, i, 2, t.hour) || !expect(s, i, ':') || !digits(s, i, 2, t.minute)) return std::nullopt;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!digits(s, i, 2, t.second)) return std::nullopt;
        if (i < s.size() && s[i] == '.') {
            ++i;
            size_t from = i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
            if (i == from) return std::nullopt;
        }
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    if (i >= s.size()) return std::nullopt;  // the offset is required
    if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
    } else if (s[i] == '+' || s[i] == '-') {
        int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int oh = 0, om = 0;
        if (!digits(s, i, 2, oh) || !expect(s, i, ':') || !digits(s, i, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        t.offset_minutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return t;
}

std::optional<int64_t> parse_rfc3339(std::string_view s) {
    auto t = parse_wall(s);
    if (!t) return std::nullopt;
    int64_t day = days_from_civil(t->year, static_cast<unsigned>(t->month), static_cast<unsigned>(t->day));
    return day * 86400 + t->hour * 3600 + t->minute * 60 + t->second - int64_t{t->offset_minutes} * 60;
}

std::string format_cst(int64_t t) {
    int64_t local = t + kCstOffsetSeconds;
    int64_t days = floor_div(local, 86400);
    int64_t secs = local - days * 86400;
    CivilDate c = civil_from_days(days);
    if (c.year < 0 || c.year > 9999) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year, c.month, c.day,
                      static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
        return buf;
    }
    // The digits by hand: a page of projects formats ~60 of these, and snprintf's were 4 % of
    // the server's CPU under fresh pages (docs/benchmarks.md, fifteenth session).
    std::string out = "0000-00-00T00:00:00+08:00";
    auto two = [&](size_t at, int v) {
        out[at] = static_cast<char>('0' + v / 10);
        out[at + 1] = static_cast<char>('0' + v % 10);
    };
    two(0, c.year / 100);
    two(2, c.year % 100);
    two(5, c.month);
    two(8, c.day);
    two(11, static_cast<int>(secs / 3600));
    two(14, static_cast<int>(secs / 60 % 60));
    two(17, static_cast<int>(secs % 60));
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Today
//-----------------------------------------------------------------------------

int64_t cst_day(int64_t t) { return floor_div(t + kCstOffsetSeconds, 86400); }

std::optional<int64_t> seed_day_offset(std::string_view generated_for, int64_t now_unix) {
    auto base = parse_date(generated_for);
    if (!base) return std::nullopt;
    int64_t diff = cst_day(now_unix) - *base;
    return diff > 0 ? diff : 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Working days
//-----------------------------------------------------------------------------

namespace {

struct DayRange {
    int y, m, d, days;  // first day and how many
};

// 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 4 Nov 2025,
// https://www.gov.cn/ — published via 新华社 on 5 Nov 2025). Add each year's notice here
// when it is published (usually November of the year before).
const DayRange kHolidays[] = {
    {2026, 1, 1, 3},   // 元旦 1月1日–3日
    {2026, 2, 15, 9},  // 春节 2月15日–23日
    {2026, 4, 4, 3},   // 清明节 4月4日–6日
    {2026, 5, 1, 5},   // 劳动节 5月1日–5日
    {2026, 6, 19, 3},  // 端午节 6月19日–21日
    {2026, 9, 25, 3},  // 中秋节 9月25日–27日
    {2026, 10, 1, 7},  // 国庆节 10月1日–7日
};
// Weekend days worked instead (调休上班), same notice.
const DayRange kMakeUpDays[] = {
    {2026, 1, 4, 1},  {2026, 2, 14, 1}, {2026, 2, 28, 1}, {2026, 5, 9, 1},
    {2026, 9, 20, 1}, {2026, 10, 10, 1},
};

bool in(const DayRange* first, const DayRange* last, int64_t days) {
    return std::any_of(first, last, [&](const DayRange& r) {
        int64_t from = days_from_civil(r.y, static_cast<unsigned>(r.m), static_cast<unsigned>(r.d));
        return days >= from && days < from + r.days;
    });
}

}  // namespace

bool is_working_day(int64_t days) {
    if (in(std::begin(kMakeUpDays), std::end(kMakeUpDays), days)) return true;
    if (in(std::begin(kHolidays), std::end(kHolidays), days)) return false;
    int wd = weekday(days);
    return wd != 0 && wd != 6;
}

int64_t add_working_days(int64_t days, int n) {
    while (n > 0) {
        ++days;
        if (is_working_day(days)) --n;
    }
    return days;
}

}  // namespace zygc
