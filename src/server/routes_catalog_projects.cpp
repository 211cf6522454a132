// [SECTION] Catalogue reads: the projects list and search (GET /projects).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "core/codec.h"
#include "server/app.h"
#include "server/http_util.h"
#include "server/mutation.h"
#include "core/calendar.h"
#include "core/utf8.h"
#include "server/routes_catalog_internal.h"

namespace zygc::server::catalog {

double distance_m(double lat1, double lng1, double lat2, double lng2) {
    constexpr double r = 6371000.0, rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlng = (lng2 - lng1) * rad;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlng / 2) * std::sin(dlng / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(a)));
}

// ---- projects ---------------------------------------------------------------------------
//
// City scale (issue 11; docs/query-plans.md has every plan). The aggregates of a project's
// shifts live in the projects row (kept by triggers, migration "city-api"), so no read
// groups over shifts. Every sort order has an index and pages are keyset pages: the cursor
// holds the last row's sort key and id, and the next page starts right after it (cost
// independent of depth; inserted rows never shift a page). Totals are exact from maintained
// counts when at most one filter dimension is given, from gram_counts or the search index's
// own list for a search alone, or when the whole result is the first page; otherwise an
// estimate from the maintained counts, flagged `total_estimated` (date filters: a count
// capped at kCountCap rows).

constexpr int64_t kCountCap = 2000;  // above this a count is an estimate
constexpr int64_t kDriveCap = 2000;  // search matches up to this: read them all, then sort
constexpr int64_t kSearchCountCap = 50000;  // a search alone is counted on its index up to this
constexpr double kWalkCap = 2000;  // a search walks its rarest gram if that reads fewer entries

// One row, one integer (counts); nullopt when the query failed (err set).
std::optional<int64_t> scalar(Db& db, const std::string& sql, const std::vector<SqlValue>& args,
                              std::string& err) {
    Stmt st(db, sql);
    st.bind_all(args);
    Step s = st.step();
    if (s == Step::Error) {
        err = st.error();
        return std::nullopt;
    }
    return s == Step::Row ? st.i64(0) : 0;
}

// A maintained total (project_counts); 0 when the dimension value has no projects.
std::optional<int64_t> maintained_count(Db& db, const std::string& dim, const std::string& val,
                                        std::string& err) {
    return scalar(db, "SELECT n FROM project_counts WHERE dim = ? AND val = ?", {dim, val}, err);
}

// The number of projects a filter dimension selects: its maintained total, but for
// status=open less the open ones that have ended (they are not listed: get_projects).
std::optional<int64_t> dim_count(Db& db, const std::string& dim, const std::string& val, int64_t now,
                                 std::string& err) {
    auto n = maintained_count(db, dim, val, err);
    if (!n || dim != "status" || val != "open") return n;
    auto ended = scalar(db, "SELECT count(*) FROM projects WHERE status = 'open' AND last_end <= ?", {now}, err);
    if (!ended) return std::nullopt;
    return std::max<int64_t>(0, *n - *ended);
}

struct RareGram {
    bool found = false;
    std::string gram;
    int64_t n = 0;  // projects with the gram
};

// The number of projects with a 2-character gram (gram_counts, exact).
std::optional<int64_t> gram_count(Db& db, const std::string& gram, std::string& err) {
    return scalar(db, "SELECT COALESCE((SELECT n FROM gram_counts WHERE gram = ?), 0)", {gram}, err);
}

// The query's 2-character gram with the fewest projects: every match has it. Only for a
// query whose letters have no case beyond ASCII (printable ASCII, CJK, kana, hangul): the
// grams are lower-cased as ASCII, the FTS index folds every case, and for such a query both
// agree. False on a database error (err set); found is false when the query does not qualify.
bool rarest_gram(Db& db, const std::string& lq, RareGram& out, std::string& err) {
    std::vector<std::string> chars;
    for (size_t i = 0; i < lq.size();) {
        const size_t at = i;
        const uint32_t cp = utf8::next(lq, i);
        const bool caseless = (cp >= 0x20 && cp < 0x80) || (cp >= 0x2E80 && cp <= 0xD7FF) ||
                              (cp >= 0xF900 && cp <= 0xFAFF);
        if (!caseless) return true;
        chars.push_back(lq.substr(at, i - at));
    }
    for (size_t i = 0; i + 1 < chars.size(); ++i) {
        std::string gram = chars[i] + chars[i + 1];
        auto n = gram_count(db, gram, err);
        if (!n) return false;
        if (!out.found || *n < out.n) out = {true, gram, *n};
    }
    return true;
}

