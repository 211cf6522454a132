// The fast decode path (core/codec_stream.h, core/json_reader.h) against the old one
// (nlohmann's tree, then decode_json): on generated pages — keys in any order, unknown fields,
// escapes of every kind, missing and null optional fields, odd whitespace and numbers — and
// on those pages broken in every way a byte can break them, decode<T>() must give exactly what
// the old path gives: the same value field for field, or the same error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

#include "core/codec.h"
#include "core/codec_stream.h"
#include "core/json_guard.h"

using namespace zygc;
using nlohmann::json;

namespace {

// The old path, as decode<T>() was before the fast one: guard, nlohmann's tree, decode_json.
template <class T>
Decoded<T> old_decode(std::string_view text) {
    switch (json_guard(text)) {
    case JsonGuard::Ok: break;
    case JsonGuard::TooDeep: return {T{}, DecodeError{"", "nested too deeply"}};
    case JsonGuard::TooLarge: return {T{}, DecodeError{"", "too large"}};
    }
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return {T{}, DecodeError{"", "not valid JSON"}};
    return decode_json<T>(j);
}

// Every field of a value, as JSON (null and "" kept apart; doubles printed exactly), so two
// values compare field for field and a difference shows where it is.
json all(int64_t v) { return v; }
json all(int v) { return v; }
json all(double v) { return v; }
json all(const std::string& v) { return v; }
json all(const std::optional<std::string>& v) { return v ? json(*v) : json(); }
json all(const Shift& v);
json all(const Project& v);
json all(const BrandStat& v);
json all(const Brand& v);
json all(const Team& v);
json all(const Signup& v);
json all(const District& v);
json all(const DistrictStats& v);
json all(const DashDistrict& v);
json all(const DashMonth& v);
json all(const Param& v);
json all(const FieldError& v);
template <class T>
json all(const std::vector<T>& v) {
    json a = json::array();
    for (const auto& x : v) a.push_back(all(x));
    return a;
}
json all(const Site& v) { return {all(v.name), all(v.lat), all(v.lng), all(v.radius_m)}; }
json all(const Shift& v) { return {all(v.id), all(v.start), all(v.end), all(v.capacity), all(v.signed_up)}; }
json all(const Project& v) {
    return {all(v.id),          all(v.title),     all(v.summary),  all(v.description),   all(v.category),
            all(v.brand),       all(v.brand_name), all(v.team_id), all(v.team_name),     all(v.district_id),
            all(v.district_name), all(v.site),    all(v.status),   all(v.start),         all(v.end),
            all(v.capacity),    all(v.signed_up), all(v.shifts),   all(v.next_shift)};
}
json all(const BrandStat& v) { return {all(v.label), all(v.value)}; }
json all(const Brand& v) {
    return {all(v.slug),  all(v.name),      all(v.owner_org), all(v.summary),       all(v.story),   all(v.highlights),
            all(v.awards), all(v.stats),    all(v.cover_url), all(v.project_count), all(v.projects),
            all(v.cover_widths)};
}
json all(const Team& v) {
    return {all(v.id),           all(v.name),         all(v.org),           all(v.district_id),
            all(v.district_name), all(v.leader_name), all(v.member_count), all(v.project_count),
            all(v.summary),      all(v.founded),      all(v.projects)};
}
json all(const Signup& v) {
    return {all(v.id),    all(v.shift_id), all(v.project_id), all(v.project_title), all(v.start),
            all(v.end),   all(v.site_name), all(v.status),    all(v.created_at)};
}
json all(const District& v) { return {all(v.id), all(v.name), all(v.population)}; }
json all(const DistrictStats& v) {
    return {all(v.district_id), all(v.name), all(v.population), all(v.registered_volunteers), all(v.service_minutes)};
}
json all(const CityStats& v) {
    return {all(v.registered_volunteers), all(v.resident_population), all(v.share_of_population_pct), all(v.teams),
            all(v.projects), all(v.service_minutes), all(v.by_district)};
}
json all(const DashDistrict& v) {
    return {all(v.district_id), all(v.name),  all(v.population), all(v.registered_volunteers), all(v.teams),
            all(v.projects),    all(v.service_minutes), all(v.pairs), all(v.visits), all(v.help_requests)};
}
json all(const DashMonth& v) {
    return {all(v.month), all(v.service_minutes), all(v.visits), all(v.pairs), all(v.new_volunteers),
            all(v.help_requests)};
}
json all(const CityDashboard& v) {
    return {all(v.registered_volunteers), all(v.resident_population), all(v.share_of_population_pct),
            all(v.teams), all(v.projects), all(v.service_minutes), all(v.eldercare_pairs), all(v.eldercare_visits),
            all(v.help_requests), all(v.computed_at), all(v.by_district), all(v.by_month)};
}
json all(const Param& v) { return {all(v.name), all(v.value)}; }
json all(const FieldError& v) { return {all(v.field), all(v.message), all(v.code), all(v.params)}; }
json all(const Problem& v) {
    return {all(v.type), all(v.title), all(v.status), all(v.detail), all(v.errors), all(v.code), all(v.params)};
}
template <class T>
json all(const Page<T>& v) {
    return {all(v.items), all(v.next_cursor), all(v.total)};
}

// ---------------------------------------------------------------------------
// A writer of random but valid JSON for the model's shapes.
// ---------------------------------------------------------------------------
struct Writer {
    std::mt19937& rng;
    std::string out;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

