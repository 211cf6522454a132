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

Suggestion score(const Need& n, const Helper& h) {
    Suggestion s;
    s.need_id = n.id;
    s.helper_id = h.id;
    s.distance_m = distance_m(n.lat, n.lng, h.lat, h.lng);
    if (n.community == h.community) {
        s.reasons.push_back({"same_community", kSameCommunity, {{"community", n.community}}});
    } else {
        double near = h.walk_m > 0 ? 1.0 - static_cast<double>(s.distance_m) / h.walk_m : 0.0;
        int pts = kWalkBase + static_cast<int>(std::lround(kWalkNear * std::clamp(near, 0.0, 1.0)));
        s.reasons.push_back({"walking_distance", pts,
                             {{"distance_m", std::to_string(s.distance_m)}, {"walk_m", std::to_string(h.walk_m)}}});
    }
    uint32_t met = n.services & h.abilities;
    s.reasons.push_back({"needs_met", kPerService * popcount(met),
                         {{"services", join_bits(met, kServices, 5)}, {"count", std::to_string(popcount(met))}}});
    uint32_t common = n.slots & h.slots;
    s.reasons.push_back({"times_overlap", std::min(kSlotsMax, kPerSlot * popcount(common)),
                         {{"slots", join_bits(common, kSlots, 14)}, {"count", std::to_string(popcount(common))}}});
    int free = std::max(0, h.capacity - h.load);
    int load_pts = h.capacity > 0 ? static_cast<int>(std::lround(static_cast<double>(kLoadFree) * free / h.capacity)) : 0;
    s.reasons.push_back({"helper_load", load_pts,
                         {{"load", std::to_string(h.load)}, {"capacity", std::to_string(h.capacity)}}});
    for (const auto& r : s.reasons) s.score += r.points;
    return s;
}

std::vector<Suggestion> feasible_pairs(const std::vector<Need>& needs, const std::vector<Helper>& helpers) {
    std::vector<Suggestion> out;
    for (const auto& n : needs)
        for (const auto& h : helpers)
            if (infeasible(n, h).empty()) out.push_back(score(n, h));
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
        std::vector<int64_t> pot(n, 0), dist(n);
        std::vector<int> pv(n), pe(n);
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
                for (int i = 0; i < static_cast<int>(g[v].size()); ++i) {
                    const Edge& e = g[v][i];
                    if (e.cap <= 0) continue;
                    int64_t nd = d + e.cost + pot[v] - pot[e.to];
                    if (nd < dist[e.to]) {
                        dist[e.to] = nd;
                        pv[e.to] = v;
                        pe[e.to] = i;
                        q.push({nd, e.to});
                    }
                }
            }
            if (dist[t] == kInf) return;
            // min(dist, dist[t]) keeps every residual reduced cost non-negative, reached or not.
            for (int v = 0; v < n; ++v) pot[v] += std::min(dist[v], dist[t]);
            // Every augmenting path carries one unit (source edges have capacity 1).
            for (int v = t; v != s; v = pv[v]) {
                Edge& e = g[pv[v]][pe[v]];
                e.cap -= 1;
                g[v][e.rev].cap += 1;
            }
        }
    }
};

}  // namespace

std::vector<Suggestion> assign(const std::vector<Need>& needs, const std::vector<Helper>& helpers) {
    std::vector<Suggestion> edges = feasible_pairs(needs, helpers);
    if (edges.empty()) return {};
    // Nodes: 0 source, 1 sink, needs, helpers.
    std::unordered_map<Id, int> need_node, helper_node;
    int next = 2;
    for (const auto& n : needs) need_node.emplace(n.id, next++);
    for (const auto& h : helpers) helper_node.emplace(h.id, next++);
    Flow f(next);
    // A path's cost is kBase − score (+ load penalty), always positive; the flow is maximum
    // first, then the cheapest among maximum flows = the highest total score.
    int max_score = 0;
    for (const auto& e : edges) max_score = std::max(max_score, e.score);
    const int64_t kBase = max_score + 1;
    for (const auto& n : needs) f.add(0, need_node[n.id], 1, 0);
    std::vector<std::pair<int, int>> edge_at;  // (need node, index in its list) per suggestion
    for (const auto& e : edges) {
        int a = need_node[e.need_id];
        edge_at.push_back({a, static_cast<int>(f.g[a].size())});
        f.add(a, helper_node[e.helper_id], 1, kBase - e.score);
    }
    for (const auto& h : helpers)
        for (int k = 0; k < h.capacity - h.load; ++k) f.add(helper_node[h.id], 1, 1, static_cast<int64_t>(k) * kLoadPenalty);
    f.run(0, 1);
    std::vector<Suggestion> out;
    for (size_t i = 0; i < edges.size(); ++i)
        if (f.g[edge_at[i].first][edge_at[i].second].cap == 0) out.push_back(edges[i]);
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
