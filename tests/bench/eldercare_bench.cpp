// 老帮老 pairing at a district's size (issue 13 at city scale): the time of the global
// assignment GET /eldercare/matches computes (eldercare::assign), beside the greedy baseline,
// for districts of growing size. Figures only; scripts/bench builds and runs it.
//   build/native/tests/eldercare_bench [needs helpers communities]…
// A district as the tests make one (tests/server/eldercare_district.h), with more communities.
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>

#include "../server/eldercare_district.h"
#include "server/eldercare_match.h"

namespace ec = zygc::server::eldercare;

namespace {

// Σ score − the load penalties: what the assignment maximizes once the most needs are met.
long net(const std::vector<ec::Suggestion>& chosen) {
    long total = 0;
    std::map<ec::Id, int> load;
    for (const auto& s : chosen) total += s.score - ec::kLoadPenalty * load[s.helper_id]++;
    return total;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::array<int, 3>> sizes = {{200, 120, 6}, {1000, 600, 30}, {3000, 2000, 60}, {10000, 6000, 200}};
    if (argc >= 4) {
        sizes.clear();
        for (int i = 1; i + 2 < argc; i += 3) sizes.push_back({std::atoi(argv[i]), std::atoi(argv[i + 1]), std::atoi(argv[i + 2])});
    }
    std::printf("## 老帮老 pairing: one district's suggestions (eldercare::assign, what GET /eldercare/matches computes)\n");
    std::printf("| open needs | helpers | communities | feasible pairs | assign | needs met | net score | greedy | greedy met | greedy net |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const auto& [n, h, c] : sizes) {
        std::vector<ec::Need> needs;
        std::vector<ec::Helper> helpers;
        std::mt19937 rng(1);
        zt::generate(rng, n, h, needs, helpers, c);
        size_t feasible = 0;
        auto t0 = std::chrono::steady_clock::now();
        auto chosen = ec::assign(needs, helpers, &feasible);
        double assign_ms = ms_since(t0);
        t0 = std::chrono::steady_clock::now();
        auto baseline = ec::greedy(needs, helpers);
        double greedy_ms = ms_since(t0);
        std::printf("| %d | %d | %d | %zu | %.0f ms | %zu | %ld | %.0f ms | %zu | %ld |\n", n, h, c, feasible, assign_ms,
                    chosen.size(), net(chosen), greedy_ms, baseline.size(), net(baseline));
    }
}
