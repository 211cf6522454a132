#include "core/format.h"

#include <cmath>
#include <cstdio>

namespace zygc::fmt {
namespace {

int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : k[m - 1];
}

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

bool read_date(std::string_view s, size_t& i, DateTime& t) {
    if (!digits(s, i, 4, t.year) || !expect(s, i, '-') || !digits(s, i, 2, t.month) || !expect(s, i, '-') ||
        !digits(s, i, 2, t.day))
        return false;
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month)) return false;
    int64_t wd = (days_from_civil(t.year, t.month, t.day) + 4) % 7;  // 1970-01-01 was a Thursday
    t.weekday = static_cast<int>(wd < 0 ? wd + 7 : wd);
    return true;
}

// One decimal, without a trailing ".0".
std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

}  // namespace

std::optional<DateTime> parse_date(std::string_view s) {
    DateTime t;
    size_t i = 0;
    if (!read_date(s, i, t)) return std::nullopt;
    if (i != s.size() && s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
    return t;
}

std::optional<DateTime> parse_rfc3339(std::string_view s) {
    DateTime t;
    size_t i = 0;
    if (!read_date(s, i, t)) return std::nullopt;
    if (i >= s.size() || (s[i] != 'T' && s[i] != 't' && s[i] != ' ')) return std::nullopt;
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
    if (i >= s.size()) return std::nullopt;
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

std::string count(int64_t n) {
    if (n < 0) return "-" + count(-n);
    if (n < 10000) return std::to_string(n);
    if (n < 100000000) {
        double wan = static_cast<double>(n) / 1e4;
        if (wan < 100) return one_decimal(wan) + "万";
        // Rounds to whole 万; 9999.5万 and up reads as 亿.
        double r = std::round(wan);
        if (r < 10000) return std::to_string(static_cast<int64_t>(r)) + "万";
    }
    return one_decimal(static_cast<double>(n) / 1e8) + "亿";
}

std::string hours_from_minutes(int64_t minutes) { return count(minutes / 60) + "小时"; }

std::string percent(double pct) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", pct);
    return buf;
}

const char* weekday_zh(int weekday) {
    static const char* k[7] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
    return k[((weekday % 7) + 7) % 7];
}

std::string date_zh(const DateTime& t) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d月%d日 %s", t.month, t.day, weekday_zh(t.weekday));
    return buf;
}

std::string time_hm(const DateTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

std::string shift_range(std::string_view start, std::string_view end) {
    auto a = parse_rfc3339(start);
    auto b = parse_rfc3339(end);
    if (!a) return std::string(start) + " – " + std::string(end);
    std::string out = date_zh(*a) + " " + time_hm(*a);
    if (!b) return out;
    out += "–";  // en dash
    if (b->year != a->year || b->month != a->month || b->day != a->day) out += date_zh(*b) + " ";
    out += time_hm(*b);
    return out;
}

std::string date_of(std::string_view s) {
    auto t = parse_date(s);
    return t ? date_zh(*t) : std::string();
}

const char* glyphs() { return "万亿小时月日周日周一周二周三周四周五周六–%"; }

}  // namespace zygc::fmt