    void space() {
        static const char* const kSpaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
        out += kSpaces[pick(7)];
    }

    // Code points of every width, and the characters JSON must escape.
    std::string text() {
        static const char* const kPieces[] = {"志", "愿", "港", "城", "秦皇岛", "a", "Z", "0", " ", "é", "😀", "𠀀",
                                              "\"", "\\", "/", "\n", "\t", "\x01", "\x1f", "\x7f", "·", "—"};
        std::string s;
        const int n = pick(12);
        for (int i = 0; i < n; ++i) s += kPieces[pick(sizeof kPieces / sizeof *kPieces)];
        return s;
    }

    void hex4(uint32_t v) {
        char buf[8];
        std::snprintf(buf, sizeof buf, pick(2) ? "\\u%04x" : "\\u%04X", v);
        out += buf;
    }

    void string(const std::string& s) {
        out += '"';
        for (size_t i = 0; i < s.size();) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
            for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
            const bool must = c == '"' || c == '\\' || c < 0x20;
            if (must || pick(5) == 0) {
                if (c == '"') out += "\\\"";
                else if (c == '\\') out += "\\\\";
                else if (c == '\n' && pick(2)) out += "\\n";
                else if (c == '\t' && pick(2)) out += "\\t";
                else if (c == '/' && pick(2)) out += "\\/";
                else if (cp >= 0x10000) {
                    hex4(0xD800 + ((cp - 0x10000) >> 10));
                    hex4(0xDC00 + ((cp - 0x10000) & 0x3FF));
                } else hex4(cp);
            } else {
                out.append(s, i, len);
            }
            i += len;
        }
        out += '"';
    }

    void integer(int64_t v) { out += std::to_string(v); }

    int64_t some_integer() {
        switch (pick(6)) {
        case 0: return 0;
        case 1: return -pick(1000);
        case 2: return INT64_MAX - pick(3);
        case 3: return INT64_MIN + pick(3);
        default: return pick(100000);
        }
    }

    void real() {
        char buf[40];
        const double v = std::uniform_real_distribution<double>(-180, 180)(rng);
        switch (pick(5)) {
        case 0: std::snprintf(buf, sizeof buf, "%.17g", v); break;
        case 1: std::snprintf(buf, sizeof buf, "%.4f", v); break;
        case 2: std::snprintf(buf, sizeof buf, "%.6e", v); break;
        case 3: std::snprintf(buf, sizeof buf, "%d", pick(200) - 100); break;
        default: std::snprintf(buf, sizeof buf, "%.3E", v * 1e-300); break;
        }
        out += buf;
    }

