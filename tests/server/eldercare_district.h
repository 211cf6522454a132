// A generated 老帮老 district, shared by test_eldercare.cpp and tests/bench/eldercare_bench.cpp:
// communities ~600 m apart on a grid (the first six named), each person near their
// community's centre, walks of 200–1,300 m, few services and weekly slots each (so many pairs
// are infeasible), helpers with 1–3 places and some of them taken.
#pragma once
#include <random>
#include <string>
#include <vector>

#include "server/eldercare_match.h"

namespace zt {

inline const char* const kCommunities[] = {"东山社区", "西港社区", "建设大街社区", "文化里社区", "海阳社区", "白塔岭社区"};

inline void generate(std::mt19937& rng, int n_needs, int n_helpers, std::vector<zygc::server::eldercare::Need>& needs,
                     std::vector<zygc::server::eldercare::Helper>& helpers, int communities = 6) {
    namespace ec = zygc::server::eldercare;
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto bits = [&](int width, int count) {
        uint32_t b = 0;
        for (int i = 0; i < count; ++i) b |= 1u << pick(width);
        return b;
    };
    int side = 3;
    while (side * side < communities) ++side;
    auto name = [](int c) { return c < 6 ? std::string(kCommunities[c]) : "社区" + std::to_string(c); };
    auto place = [&](int c, double& lat, double& lng) {
        lat = 39.93 + (c / side) * 0.0055 + std::uniform_real_distribution<double>(-0.002, 0.002)(rng);
        lng = 119.60 + (c % side) * 0.007 + std::uniform_real_distribution<double>(-0.002, 0.002)(rng);
    };
    for (int i = 0; i < n_needs; ++i) {
        ec::Need n;
        n.id = 1000 + i;
        int c = pick(communities);
        n.community = name(c);
        place(c, n.lat, n.lng);
        n.services = bits(5, 1 + pick(2));
        n.slots = bits(14, 1 + pick(3));
        needs.push_back(n);
    }
    for (int i = 0; i < n_helpers; ++i) {
        ec::Helper h;
        h.id = 5000 + i;
        int c = pick(communities);
        h.community = name(c);
        place(c, h.lat, h.lng);
        h.walk_m = 200 + 100 * pick(12);
        h.abilities = bits(5, 1 + pick(3));
        h.slots = bits(14, 2 + pick(4));
        h.capacity = 1 + pick(3);
        h.load = pick(h.capacity + 1) / 2;
        helpers.push_back(h);
    }
}

}  // namespace zt
