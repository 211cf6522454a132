// A page of projects written without nlohmann's tree (routes_catalog_page_json.cpp) is the
// same text nlohmann's dump of the same page gives: generated pages with every optional part,
// escapes, control characters, CJK, emoji and floats, and text that is not UTF-8.
#include <catch2/catch.hpp>

#include <random>

#include "core/codec.h"
#include "server/http_util.h"
#include "server/routes_catalog_internal.h"

using namespace zygc;

namespace {

std::string through_nlohmann(const Page<Project>& page, bool estimated, const std::vector<int64_t>& distance_m) {
    nlohmann::json j = encode(page);
    j["total_estimated"] = estimated;
    for (size_t i = 0; i < distance_m.size(); ++i) j["items"][i]["distance_m"] = distance_m[i];
    return server::dump_json(j);
}

struct Gen {
    std::mt19937_64 rng;
    explicit Gen(uint64_t seed) : rng(seed) {}
    int64_t below(int64_t n) { return static_cast<int64_t>(rng() % static_cast<uint64_t>(n)); }
    std::string text(bool broken = false) {
        static const char* parts[] = {"志愿", "海港区", "a", "Z9", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
                                      "\x01", "\x1f", "\x7f", "é", "😀", "小候鸟", "<>&", "'", ""};
        std::string s;
        for (int64_t n = below(6); n > 0; --n) s += parts[below(sizeof parts / sizeof *parts)];
        if (broken) s.insert(static_cast<size_t>(below(static_cast<int64_t>(s.size()) + 1)), below(2) ? "\xff" : "\xe5\xbf");
        return s;
    }
    double coordinate() {
        static const double some[] = {39.9354, 119.6, 0.0, -0.5, 40.0, 1e-7, 123456.789, 39.93540000000001};
        return below(3) ? some[below(8)] : std::uniform_real_distribution<double>(-180, 180)(rng);
    }
    Shift shift() {
        return {below(1000) + 1, text(), text(), below(50), below(50)};
    }
    Project project(bool broken) {
        Project p;
        p.id = below(60000) + 1;
        p.title = text(broken && below(2));
        p.summary = text();
        if (below(4) == 0) p.description = text();
        p.category = text();
        if (below(2)) p.brand = text(broken && below(2));
        p.brand_name = text();
        p.team_id = below(5000);
        p.team_name = text();
        p.district_id = below(12);
        p.district_name = text();
        p.site = {text(), coordinate(), coordinate(), below(3000)};
        p.status = below(2) ? "open" : "closed";
        p.start = text();
        p.end = text();
        p.capacity = below(100000) - 5;
        p.signed_up = below(100);
        for (int64_t n = below(4) == 0 ? below(3) + 1 : 0; n > 0; --n) p.shifts.push_back(shift());
        if (below(2)) p.next_shift = shift();
        return p;
    }
};

}  // namespace

TEST_CASE("a page of projects written directly is nlohmann's text of it", "[catalog][json]") {
    Gen g(20261202);
    for (int round = 0; round < 3000; ++round) {
        const bool broken = round % 10 == 9;  // some pages hold text that is not UTF-8
        Page<Project> page;
        for (int64_t n = g.below(12); n > 0; --n) page.items.push_back(g.project(broken));
        if (g.below(2)) page.next_cursor = g.text();
        page.total = g.below(100000);
        const bool estimated = g.below(2);
        std::vector<int64_t> distances;
        if (g.below(3) == 0)
            for (size_t i = 0; i < page.items.size(); ++i) distances.push_back(g.below(50000));
        INFO("round " << round);
        REQUIRE(server::catalog::project_page_json(page, estimated, distances) ==
                through_nlohmann(page, estimated, distances));
    }
}