    // Any JSON value, for the fields the app does not know.
    void unknown(int depth) {
        switch (pick(depth > 2 ? 6 : 8)) {
        case 0: out += "null"; break;
        case 1: out += pick(2) ? "true" : "false"; break;
        case 2: string(text()); break;
        case 3: real(); break;
        case 4: out += pick(2) ? "123456789012345678901234567890" : "-0"; break;
        case 5: out += pick(2) ? "1e308" : "18446744073709551615"; break;
        case 6: {
            out += '[';
            const int n = pick(4);
            for (int i = 0; i < n; ++i) {
                if (i) out += ',';
                space();
                unknown(depth + 1);
            }
            space();
            out += ']';
            break;
        }
        default: {
            std::vector<std::pair<std::string, std::function<void()>>> fields;
            const int n = pick(4);
            for (int i = 0; i < n; ++i) fields.push_back({"k" + text(), [this, depth] { unknown(depth + 1); }});
            object(std::move(fields), false);
        }
        }
    }

    using Field = std::pair<std::string, std::function<void()>>;

    // The fields in a random order, with unknown ones among them.
    void object(std::vector<Field> fields, bool extras = true) {
        if (extras)
            for (int i = pick(3); i > 0; --i)  // names no struct has, none twice
                fields.push_back({"x" + std::to_string(i) + (pick(2) ? text() : ""), [this] { unknown(0); }});
        std::shuffle(fields.begin(), fields.end(), rng);
        out += '{';
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i) out += ',';
            space();
            string(fields[i].first);
            space();
            out += ':';
            space();
            fields[i].second();
        }
        space();
        out += '}';
    }

    template <class F>
    void array(int n, F item) {
        out += '[';
        for (int i = 0; i < n; ++i) {
            if (i) out += ',';
            space();
            item();
        }
        space();
        out += ']';
    }

    // An optional field: left out, null, or there.
    void maybe(std::vector<Field>& fields, const char* key, std::function<void()> value) {
        const int p = pick(6);
        if (p == 0) return;
        if (p == 1) fields.push_back({key, [this] { out += "null"; }});
        else fields.push_back({key, std::move(value)});
    }

    std::function<void()> str() { return [this] { string(text()); }; }
    std::function<void()> num() { return [this] { integer(some_integer()); }; }

    void site() {
        object({{"name", str()}, {"lat", [this] { real(); }}, {"lng", [this] { real(); }}, {"radius_m", num()}});
    }
    void shift() {
        object({{"id", num()}, {"start", str()}, {"end", str()}, {"capacity", num()}, {"signed_up", num()}});
    }
    void project(bool detail) {
        std::vector<Field> f = {{"id", num()},          {"title", str()},       {"category", str()},
                                {"team_id", num()},     {"district_id", num()}, {"site", [this] { site(); }},
                                {"status", str()}};
        maybe(f, "summary", str());
        if (detail) maybe(f, "description", str());
        if (pick(4)) f.push_back({"brand", pick(3) ? str() : std::function<void()>([this] { out += "null"; })});
        maybe(f, "brand_name", str());
        maybe(f, "team_name", str());
        maybe(f, "district_name", str());
        maybe(f, "start", str());
        maybe(f, "end", str());
        maybe(f, "capacity", num());
        maybe(f, "signed_up", num());
        if (detail) maybe(f, "shifts", [this] { array(pick(4), [this] { shift(); }); });
        maybe(f, "next_shift", [this] { shift(); });
        object(std::move(f));
    }
    void team() {
        std::vector<Field> f = {{"id", num()}, {"name", str()}, {"district_id", num()}};
        for (const char* k : {"org", "district_name", "leader_name", "summary", "founded"}) maybe(f, k, str());
        maybe(f, "member_count", num());
        maybe(f, "project_count", num());
        maybe(f, "projects", [this] { array(pick(3), [this] { project(false); }); });
        object(std::move(f));
    }
    void brand() {
        std::vector<Field> f = {{"slug", str()}, {"name", str()}, {"owner_org", str()}};
        for (const char* k : {"summary", "story", "cover_url"}) maybe(f, k, str());
        maybe(f, "highlights", [this] { array(pick(3), [this] { string(text()); }); });
        maybe(f, "awards", [this] { array(pick(3), [this] { string(text()); }); });
        maybe(f, "stats", [this] {
            array(pick(3), [this] { object({{"label", str()}, {"value", str()}}); });
        });
        maybe(f, "project_count", num());
        maybe(f, "projects", [this] { array(pick(3), [this] { project(false); }); });
        maybe(f, "cover_widths", [this] { array(pick(4), [this] { integer(480 * (1 + pick(3))); }); });
        object(std::move(f));
    }
    void signup() {
        std::vector<Field> f = {{"id", num()},    {"shift_id", num()}, {"project_id", num()},
                                {"start", str()}, {"end", str()},      {"status", str()}};
        for (const char* k : {"project_title", "site_name", "created_at"}) maybe(f, k, str());
        object(std::move(f));
    }
    void city_stats() {
        std::vector<Field> f = {{"registered_volunteers", num()}, {"resident_population", num()},
                                {"share_of_population_pct", [this] { real(); }}, {"teams", num()},
                                {"projects", num()}, {"service_minutes", num()}};
        maybe(f, "by_district", [this] {
            array(pick(4), [this] {
                object({{"district_id", num()}, {"name", str()}, {"population", num()},
                        {"registered_volunteers", num()}, {"service_minutes", num()}});
            });
        });
        object(std::move(f));
    }
    void dashboard() {
        std::vector<Field> f = {{"registered_volunteers", num()}, {"resident_population", num()},
                                {"share_of_population_pct", [this] { real(); }}, {"teams", num()},
                                {"projects", num()}, {"service_minutes", num()}, {"eldercare_pairs", num()},
                                {"eldercare_visits", num()}};
        maybe(f, "help_requests", num());
        maybe(f, "computed_at", str());
        f.push_back({"by_district", [this] {
                         array(pick(4), [this] {
                             std::vector<Field> d = {{"district_id", num()}, {"name", str()},
                                                     {"registered_volunteers", num()}, {"service_minutes", num()}};
                             for (const char* k : {"population", "teams", "projects", "eldercare_pairs",
                                                   "eldercare_visits", "help_requests"})
                                 maybe(d, k, num());
                             object(std::move(d));
                         });
                     }});
        f.push_back({"by_month", [this] {
                         array(pick(4), [this] {
                             std::vector<Field> m = {{"month", str()}, {"service_minutes", num()}};
                             for (const char* k : {"eldercare_visits", "eldercare_pairs", "new_volunteers", "help_requests"})
                                 maybe(m, k, num());
                             object(std::move(m));
                         });
                     }});
        object(std::move(f));
    }
    // A problem without errors or params (those are left to the slow path); status as HTTP's.
    void problem() {
        std::vector<Field> f = {{"title", str()}, {"status", [this] { integer(400 + pick(200)); }}};
        for (const char* k : {"type", "detail", "code"}) maybe(f, k, str());
        if (pick(3) == 0) f.push_back({pick(2) ? "errors" : "params", [this] { out += "null"; }});
        object(std::move(f));
    }
    template <class F>
    void page(F item) {
        std::vector<Field> f = {{"items", [this, item] { array(pick(6), item); }}, {"total", num()}};
        if (pick(4)) f.push_back({"next_cursor", pick(3) ? str() : std::function<void()>([this] { out += "null"; })});
        space();
        object(std::move(f));
        space();
    }
};

