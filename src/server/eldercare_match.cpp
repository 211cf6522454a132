#include "server/eldercare_match.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <unordered_map>

namespace zygc::server::eldercare {

const char* const kServices[5] = {"meal", "escort", "shopping", "companionship", "safety_visit"};
const char* const kSlots[14] = {"mon_am", "mon_pm", "tue_am", "tue_pm", "wed_am", "wed_pm", "thu_am",
                                "thu_pm", "fri_am", "fri_pm", "sat_am", "sat_pm", "sun_am", "sun_pm"};

int service_bit(const std::string& code) {
    for (int i = 0; i < 5; ++i)
        if (code == kServices[i]) return i;
    return -1;
}
int slot_bit(const std::string& code) {
    for (int i = 0; i < 14; ++i)
        if (code == kSlots[i]) return i;
    return -1;
}

int distance_m(double lat1, double lng1, double lat2, double lng2) {
    constexpr double kR = 6371008.8, kRad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * kRad, dlng = (lng2 - lng1) * kRad;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
    return static_cast<int>(std::lround(2 * kR * std::asin(std::min(1.0, std::sqrt(a)))));
}

namespace {

std::string join_bits(uint32_t bits, const char* const* names, int count) {
    std::string out;
    for (int i = 0; i < count; ++i)
        if (bits & (1u << i)) out += (out.empty() ? "" : ",") + std::string(names[i]);
    return out;
}
int popcount(uint32_t v) {
    int n = 0;
    for (; v; v &= v - 1) ++n;
    return n;
}

}  // namespace

std::string infeasible(const Need& n, const Helper& h) {
    if (h.load >= h.capacity) return "capacity";
    if (n.community != h.community && distance_m(n.lat, n.lng, h.lat, h.lng) > h.walk_m) return "distance";
    if (!(n.services & h.abilities)) return "needs";
    if (!(n.slots & h.slots)) return "times";
    return "";
}

namespace {

// The score's terms, each one a reason of score().
struct Terms {
    int distance_m = 0, place = 0, needs = 0, times = 0, load = 0;
    int total() const { return place + needs + times + load; }
};

Terms terms(const Need& n, const Helper& h) {
    Terms t;
    t.distance_m = distance_m(n.lat, n.lng, h.lat, h.lng);
    if (n.community == h.community) {
        t.place = kSameCommunity;
    } else {
        double near = h.walk_m > 0 ? 1.0 - static_cast<double>(t.distance_m) / h.walk_m : 0.0;
        t.place = kWalkBase + static_cast<int>(std::lround(kWalkNear * std::clamp(near, 0.0, 1.0)));
    }
    t.needs = kPerService * popcount(n.services & h.abilities);
    t.times = std::min(kSlotsMax, kPerSlot * popcount(n.slots & h.slots));
    int free = std::max(0, h.capacity - h.load);
    t.load = h.capacity > 0 ? static_cast<int>(std::lround(static_cast<double>(kLoadFree) * free / h.capacity)) : 0;
    return t;
}

// A feasible pair before its reasons are written: indexes into needs and helpers.
struct Pair {
    int need, helper, score;
};

// Each need is checked against the helpers of its own community and those near enough to walk
// to it (a grid of cells as wide as the longest walk: the need's cell and the eight around
// it), not against the whole district. Need by need; for each, its community's helpers, then the
// cells' (each helper once).
std::vector<Pair> pairs_of(const std::vector<Need>& needs, const std::vector<Helper>& helpers) {
    int walk = 1;
    double max_abs_lat = 0;
    for (const auto& h : helpers) walk = std::max(walk, h.walk_m), max_abs_lat = std::max(max_abs_lat, std::abs(h.lat));
    for (const auto& n : needs) max_abs_lat = std::max(max_abs_lat, std::abs(n.lat));
    // Metres per degree rounded down (cells a little wider than the walk); longitude at the
    // highest latitude present, where its degrees are shortest.
    const double cell_lat = walk / 110000.0;
    const double cell_lng =
        walk / (110000.0 * std::max(0.01, std::cos(std::min(89.0, max_abs_lat) * 3.14159265358979323846 / 180.0)));
    auto cell = [&](double lat, double lng, int dy, int dx) {
        const auto y = static_cast<int64_t>(std::floor(lat / cell_lat)) + dy;
        const auto x = static_cast<int64_t>(std::floor(lng / cell_lng)) + dx;
        return static_cast<uint64_t>(y) * 0x9E3779B97F4A7C15ULL ^ static_cast<uint64_t>(x);
    };
    std::unordered_map<uint64_t, std::vector<int>> by_cell;
    std::unordered_map<std::string, std::vector<int>> by_community;
    for (int i = 0; i < static_cast<int>(helpers.size()); ++i) {
        by_cell[cell(helpers[i].lat, helpers[i].lng, 0, 0)].push_back(i);
        by_community[helpers[i].community].push_back(i);
    }
    std::vector<Pair> out;
    std::vector<int> seen(helpers.size(), -1);  // the last need that looked at each helper
    for (int ni = 0; ni < static_cast<int>(needs.size()); ++ni) {
        const Need& n = needs[ni];
        auto look = [&](const std::vector<int>& group) {
            for (int hi : group) {
                const Helper& h = helpers[hi];
                if (seen[hi] == ni) continue;
                seen[hi] = ni;
                if (h.load >= h.capacity || !(n.services & h.abilities) || !(n.slots & h.slots)) continue;  // cheap first
                if (infeasible(n, h).empty()) out.push_back({ni, hi, terms(n, h).total()});
            }
        };
        if (auto it = by_community.find(n.community); it != by_community.end()) look(it->second);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (auto it = by_cell.find(cell(n.lat, n.lng, dy, dx)); it != by_cell.end()) look(it->second);
    }
    return out;
}

}  // namespace

Suggestion score(const Need& n, const Helper& h) {
    const Terms t = terms(n, h);
    Suggestion s;
    s.need_id = n.id;
    s.helper_id = h.id;
    s.distance_m = t.distance_m;
    s.score = t.total();
    if (n.community == h.community)
        s.reasons.push_back({"same_community", t.place, {{"community", n.community}}});
    else
        s.reasons.push_back({"walking_distance", t.place,
                             {{"distance_m", std::to_string(t.distance_m)}, {"walk_m", std::to_string(h.walk_m)}}});
    uint32_t met = n.services & h.abilities;
    s.reasons.push_back({"needs_met", t.needs,
                         {{"services", join_bits(met, kServices, 5)}, {"count", std::to_string(popcount(met))}}});
    uint32_t common = n.slots & h.slots;
    s.reasons.push_back({"times_overlap", t.times,
                         {{"slots", join_bits(common, kSlots, 14)}, {"count", std::to_string(popcount(common))}}});
    s.reasons.push_back({"helper_load", t.load, {{"load", std::to_string(h.load)}, {"capacity", std::to_string(h.capacity)}}});
    return s;
}

std::vector<Suggestion> feasible_pairs(const std::vector<Need>& needs, const std::vector<Helper>& helpers) {
    std::vector<Suggestion> out;
    for (const Pair& p : pairs_of(needs, helpers)) out.push_back(score(needs[p.need], helpers[p.helper]));
    return out;
}

namespace {

bool better(const Suggestion& a, const Suggestion& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.need_id != b.need_id) return a.need_id < b.need_id;
    return a.helper_id < b.helper_id;
}

// Min-cost max-flow by successive shortest paths (Dijkstra with potentials; every cost
// is non-negative at the start).
struct Flow {
    struct Edge {
        int to, rev;
        int cap;
        int64_t cost;
    };
    std::vector<std::vector<Edge>> g;
    explicit Flow(int n) : g(n) {}
    void add(int a, int b, int cap, int64_t cost) {
        g[a].push_back({b, static_cast<int>(g[b].size()), cap, cost});
        g[b].push_back({a, static_cast<int>(g[a].size()) - 1, 0, -cost});
    }
    void run(int s, int t) {
        const int n = static_cast<int>(g.size());
        const int64_t kInf = std::numeric_limits<int64_t>::max() / 4;
        std::vector<int64_t> dist(n);
        pot.assign(n, 0);
        dead.assign(n, 0);
        on_path.assign(n, 0);
        for (;;) {
            std::fill(dist.begin(), dist.end(), kInf);
            dist[s] = 0;
            using Item = std::pair<int64_t, int>;
            std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
            q.push({0, s});
            while (!q.empty()) {
                auto [d, v] = q.top();
                q.pop();
                if (d != dist[v]) continue;
                // The sink is settled: every node not yet settled is at least as far, which
                // the potentials' min(dist, dist[t]) below gives them without settling them.
                if (v == t) break;
                for (const Edge& e : g[v]) {
                    if (e.cap <= 0) continue;
                    int64_t nd = d + e.cost + pot[v] - pot[e.to];
                    if (nd < dist[e.to]) {
                        dist[e.to] = nd;
                        q.push({nd, e.to});
                    }
                }
            }
            if (dist[t] == kInf) return;
            // min(dist, dist[t]) keeps every residual reduced cost non-negative, reached or not;
            // the shortest paths to the sink are now the paths of reduced cost 0.
            for (int v = 0; v < n; ++v) pot[v] += std::min(dist[v], dist[t]);
            // Every shortest path found this round carries one unit (source edges have
            // capacity 1), not only the one Dijkstra ended on: thousands of needs take tens
            // of rounds, not thousands. A node that led nowhere is not tried again this round.
            std::fill(dead.begin(), dead.end(), 0);
            while (augment(s, t)) {
            }
        }
    }

