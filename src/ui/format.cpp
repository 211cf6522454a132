#include "ui/format.h"

#include <cmath>
#include <cstdio>

#include "ui/context_internal.h"
#include "ui/strings.h"

namespace zygc::fmt {
namespace {

bool en() { return ui::lang() == ui::Lang::En; }

// One decimal, without a trailing ".0".
std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

// 万 (10⁴) and 亿 (10⁸).
std::string count_zh(int64_t n) {
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

// k (10³), M (10⁶), B (10⁹): three significant figures at most.
std::string count_en(int64_t n) {
    if (n < 10000) {
        std::string s = std::to_string(n);
        if (s.size() > 3) s.insert(s.size() - 3, ",");
        return s;
    }
    double v = static_cast<double>(n) / 1e3;
    const char* unit = "k";
    if (v >= 999.5) v = static_cast<double>(n) / 1e6, unit = "M";  // 999,999 reads as 1M, not 1000k
    if (v >= 999.5) v = static_cast<double>(n) / 1e9, unit = "B";
    return (v < 100 ? one_decimal(v) : std::to_string(static_cast<int64_t>(std::round(v)))) + unit;
}

}  // namespace

std::string count(int64_t n) {
    if (n < 0) return "-" + count(-n);
    return en() ? count_en(n) : count_zh(n);
}

std::string hours_from_minutes(int64_t minutes) { return count(minutes / 60) + (en() ? " hours" : "小时"); }

std::string percent(double pct) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", pct);
    return buf;
}

std::string shown_of(int64_t total, int64_t shown) {
    char buf[128];
    std::snprintf(buf, sizeof buf, ui::tr(ui::S::RecordsShownFmt), static_cast<long long>(total),
                  static_cast<long long>(shown));
    return buf;
}

namespace {
const char* const kMonthEn[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The year of today in Beijing, from the frame's clock; 0 outside a frame or while the clock
// is unknown (then no date names its year).
int this_year() {
    const ui::Context* c = ui::current_context();
    if (!c || c->viewport.now_ms <= 0) return 0;
    return civil_from_days(cst_day(static_cast<int64_t>(std::floor(c->viewport.now_ms / 1000.0)))).year;
}

void write_date(const WallTime& t, char* buf, size_t n) {
    static const char* kWeekZh[7] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
    static const char* kWeekEn[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    const int wd = ((t.weekday % 7) + 7) % 7, year = this_year();
    const bool other_year = year != 0 && t.year != year;
    if (en() && other_year)
        std::snprintf(buf, n, "%s %d %s %d", kWeekEn[wd], t.day, kMonthEn[(t.month + 11) % 12], t.year);
    else if (en())
        std::snprintf(buf, n, "%s %d %s", kWeekEn[wd], t.day, kMonthEn[(t.month + 11) % 12]);
    else if (other_year)
        std::snprintf(buf, n, "%d年%d月%d日 %s", t.year, t.month, t.day, kWeekZh[wd]);
    else
        std::snprintf(buf, n, "%d月%d日 %s", t.month, t.day, kWeekZh[wd]);
}
}  // namespace

std::string date(const WallTime& t) {
    char buf[48];
    write_date(t, buf, sizeof buf);
    return buf;
}

std::string long_date(const WallTime& t) {
    char buf[48];
    if (en())
        std::snprintf(buf, sizeof buf, "%d %s %d", t.day, kMonthEn[(t.month + 11) % 12], t.year);
    else
        std::snprintf(buf, sizeof buf, "%d年%d月%d日", t.year, t.month, t.day);
    return buf;
}

std::string long_date_of(std::string_view s) {
    auto t = parse_wall_date(s);
    return t ? long_date(*t) : std::string();
}

std::string time_hm(const WallTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

std::string shift_range(std::string_view start, std::string_view end) {
    auto a = parse_wall(start);
    auto b = parse_wall(end);
    if (!a) return std::string(start) + " – " + std::string(end);
    std::string out = date(*a) + " " + time_hm(*a);
    if (!b) return out;
    out += "–";  // en dash
    if (b->year != a->year || b->month != a->month || b->day != a->day) out += date(*b) + " ";
    out += time_hm(*b);
    return out;
}

std::string date_of(std::string_view s) {
    auto t = parse_wall_date(s);
    return t ? date(*t) : std::string();
}

const char* date_of(std::string_view s, char* buf, size_t n) {
    if (n) *buf = 0;
    if (auto t = parse_wall_date(s); t && n) write_date(*t, buf, n);
    return buf;
}

const char* glyphs() { return "万亿小时年月日周日周一周二周三周四周五周六–%"; }

}  // namespace zygc::fmt