template <class T>
void same_as_old(const std::string& text) {
    INFO("text: " << text);
    const Decoded<T> now = decode<T>(text);
    const Decoded<T> old = old_decode<T>(text);
    REQUIRE(now.ok() == old.ok());
    if (old.ok()) CHECK(all(now.value).dump() == all(old.value).dump());
    else CHECK(now.error->to_string() == old.error->to_string());
}

// Broken copies of a valid text: cut short, a byte dropped, a byte put in or changed.
std::vector<std::string> broken(const std::string& text, std::mt19937& rng, int n) {
    static const char kBytes[] = {'"', '\\', '{', '}', '[', ']', ':', ',', '\0', '\x1f', '\x80', '\xc0', '\xed',
                                  '\xf5', '\xff', 'e', '.', '-', '0', 'u', 'n', ' ', '1'};
    std::vector<std::string> out;
    auto at = [&](size_t size) { return std::uniform_int_distribution<size_t>(0, size - 1)(rng); };
    for (int i = 0; i < n && !text.empty(); ++i) {
        std::string t = text;
        const size_t pos = at(t.size());
        const char b = kBytes[at(sizeof kBytes)];
        switch (i % 4) {
        case 0: t.resize(pos); break;
        case 1: t.erase(pos, 1); break;
        case 2: t.insert(t.begin() + static_cast<ptrdiff_t>(pos), b); break;
        default: t[pos] = b; break;
        }
        out.push_back(std::move(t));
    }
    return out;
}