    std::vector<char> dead, on_path;
    std::vector<int64_t> pot;
    // One unit along a path of reduced cost 0 from v to t (depth first); true when sent.
    bool augment(int v, int t) {
        if (v == t) return true;
        on_path[v] = 1;
        for (Edge& e : g[v]) {
            if (e.cap <= 0 || dead[e.to] || on_path[e.to] || e.cost + pot[v] - pot[e.to] != 0) continue;
            if (augment(e.to, t)) {
                e.cap -= 1;
                g[e.to][e.rev].cap += 1;
                on_path[v] = 0;
                return true;
            }
        }
        on_path[v] = 0;
        dead[v] = 1;
        return false;
    }
};

}  // namespace

std::vector<Suggestion> assign(const std::vector<Need>& needs, const std::vector<Helper>& helpers, size_t* feasible) {
    const std::vector<Pair> edges = pairs_of(needs, helpers);
    if (feasible) *feasible = edges.size();
    if (edges.empty()) return {};
    // Nodes: 0 source, 1 sink, needs from 2, then helpers.
    const int need0 = 2, helper0 = 2 + static_cast<int>(needs.size());
    Flow f(helper0 + static_cast<int>(helpers.size()));
    // A path's cost is kBase − score (+ load penalty), always positive; the flow is maximum
    // first, then the cheapest among maximum flows = the highest total score.
    int max_score = 0;
    for (const Pair& e : edges) max_score = std::max(max_score, e.score);
    const int64_t kBase = max_score + 1;
    for (int i = 0; i < static_cast<int>(needs.size()); ++i) f.add(0, need0 + i, 1, 0);
    std::vector<int> edge_at;  // per pair: its index in its need's list
    for (const Pair& e : edges) {
        edge_at.push_back(static_cast<int>(f.g[need0 + e.need].size()));
        f.add(need0 + e.need, helper0 + e.helper, 1, kBase - e.score);
    }
    for (int j = 0; j < static_cast<int>(helpers.size()); ++j)
        for (int k = 0; k < helpers[j].capacity - helpers[j].load; ++k)
            f.add(helper0 + j, 1, 1, static_cast<int64_t>(k) * kLoadPenalty);
    f.run(0, 1);
    std::vector<Suggestion> out;
    for (size_t i = 0; i < edges.size(); ++i)
        if (f.g[need0 + edges[i].need][edge_at[i]].cap == 0) out.push_back(score(needs[edges[i].need], helpers[edges[i].helper]));
    std::sort(out.begin(), out.end(), better);
    return out;
}

std::vector<Suggestion> greedy(const std::vector<Need>& needs, const std::vector<Helper>& helpers) {
    std::vector<Suggestion> edges = feasible_pairs(needs, helpers);
    std::sort(edges.begin(), edges.end(), better);
    std::unordered_map<Id, int> free;
    for (const auto& h : helpers) free[h.id] = h.capacity - h.load;
    std::unordered_map<Id, bool> taken;
    std::vector<Suggestion> out;
    for (const auto& e : edges) {
        if (taken[e.need_id] || free[e.helper_id] <= 0) continue;
        taken[e.need_id] = true;
        --free[e.helper_id];
        out.push_back(e);
    }
    return out;
}

}  // namespace zygc::server::eldercare