std::string quote_phrase(const std::string& q) {
    std::string phrase = "\"";
    for (char c : q) {
        if (c == '"') phrase += "\"\"";
        else phrase += c;
    }
    return phrase + "\"";
}

void get_projects(App& app, const httplib::Request& req, httplib::Response& res) {
    Query qp(req);
    auto q = qp.text("q");
    auto district = qp.id("district_id");
    auto team = qp.id("team_id");
    auto brand = qp.text("brand");
    auto category = qp.text("category");
    auto status = qp.one_of("status", {"open", "closed"});
    auto from = qp.date("date_from");
    auto to = qp.date("date_to");
    auto sort = qp.one_of("sort", {"start", "-start", "popular", "distance"});
    auto lat = qp.number("lat", -90, 90);
    auto lng = qp.number("lng", -180, 180);
    int limit = qp.limit();
    if (category && !find_category(*category)) qp.invalid("category", "unknown category code");
    if (from && to && *from > *to) qp.invalid("date_to", "must not be before date_from");
    if (req.has_param("lat") != req.has_param("lng"))
        qp.invalid(req.has_param("lat") ? "lng" : "lat", "lat and lng must be given together");
    if (sort && *sort == "distance" && !req.has_param("lat") && !req.has_param("lng")) {
        qp.invalid("lat", "required when sort=distance");
        qp.invalid("lng", "required when sort=distance");
    }

    // The cursor is bound to everything that shapes the result order.
    std::string canon;
    for (const char* k : {"q", "district_id", "team_id", "brand", "category", "status",
                          "date_from", "date_to", "sort", "lat", "lng"})
        canon += std::string(k) + "=" + (req.has_param(k) ? req.get_param_value(k) : "") + "\x1f";
    Keyset after = read_keyset_cursor(req, fnv1a64(canon), qp);

    ReadLease lease = app.read();
    Db& db = lease.db();
    if (qp.ok()) {
        if (district && !check_exists(db, "SELECT 1 FROM districts WHERE id = ?", *district, qp,
                                      "district_id", "no such district", req, res))
            return;
        if (team && !check_exists(db, "SELECT 1 FROM teams WHERE id = ?", *team, qp, "team_id",
                                  "no such team", req, res))
            return;
        if (brand && !check_exists(db, "SELECT 1 FROM brands WHERE slug = ?", *brand, qp, "brand",
                                   "no such brand", req, res))
            return;
    }
    if (!qp.ok()) return send_problem(req, res, qp.problem());
    // The cards' next_shift depends on the time: the tag (and a kept answer) lasts a minute.
    std::string tag = version_tag(db, req, app.now() / 60,
                                  {"q", "district_id", "team_id", "brand", "category", "status", "date_from",
                                   "date_to", "sort", "lat", "lng", "cursor", "limit"});
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    std::string err;
    const int64_t now = app.now();

    // The filters on the projects row.
    std::string where = " WHERE 1";
    std::vector<SqlValue> args;
    std::vector<std::pair<std::string, std::string>> dims;  // maintained-count dimensions
    if (district) where += " AND p.district_id = ?", args.push_back(*district), dims.push_back({"district", std::to_string(*district)});
    if (team) where += " AND p.team_id = ?", args.push_back(*team), dims.push_back({"team", std::to_string(*team)});
    if (brand) where += " AND p.brand = ?", args.push_back(*brand), dims.push_back({"brand", *brand});
    if (category) where += " AND p.category = ?", args.push_back(*category), dims.push_back({"category", *category});
    if (status) where += " AND p.status = ?", args.push_back(*status), dims.push_back({"status", *status});
    // Open means still open to join: not ended (its last shift ends after now, or it has no
    // shifts yet). An open project whose shifts are all over is listed without the filter.
    if (status == "open") where += " AND (p.last_end > ? OR p.last_end IS NULL)", args.push_back(now);
    if (from || to) {
        where += " AND EXISTS (SELECT 1 FROM shifts s WHERE s.project_id = p.id";
        if (from) where += " AND s.start_at >= ?", args.push_back(*from * 86400 - kCstOffsetSeconds);
        if (to) where += " AND s.start_at < ?", args.push_back((*to + 1) * 86400 - kCstOffsetSeconds);
        where += ")";
    }

    // Search. Its matches come from an index: project_grams for 1–2 characters, the FTS5
    // trigram index for 3+. In start order, when the filters leave it cheap, walk the entries
    // of the query's rarest gram in start order from the cursor and keep the projects that
    // have the whole query and pass the filters ("walk", migration 9): a page costs about a
    // page. Otherwise few matches (≤ kDriveCap): read them all and sort them ("drive"). Many:
    // walk the sort order's index and keep the rows that match ("probe"), which stops after
    // a page because matches are then dense.
    const std::string s = sort.value_or("start");
    bool walk = false;
    std::string from_clause = "FROM projects p";
    std::vector<SqlValue> from_args;
    std::optional<int64_t> q_matches;  // exact number of matching projects, when known
    std::optional<int64_t> q_bound;    // else an upper bound from the walked gram, when walked
    std::string q_ids_sql;              // the search's matching ids (for counting)
    std::vector<SqlValue> q_ids_args;
    if (q) {
        size_t len = utf8_length(*q);
        std::string lq = *q;
        for (char& c : lq) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string ids_sql;  // the matching project ids
        std::vector<SqlValue> ids_args;
        if (len >= 3) {
            ids_sql = "SELECT rowid AS project_id FROM projects_fts WHERE projects_fts MATCH ?";
            ids_args = {quote_phrase(*q)};
        } else if (len == 2) {
            ids_sql = "SELECT project_id FROM project_grams WHERE gram = ?";
            ids_args = {lq};
        } else {
            ids_sql = "SELECT DISTINCT project_id FROM project_grams WHERE gram >= ? AND gram <= ?";
            ids_args = {lq, lq + "\xf4\x8f\xbf\xbf"};  // every gram starting with the character
        }
        q_ids_sql = ids_sql;
        q_ids_args = ids_args;
        auto n = len == 2 ? gram_count(db, lq, err)
                          : scalar(db, "SELECT count(*) FROM (" + ids_sql + " LIMIT " +
                                           std::to_string(kDriveCap + 1) + ")", ids_args, err);
        if (!n) return db_failure(req, res, err);
        if (len == 2 || *n <= kDriveCap) q_matches = *n;

        RareGram rare;
        if (s == "start" && !from && !to && len >= 2) {
            if (len == 2) rare = {true, lq, *n};  // the gram is the query
            else if (!rarest_gram(db, lq, rare, err)) return db_failure(req, res, err);
            double share = 1;  // of all projects, the filters' (as if independent)
            if (rare.found && !dims.empty()) {
                auto all = maintained_count(db, "all", "", err);
                if (!all) return db_failure(req, res, err);
                for (const auto& [dim, val] : dims) {
                    auto c = dim_count(db, dim, val, now, err);
                    if (!c) return db_failure(req, res, err);
                    share *= *all > 0 ? static_cast<double>(*c) / static_cast<double>(*all) : 0;
                }
            }
            // Entries the walk reads for a page, expected; *n is a lower bound above the cap.
            double entries = share > 0 ? (limit + 1.0) * static_cast<double>(rare.n) /
                                             static_cast<double>(std::max<int64_t>(*n, 1)) / share
                                       : INFINITY;
            double drive = *n <= kDriveCap ? static_cast<double>(*n) : INFINITY;
            walk = rare.found && entries <= kWalkCap && entries <= drive;
        }
        if (walk) {
            from_clause = "FROM project_grams g CROSS JOIN projects p ON p.id = g.project_id";
            where += " AND g.gram = ?";
            args.push_back(rare.gram);
            if (len >= 3) {
                where += " AND (instr(lower(p.title), ?) > 0 OR instr(lower(p.summary), ?) > 0"
                         " OR instr(lower(p.description), ?) > 0)";
                for (int i = 0; i < 3; ++i) args.push_back(lq);
                if (!q_matches) q_bound = rare.n;
            }
        } else if (*n <= kDriveCap) {
            from_clause = "FROM (" + ids_sql + ") m CROSS JOIN projects p ON p.id = m.project_id";
            from_args = ids_args;
        } else if (len >= 3) {
            // "+p.id": not an index driver (the planner would read every match and sort);
            // the sort order's index drives, the list is built once and probed.
            where += " AND +p.id IN (" + ids_sql + ")";
            args.insert(args.end(), ids_args.begin(), ids_args.end());
        } else if (len == 2) {
            where += " AND EXISTS (SELECT 1 FROM project_grams g WHERE g.gram = ? AND g.project_id = p.id)";
            args.push_back(lq);
        } else {
            where += " AND (instr(lower(p.title), ?) > 0 OR instr(lower(p.summary), ?) > 0"
                     " OR instr(lower(p.description), ?) > 0)";
            for (int i = 0; i < 3; ++i) args.push_back(lq);
        }
    }

    // Sort order: its index order and the keyset condition "after the cursor's row". The
    // first page starts before every key, so each sort has one query shape (a range).
    std::string order, after_sql;
    std::vector<SqlValue> after_args, order_args;
    const int64_t id_after = after.given ? after.id : (s == "-start" ? INT64_MAX : -1);
    auto int_key = [&](int64_t first) -> SqlValue {
        return after.given ? SqlValue{static_cast<int64_t>(std::strtoll(after.key.c_str(), nullptr, 10))}
                           : SqlValue{first};
    };
    if (s == "start") {
        // The walk orders by the gram entry's copy of the key (its index), the same values.
        order = walk ? "g.start_asc, g.project_id" : "p.start_asc, p.id";
        after_sql = walk ? "(g.start_asc, g.project_id) > (?, ?)" : "(p.start_asc, p.id) > (?, ?)";
        after_args = {int_key(INT64_MIN), id_after};
    } else if (s == "-start") {
        order = "p.start_desc DESC, p.id DESC";
        after_sql = "(p.start_desc, p.id) < (?, ?)";
        after_args = {int_key(INT64_MAX), id_after};
    } else if (s == "popular") {
        order = "p.signed_up DESC, p.id";
        after_sql = "p.signed_up <= ? AND (p.signed_up < ? OR p.id > ?)";
        SqlValue k = int_key(INT64_MAX);
        after_args = {k, k, id_after};
    } else {
        // Equirectangular distance: exact enough to order sites within a city. No index can
        // serve it: the filtered rows are ordered in a temporary b-tree (docs/query-plans.md).
        double k = std::cos(*lat * M_PI / 180.0);
        const std::string key = "((p.site_lat - ?) * (p.site_lat - ?) + (p.site_lng - ?) * (p.site_lng - ?) * ?)";
        const std::vector<SqlValue> key_args = {*lat, *lat, *lng, *lng, k * k};
        SqlValue kv = after.given ? SqlValue{std::strtod(after.key.c_str(), nullptr)} : SqlValue{-1.0};
        order = key + ", p.id";
        order_args = key_args;
        after_sql = "(" + key + " > ? OR (" + key + " = ? AND p.id > ?))";
        after_args = key_args;
        after_args.push_back(kv);
        after_args.insert(after_args.end(), key_args.begin(), key_args.end());
        after_args.push_back(kv);
        after_args.push_back(id_after);
    }
    std::vector<SqlValue> page_args = from_args;
    page_args.insert(page_args.end(), args.begin(), args.end());
    page_args.insert(page_args.end(), after_args.begin(), after_args.end());
    page_args.insert(page_args.end(), order_args.begin(), order_args.end());
    const std::string filters = where;
    where += " AND " + after_sql;

    Page<Project> page;
    if (!query_projects(db, where, page_args, order, limit + 1, page.items, err, from_clause))
        return db_failure(req, res, err);
    bool more = static_cast<int>(page.items.size()) > limit;
    if (more) page.items.pop_back();
    if (!add_next_shifts(db, now, page.items, err)) return db_failure(req, res, err);

    // The total.
    bool estimated = false;
    if (!q && !from && !to && dims.size() <= 1) {
        auto n = dims.empty() ? maintained_count(db, "all", "", err)
                              : dim_count(db, dims[0].first, dims[0].second, now, err);
        if (!n) return db_failure(req, res, err);
        page.total = *n;
    } else if (q_matches && dims.empty() && !from && !to) {
        page.total = *q_matches;
    } else if (q_bound && dims.empty() && !from && !to) {
        // Many matches of 3+ characters, walked: the walked gram's count bounds them (reading
        // the whole FTS list to count it would cost what the walk saved).
        estimated = true;
        page.total = std::max<int64_t>(*q_bound, static_cast<int64_t>(page.items.size()) + (more ? 1 : 0));
    } else if (q && dims.empty() && !from && !to) {
        // Many matches, no other filter: count the search index's list itself (no project
        // rows are read), up to kSearchCountCap.
        auto n = scalar(db, "SELECT count(*) FROM (" + q_ids_sql + " LIMIT " + std::to_string(kSearchCountCap + 1) + ")",
                        q_ids_args, err);
        if (!n) return db_failure(req, res, err);
        page.total = *n;
        estimated = *n > kSearchCountCap;
    } else if (!after.given && !more) {
        page.total = static_cast<int64_t>(page.items.size());  // the whole result is this page
    } else if (!from && !to) {
        // Several filters (or a search with filters) over more than a page: an estimate from
        // the maintained counts as if the filters were independent, clamped to what is known
        // (at least what this page shows, at most the smallest single-filter count). No rows
        // are counted.
        estimated = true;
        auto all = maintained_count(db, "all", "", err);
        if (!all) return db_failure(req, res, err);
        double est = static_cast<double>(*all);
        int64_t bound = *all;
        if (q) {
            int64_t qn = q_matches ? *q_matches : q_bound ? *q_bound : 0;
            if (!q_matches && !q_bound) {
                auto n = scalar(db, "SELECT count(*) FROM (" + q_ids_sql + " LIMIT " +
                                        std::to_string(kSearchCountCap + 1) + ")", q_ids_args, err);
                if (!n) return db_failure(req, res, err);
                qn = *n;
            }
            est = static_cast<double>(qn);
            bound = std::min(bound, qn);
        }
        for (const auto& [dim, val] : dims) {
            auto c = dim_count(db, dim, val, now, err);
            if (!c) return db_failure(req, res, err);
            if (*all > 0) est *= static_cast<double>(*c) / static_cast<double>(*all);
            bound = std::min(bound, *c);
        }
        int64_t seen = static_cast<int64_t>(page.items.size()) + (more ? 1 : 0);
        page.total = std::clamp<int64_t>(std::llround(est), seen, std::max(seen, bound));
    } else {
        // Dates (no maintained count): counted up to the cap, on the same rows the page reads.
        std::vector<SqlValue> count_args = from_args;
        count_args.insert(count_args.end(), args.begin(), args.end());
        auto n = scalar(db, "SELECT count(*) FROM (SELECT 1 " + from_clause + filters + " LIMIT " +
                                std::to_string(kCountCap + 1) + ")", count_args, err);
        if (!n) return db_failure(req, res, err);
        page.total = *n;
        if (*n > kCountCap) {
            // An upper bound from the maintained counts, never below what was counted.
            estimated = true;
            int64_t bound = INT64_MAX;
            for (const auto& [dim, val] : dims) {
                auto c = dim_count(db, dim, val, now, err);
                if (!c) return db_failure(req, res, err);
                bound = std::min(bound, *c);
            }
            page.total = bound == INT64_MAX ? *n : std::max(*n, bound);
        }
    }

    if (more && !page.items.empty()) {
        const Project& last = page.items.back();
        std::string key;
        if (s == "start" || s == "-start") {
            Stmt k(db, "SELECT start_asc, start_desc FROM projects WHERE id = ?");
            k.bind(1, last.id);
            if (k.step() != Step::Row) return db_failure(req, res, k.error());
            key = std::to_string(k.i64(s == "start" ? 0 : 1));
        } else if (s == "popular") {
            key = std::to_string(last.signed_up);
        } else {
            double k = std::cos(*lat * M_PI / 180.0);
            double dlat = last.site.lat - *lat, dlng = last.site.lng - *lng;
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", dlat * dlat + dlng * dlng * (k * k));
            key = buf;
        }
        page.next_cursor = make_keyset_cursor(key, last.id, fnv1a64(canon));
    }
    std::vector<int64_t> distances;
    if (lat && lng)
        for (const Project& p : page.items) distances.push_back(std::llround(distance_m(*lat, *lng, p.site.lat, p.site.lng)));
    send_versioned(app, req, res, project_page_json(page, estimated, distances), tag);
}

}  // namespace zygc::server::catalog