template <class T, class Write>
void check_generated(uint32_t seed, Write write) {
    std::mt19937 rng(seed);
    for (int round = 0; round < 150; ++round) {
        Writer w{rng, {}};
        write(w);
        T fast;
        INFO("text: " << w.out);
        REQUIRE(stream::read_document(w.out, fast));  // a valid page takes the fast path
        same_as_old<T>(w.out);
        for (const std::string& t : broken(w.out, rng, 12)) same_as_old<T>(t);
    }
}

}  // namespace

TEST_CASE("fast decode equals the old path on generated pages and their broken copies", "[codec][stream]") {
    check_generated<Page<Project>>(1, [](Writer& w) { w.page([&w] { w.project(false); }); });
    check_generated<Project>(2, [](Writer& w) { w.project(true); });
    check_generated<Page<Team>>(3, [](Writer& w) { w.page([&w] { w.team(); }); });
    check_generated<Team>(4, [](Writer& w) { w.team(); });
    check_generated<std::vector<Brand>>(5, [](Writer& w) { w.array(w.pick(4), [&w] { w.brand(); }); });
    check_generated<Brand>(6, [](Writer& w) { w.brand(); });
    check_generated<Page<Signup>>(7, [](Writer& w) { w.page([&w] { w.signup(); }); });
    check_generated<std::vector<Signup>>(8, [](Writer& w) { w.array(w.pick(5), [&w] { w.signup(); }); });
    check_generated<std::vector<District>>(12, [](Writer& w) {
        w.array(w.pick(5), [&w] { w.object({{"id", w.num()}, {"name", w.str()}, {"population", w.num()}}); });
    });
    check_generated<CityStats>(9, [](Writer& w) { w.city_stats(); });
    check_generated<CityDashboard>(10, [](Writer& w) { w.dashboard(); });
    check_generated<Problem>(11, [](Writer& w) { w.problem(); });
}

TEST_CASE("a problem with errors or params is left to the old path, which reads them", "[codec][stream]") {
    for (const char* text : {
             R"({"title":"Invalid","status":422,"errors":[{"field":"phone","message":"bad","code":"phone_invalid"}]})",
             R"({"title":"Too many","status":429,"code":"rate_limited","params":{"seconds":30}})",
             R"({"title":"Invalid","status":422,"errors":[{"message":"bad","params":{"max":5}}],"params":{}})"}) {
        INFO(text);
        Problem fast;
        CHECK_FALSE(stream::read_document(text, fast));
        const Decoded<Problem> now = decode<Problem>(text);
        REQUIRE(now.ok());
        CHECK(all(now.value).dump() == all(old_decode<Problem>(text).value).dump());
        CHECK((now.value.errors.size() + now.value.params.size()) > 0);
    }
}

TEST_CASE("fast decode unescapes strings as nlohmann does", "[codec][stream]") {
    auto title = [](const std::string& escaped) {
        const std::string text = R"({"id":1,"title":")" + escaped +
                                 R"(","category":"c","team_id":1,"district_id":1,"status":"open",)"
                                 R"("site":{"name":"s","lat":1,"lng":2.5,"radius_m":3}})";
        Project p;
        REQUIRE(stream::read_document(text, p));
        same_as_old<Project>(text);
        return p.title;
    };
    CHECK(title(R"(\u5fd7\u613F)") == "志愿");
    CHECK(title(R"(\ud83d\ude00)") == "😀");
    CHECK(title(R"(\uD840\uDC00)") == "𠀀");
    CHECK(title(R"(\u00e9 é)") == "é é");
    CHECK(title(R"(a\/b\\c\"d\b\f\n\r\t)") == "a/b\\c\"d\b\f\n\r\t");
    CHECK(title(R"(\u0000x)") == std::string("\0x", 2));
    CHECK(title("港城·\x7f") == "港城·\x7f");
}

TEST_CASE("fast decode refuses what nlohmann refuses, and the old error is reported", "[codec][stream]") {
    const std::string head = R"({"items":[{"id":1,"title":)";
    const std::string tail = R"(,"category":"c","team_id":1,"district_id":1,"status":"open",)"
                             R"("site":{"name":"s","lat":1,"lng":2,"radius_m":3}}],"total":1})";
    // Each a whole document the fast path must say no to; decode<T>() then gives the old answer.
    const std::vector<std::string> refused = {
        head + R"("\ud83d")" + tail,              // a high surrogate alone
        head + R"("\ud83dx")" + tail,             // … followed by a character
        head + R"("\ud83d\u0041")" + tail,        // … followed by a non-surrogate escape
        head + R"("\ude00")" + tail,              // a low surrogate alone
        head + R"("\u12")" + tail,                // too few hex digits
        head + R"("\x")" + tail,                  // an unknown escape
        head + "\"\xc0\xaf\"" + tail,             // an overlong '/'
        head + "\"\xed\xa0\x80\"" + tail,         // an encoded surrogate
        head + "\"\xf4\x90\x80\x80\"" + tail,     // past U+10FFFF
        head + "\"\xe5\xbf\"" + tail,             // a sequence cut short
        head + "\"a\tb\"" + tail,                 // a raw control character
        head + "\"t\"" + tail + " x",             // something after the document
        "\xef\xbb\xbf" + head + "\"t\"" + tail,   // a byte-order mark (nlohmann skips it)
        head + R"("t","zz":1e999)" + tail,        // an unknown number that overflows
        head + R"("t","zz":01)" + tail,           // a leading zero
        head + R"("t","zz":1.)" + tail,           // a fraction without digits
        head + R"("t","zz":-)" + tail,            // a sign alone
        head + R"("t","zz":tru)" + tail,          // a cut literal
        head + R"("t","zz":[1,])" + tail,         // a trailing comma
        head + R"("t","zz":{"a" 1})" + tail,      // a missing colon
        head + R"("t","title":"u")" + tail,       // a key twice (nlohmann keeps the last)
        head + R"(7)" + tail,                     // a number where a string belongs
        head + R"(null)" + tail,                  // a required field null
        R"({"items":[{"id":1.0,"title":"t")" + tail,                          // 1.0 is not an integer
        R"({"items":[{"id":9223372036854775808,"title":"t")" + tail,          // past int64
        R"({"items":[{"title":"t")" + tail,                                   // a required field missing
        R"({"items":[{"id":1,"title":"t","zz":)" + std::string(70, '[') + std::string(70, ']') + tail,  // too deep
        R"({"items":{},"total":1})",
        "[]",
        "",
        "   ",
    };
    for (const std::string& text : refused) {
        INFO("text: " << text);
        Page<Project> p;
        CHECK_FALSE(stream::read_document(text, p));
        same_as_old<Page<Project>>(text);
    }
    // The old path's words, unchanged.
    CHECK(decode<Page<Project>>(head + R"(7)" + tail).error->to_string() == "items[0].title: expected string");
    CHECK(decode<Page<Project>>(R"({"items":[{"title":"t")" + tail).error->to_string() == "items[0].id: missing");
    CHECK(decode<Page<Project>>(head + R"("\ude00")" + tail).error->to_string() == "not valid JSON");
}

TEST_CASE("fast decode reads numbers as nlohmann does", "[codec][stream]") {
    for (const char* lat : {"0", "-0", "-0.0", "39.9354", "1e2", "1E-2", "-1.5e+3", "2.2250738585072014e-308",
                            "4.9e-324", "1e-400", "123456789", "-9223372036854775808", "0.1000000000000000055511151231257827"}) {
        const std::string text = std::string(R"({"name":"s","radius_m":-9223372036854775808,"lng":1,"lat":)") + lat + "}";
        INFO("lat: " << lat);
        // Site has no decode<T> of its own: read it inside a project.
        const std::string project = R"({"id":9223372036854775807,"title":"t","category":"c","team_id":-1,)"
                                    R"("district_id":0,"status":"s","site":)" + text + "}";
        Project p;
        REQUIRE(stream::read_document(project, p));
        same_as_old<Project>(project);
    }
}
