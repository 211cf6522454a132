// [SECTION] Catalogue reads: districts, city stats, brands, teams, projects.
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

namespace zygc::server {

namespace {

using json = nlohmann::json;

constexpr int kBrandProjectsMax = 50;

// 404 not_found {resource: project|brand|team}; the app words it from the code.
void not_found(const httplib::Request& req, httplib::Response& res, const char* resource) {
    const std::string zh = std::string(resource) == "project" ? "项目" : std::string(resource) == "brand" ? "品牌" : "队伍";
    send_problem(req, res, make_problem(404, Code{"not_found"}, zh + "不存在", {}, {{"resource", resource}}));
}

void db_failure(const httplib::Request& req, httplib::Response& res, const std::string& e) {
    std::fprintf(stderr, "zygc-server: database error: %s\n", e.c_str());
    send_problem(req, res, internal_problem());
}

std::vector<std::string> json_strings(const std::string& text) {
    std::vector<std::string> out;
    json j = json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& x : j)
        if (x.is_string()) out.push_back(x.get<std::string>());
    return out;
}

std::vector<BrandStat> json_stats(const std::string& text) {
    std::vector<BrandStat> out;
    json j = json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& x : j) {
        if (!x.is_object()) continue;
        BrandStat s;
        if (x.contains("label") && x["label"].is_string()) s.label = x["label"].get<std::string>();
        if (x.contains("value")) s.value = x["value"].is_string() ? x["value"].get<std::string>()
                                                                  : x["value"].dump();
        out.push_back(std::move(s));
    }
    return out;
}

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
// counts when at most one filter dimension is given, from the search index's own list for
// a search alone, or when the whole result is the first page; otherwise an estimate from
// the maintained counts, flagged `total_estimated` (date filters: a count capped at
// kCountCap rows).

constexpr const char* kProjectSelect = R"SQL(
SELECT p.id, p.title, p.summary, p.category, p.brand, COALESCE(b.name, ''), p.team_id, t.name,
       p.district_id, d.name, p.site_name, p.site_lat, p.site_lng, p.site_radius_m, p.status,
       p.first_start, p.last_end, p.capacity, p.signed_up, p.description
)SQL";
// The projects row drives every join (CROSS JOIN fixes the order: never a scan of teams).
constexpr const char* kProjectJoins =
    " CROSS JOIN teams t ON t.id = p.team_id CROSS JOIN districts d ON d.id = p.district_id"
    " LEFT JOIN brands b ON b.slug = p.brand ";

constexpr int64_t kCountCap = 2000;  // above this a count is an estimate
constexpr int64_t kDriveCap = 2000;  // search matches up to this: read them all, then sort
constexpr int64_t kSearchCountCap = 50000;  // a search alone is counted on its index up to this

Project read_project(const Stmt& st, bool detail) {
    Project p;
    p.id = st.i64(0);
    p.title = st.text(1);
    p.summary = st.text(2);
    p.category = st.text(3);
    if (!st.is_null(4)) p.brand = st.text(4);
    p.brand_name = st.text(5);
    p.team_id = st.i64(6);
    p.team_name = st.text(7);
    p.district_id = st.i64(8);
    p.district_name = st.text(9);
    p.site.name = st.text(10);
    p.site.lat = st.f64(11);
    p.site.lng = st.f64(12);
    p.site.radius_m = st.i64(13);
    p.status = st.text(14);
    if (!st.is_null(15)) p.start = format_cst(st.i64(15));
    if (!st.is_null(16)) p.end = format_cst(st.i64(16));
    p.capacity = st.i64(17);
    p.signed_up = st.i64(18);
    if (detail) p.description = st.text(19);
    return p;
}

// Runs kProjectSelect FROM projects p + joins + where + order + limit (no offset: callers
// page by keyset or read a bounded list).
bool query_projects(Db& db, const std::string& where, const std::vector<SqlValue>& args,
                    const std::string& order, int64_t limit, std::vector<Project>& out,
                    std::string& err, const std::string& from = "FROM projects p") {
    std::string sql = std::string(kProjectSelect) + from + kProjectJoins + where + " ORDER BY " +
                      order + " LIMIT ?";
    Stmt st(db, sql);
    if (!st.ok()) {
        err = st.error();
        return false;
    }
    st.bind_all(args);
    st.bind(static_cast<int>(args.size()) + 1, limit);
    while (st.step() == Step::Row) out.push_back(read_project(st, false));
    if (st.failed()) {
        err = st.error();
        return false;
    }
    return true;
}

constexpr const char* kOrderStart = "p.start_asc, p.id";

// sign-up flow (issue 10): each listed project's next shift that has not started and has a
// place (shifts_project index: one short range per row). False on a database error (err set).
bool add_next_shifts(Db& db, int64_t now, std::vector<Project>& items, std::string& err) {
    for (Project& p : items) {
        Stmt st(db,
                "SELECT id, start_at, end_at, capacity, signed_up FROM shifts WHERE project_id = ? "
                "AND start_at > ? AND signed_up < capacity ORDER BY start_at, id LIMIT 1");
        st.bind(1, p.id);
        st.bind(2, now);
        const Step s = st.step();
        if (s == Step::Error) {
            err = st.error();
            return false;
        }
        if (s == Step::Row)
            p.next_shift = {st.i64(0), format_cst(st.i64(1)), format_cst(st.i64(2)), st.i64(3), st.i64(4)};
    }
    return true;
}

// A filter naming a row that does not exist is 422 on its field; a failed lookup is a
// database error (500), never a claim about the request. False when the answer was sent.
bool check_exists(Db& db, const char* sql, const SqlValue& v, Query& qp, const char* field,
                  const char* message, const httplib::Request& req, httplib::Response& res) {
    Stmt st(db, sql);
    st.bind(1, v);
    Step s = st.step();
    if (s == Step::Error) return db_failure(req, res, st.error()), false;
    if (s == Step::Done) qp.invalid(field, message);
    return true;
}

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

// ---- keyset cursors ----------------------------------------------------------------------
// base64url("k" key "." id "." signature): the last row's sort key and id, bound to the
// query's other parameters (signature), like the offset cursors they replace.

std::string make_keyset_cursor(const std::string& key, int64_t id, uint64_t signature) {
    char tail[64];
    std::snprintf(tail, sizeof tail, ".%lld.%016llx", static_cast<long long>(id),
                  static_cast<unsigned long long>(signature));
    return base64url_encode("k" + key + tail);
}

struct Keyset {
    bool given = false;
    std::string key;  // integer or floating-point text
    int64_t id = 0;
};

Keyset read_keyset_cursor(const httplib::Request& req, uint64_t signature, Query& qp) {
    Keyset k;
    if (!req.has_param("cursor")) return k;
    auto text = base64url_decode(req.get_param_value("cursor"));
    size_t d2 = text ? text->rfind('.') : std::string::npos;
    size_t d1 = d2 == std::string::npos || d2 == 0 ? std::string::npos : text->rfind('.', d2 - 1);
    if (!text || text->empty() || (*text)[0] != 'k' || d1 == std::string::npos || d1 < 2) {
        qp.bad("cursor", "is not a cursor returned by this list");
        return k;
    }
    char sig[20];
    std::snprintf(sig, sizeof sig, "%016llx", static_cast<unsigned long long>(signature));
    if (text->substr(d2 + 1) != sig) {
        qp.bad("cursor", "belongs to a different query (filters or sort changed)");
        return k;
    }
    k.key = text->substr(1, d1 - 1);
    std::string id = text->substr(d1 + 1, d2 - d1 - 1);
    char* endp = nullptr;
    errno = 0;
    long long v = std::strtoll(id.c_str(), &endp, 10);
    const char* kp = k.key.c_str();
    char* kend = nullptr;
    (void)std::strtod(kp, &kend);
    bool numeric = k.key.find_first_not_of("0123456789-+.eE") == std::string::npos;
    if (id.empty() || errno || *endp || v < 0 || k.key.empty() || *kend || !numeric) {
        qp.bad("cursor", "is not a cursor returned by this list");
        return k;
    }
    k.id = v;
    k.given = true;
    return k;
}

// ---- versioned answers (cheap ETags) -----------------------------------------------------
// A catalogue answer depends only on the URL and the catalogue's data, and every change
// of that data bumps catalog_version (triggers). So the tag is a hash of the two, known
// before any query runs: a matching If-None-Match costs one row read.

uint64_t process_nonce() {
    static const uint64_t n = fnv1a64(std::to_string(
        std::chrono::steady_clock::now().time_since_epoch().count()) + std::to_string(::getpid()));
    return n;
}

// The tag for this request at the lease's snapshot ("" when the version cannot be read:
// then the body's own hash is used).
std::string version_tag(Db& db, const httplib::Request& req) {
    Stmt st(db, "SELECT v FROM catalog_version WHERE id = 1");
    if (st.step() != Step::Row) return {};
    std::string key = std::to_string(st.i64(0)) + "|" + req.path;
    for (const auto& [k, v] : req.params) key += "|" + k + "=" + v;
    char buf[48];
    std::snprintf(buf, sizeof buf, "\"c%016llx\"", static_cast<unsigned long long>(fnv1a64(key, process_nonce())));
    return buf;
}

// True when If-None-Match already names this version (304 sent).
bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& tag) {
    if (tag.empty() || !req.has_header("If-None-Match") ||
        !if_none_match_hits(req.get_header_value("If-None-Match"), tag))
        return false;
    res.status = 304;
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("ETag", tag);
    return true;
}

// True when an answer for this tag was kept (answer_cache.h) and is now in res.
bool answered_before(App& app, const httplib::Request& req, httplib::Response& res, const std::string& tag) {
    return app.answers.serve(tag, accepts_gzip(req.get_header_value("Accept-Encoding")), res);
}

void send_versioned(App& app, const httplib::Request& req, httplib::Response& res, const json& j,
                    const std::string& version) {
    if (version.empty()) return send_json(req, res, j);
    std::string tag = version;
    std::string body = dump_json(j);
    bool gzip = accepts_gzip(req.get_header_value("Accept-Encoding"));
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    if (body.size() >= 256 && gzip) {
        std::string z = gzip_compress(body);
        if (!z.empty()) {
            body.swap(z);
            tag.insert(tag.size() - 1, "-gzip");
            res.set_header("Content-Encoding", "gzip");
        }
    }
    res.set_header("ETag", tag);
    res.body = std::move(body);
    res.set_header("Content-Type", "application/json");
    app.answers.keep(version, gzip, res);
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
    std::string tag = version_tag(db, req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    std::string err;

    // The filters on the projects row.
    std::string where = " WHERE 1";
    std::vector<SqlValue> args;
    std::vector<std::pair<std::string, std::string>> dims;  // maintained-count dimensions
    if (district) where += " AND p.district_id = ?", args.push_back(*district), dims.push_back({"district", std::to_string(*district)});
    if (team) where += " AND p.team_id = ?", args.push_back(*team), dims.push_back({"team", std::to_string(*team)});
    if (brand) where += " AND p.brand = ?", args.push_back(*brand), dims.push_back({"brand", *brand});
    if (category) where += " AND p.category = ?", args.push_back(*category), dims.push_back({"category", *category});
    if (status) where += " AND p.status = ?", args.push_back(*status), dims.push_back({"status", *status});
    if (from || to) {
        where += " AND EXISTS (SELECT 1 FROM shifts s WHERE s.project_id = p.id";
        if (from) where += " AND s.start_at >= ?", args.push_back(*from * 86400 - kCstOffsetSeconds);
        if (to) where += " AND s.start_at < ?", args.push_back((*to + 1) * 86400 - kCstOffsetSeconds);
        where += ")";
    }

    // Search. Its matches come from an index: project_grams for 1–2 characters, the FTS5
    // trigram index for 3+. Few matches (≤ kDriveCap): read them all and sort them
    // ("drive"). Many: walk the sort order's index and keep the rows that match ("probe"),
    // which stops after a page because matches are then dense.
    std::string from_clause = "FROM projects p";
    std::vector<SqlValue> from_args;
    std::optional<int64_t> q_matches;  // exact number of matching projects, when known
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
        auto n = scalar(db, "SELECT count(*) FROM (" + ids_sql + " LIMIT " + std::to_string(kDriveCap + 1) + ")",
                        ids_args, err);
        if (!n) return db_failure(req, res, err);
        if (*n <= kDriveCap) {
            q_matches = *n;
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
    std::string s = sort.value_or("start");
    std::string order, after_sql;
    std::vector<SqlValue> after_args, order_args;
    const int64_t id_after = after.given ? after.id : (s == "-start" ? INT64_MAX : -1);
    auto int_key = [&](int64_t first) -> SqlValue {
        return after.given ? SqlValue{static_cast<int64_t>(std::strtoll(after.key.c_str(), nullptr, 10))}
                           : SqlValue{first};
    };
    if (s == "start") {
        order = "p.start_asc, p.id";
        after_sql = "(p.start_asc, p.id) > (?, ?)";
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
    if (!add_next_shifts(db, app.now(), page.items, err)) return db_failure(req, res, err);

    // The total.
    bool estimated = false;
    if (!q && !from && !to && dims.size() <= 1) {
        auto n = dims.empty() ? maintained_count(db, "all", "", err)
                              : maintained_count(db, dims[0].first, dims[0].second, err);
        if (!n) return db_failure(req, res, err);
        page.total = *n;
    } else if (q_matches && dims.empty() && !from && !to) {
        page.total = *q_matches;
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
            int64_t qn = q_matches ? *q_matches : 0;
            if (!q_matches) {
                auto n = scalar(db, "SELECT count(*) FROM (" + q_ids_sql + " LIMIT " +
                                        std::to_string(kSearchCountCap + 1) + ")", q_ids_args, err);
                if (!n) return db_failure(req, res, err);
                qn = *n;
            }
            est = static_cast<double>(qn);
            bound = std::min(bound, qn);
        }
        for (const auto& [dim, val] : dims) {
            auto c = maintained_count(db, dim, val, err);
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
                auto c = maintained_count(db, dim, val, err);
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
    json j = encode(page);
    j["total_estimated"] = estimated;
    if (lat && lng)
        for (size_t i = 0; i < page.items.size(); ++i)
            j["items"][i]["distance_m"] = std::llround(
                distance_m(*lat, *lng, page.items[i].site.lat, page.items[i].site.lng));
    send_versioned(app, req, res, j, tag);
}

void get_project(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (!id) return not_found(req, res, "project");
    ReadLease lease = app.read();
    json j;
    std::string err;
    int found = project_detail_json(lease.db(), *id, j, err);
    if (found < 0) return db_failure(req, res, err);
    if (found == 0) return not_found(req, res, "project");
    // The body's own hash: PATCH's If-Match compares against it.
    send_json(req, res, j);
}

}  // namespace

int project_detail_json(App& app, int64_t id, json& j, std::string& err) {
    return project_detail_json(app.db, id, j, err);
}

int project_detail_json(Db& db, int64_t id, json& j, std::string& err) {
    Stmt st(db, std::string(kProjectSelect) + "FROM projects p" + kProjectJoins + " WHERE p.id = ?");
    st.bind(1, id);
    if (st.step() != Step::Row) {
        if (st.failed()) {
            err = st.error();
            return -1;
        }
        return 0;
    }
    Project p = read_project(st, true);
    Stmt sh(db,
            "SELECT id, start_at, end_at, capacity, signed_up FROM shifts WHERE project_id = ? "
            "ORDER BY start_at, id");
    sh.bind(1, id);
    while (sh.step() == Step::Row)
        p.shifts.push_back({sh.i64(0), format_cst(sh.i64(1)), format_cst(sh.i64(2)), sh.i64(3),
                            sh.i64(4)});
    if (sh.failed()) {
        err = sh.error();
        return -1;
    }
    j = encode(p);
    if (!j.contains("shifts")) j["shifts"] = json::array();
    if (!j.contains("description")) j["description"] = "";
    return 1;
}

namespace {

// ---- districts & stats ------------------------------------------------------------------

void get_districts(App& app, const httplib::Request& req, httplib::Response& res) {
    ReadLease lease = app.read();
    std::string tag = version_tag(lease.db(), req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    std::vector<District> out;
    Stmt st(lease.db(), "SELECT id, name, population FROM districts ORDER BY id");
    while (st.step() == Step::Row) out.push_back({st.i64(0), st.text(1), st.i64(2)});
    if (st.failed()) return db_failure(req, res, st.error());
    send_versioned(app, req, res, encode(out), tag);
}

void get_city_stats(App& app, const httplib::Request& req, httplib::Response& res) {
    ReadLease lease = app.read();
    Db& db = lease.db();
    std::string tag = version_tag(db, req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    CityStats cs;
    // The seeded baseline plus the certified minutes recorded since (issue 9), kept per
    // district by triggers on attendance (migration 6).
    Stmt st(db,
            "SELECT id, name, population, registered_volunteers, service_minutes + certified_minutes "
            "FROM districts ORDER BY id");
    while (st.step() == Step::Row) {
        DistrictStats d{st.i64(0), st.text(1), st.i64(2), st.i64(3), st.i64(4)};
        cs.registered_volunteers += d.registered_volunteers;
        cs.resident_population += d.population;
        cs.service_minutes += d.service_minutes;
        cs.by_district.push_back(std::move(d));
    }
    if (st.failed()) return db_failure(req, res, st.error());
    Stmt counts(db, "SELECT (SELECT count(*) FROM teams), "
                    "(SELECT n FROM project_counts WHERE dim = 'all' AND val = '')");
    if (counts.step() != Step::Row) return db_failure(req, res, counts.error());
    cs.teams = counts.i64(0);
    cs.projects = counts.i64(1);
    if (cs.resident_population > 0)
        cs.share_of_population_pct =
            std::round(static_cast<double>(cs.registered_volunteers) * 1000.0 /
                       static_cast<double>(cs.resident_population)) / 10.0;
    send_versioned(app, req, res, encode(cs), tag);
}

// ---- brands -----------------------------------------------------------------------------

constexpr const char* kBrandSelect =
    "SELECT slug, name, owner_org, summary, story, highlights, awards, stats, cover_url, "
    "COALESCE((SELECT n FROM project_counts c WHERE c.dim = 'brand' AND c.val = brands.slug), 0) "
    "FROM brands ";

Brand read_brand(const Stmt& st, bool detail) {
    Brand b;
    b.slug = st.text(0);
    b.name = st.text(1);
    b.owner_org = st.text(2);
    b.summary = st.text(3);
    if (detail) b.story = st.text(4);
    b.highlights = json_strings(st.text(5));
    b.awards = json_strings(st.text(6));
    b.stats = json_stats(st.text(7));
    b.cover_url = st.text(8);
    b.project_count = st.i64(9);
    return b;
}

void get_brands(App& app, const httplib::Request& req, httplib::Response& res) {
    ReadLease lease = app.read();
    std::string tag = version_tag(lease.db(), req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    std::vector<Brand> out;
    Stmt st(lease.db(), std::string(kBrandSelect) + "ORDER BY position, slug");
    while (st.step() == Step::Row) out.push_back(read_brand(st, false));
    if (st.failed()) return db_failure(req, res, st.error());
    send_versioned(app, req, res, encode(out), tag);
}

void get_brand(App& app, const httplib::Request& req, httplib::Response& res) {
    std::string slug = req.matches[1];
    ReadLease lease = app.read();
    Db& db = lease.db();
    std::string tag = version_tag(db, req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    Stmt st(db, std::string(kBrandSelect) + "WHERE slug = ?");
    st.bind(1, slug);
    if (st.step() != Step::Row) {
        if (st.failed()) return db_failure(req, res, st.error());
        return not_found(req, res, "brand");
    }
    Brand b = read_brand(st, true);
    std::string err;
    if (!query_projects(db, " WHERE p.brand = ?", {slug}, kOrderStart, kBrandProjectsMax,
                        b.projects, err) ||
        !add_next_shifts(db, app.now(), b.projects, err))
        return db_failure(req, res, err);
    json j = encode(b);
    if (!j.contains("story")) j["story"] = "";
    if (!j.contains("projects")) j["projects"] = json::array();
    send_versioned(app, req, res, j, tag);
}

// ---- teams ------------------------------------------------------------------------------

constexpr const char* kTeamSelect =
    "SELECT t.id, t.name, t.org, t.district_id, d.name, t.leader_name, t.member_count, "
    "COALESCE((SELECT n FROM project_counts c WHERE c.dim = 'team' AND c.val = CAST(t.id AS TEXT)), 0), "
    "t.summary, t.founded FROM teams t JOIN districts d ON d.id = t.district_id ";

Team read_team(const Stmt& st) {
    return Team{st.i64(0), st.text(1), st.text(2), st.i64(3), st.text(4), st.text(5),
                st.i64(6), st.i64(7),  st.text(8), st.text(9), {}};
}

// Teams page by keyset on id (the cursor holds the last id). 4,248 teams at city scale:
// the name search still reads the team rows (docs/query-plans.md).
void get_teams(App& app, const httplib::Request& req, httplib::Response& res) {
    Query qp(req);
    auto q = qp.text("q");
    auto district = qp.id("district_id");
    int limit = qp.limit();
    std::string canon = "q=" + (req.has_param("q") ? req.get_param_value("q") : "") +
                        "\x1f" "district_id=" +
                        (req.has_param("district_id") ? req.get_param_value("district_id") : "");
    Keyset after = read_keyset_cursor(req, fnv1a64(canon), qp);
    ReadLease lease = app.read();
    Db& db = lease.db();
    if (qp.ok() && district &&
        !check_exists(db, "SELECT 1 FROM districts WHERE id = ?", *district, qp, "district_id",
                      "no such district", req, res))
        return;
    if (!qp.ok()) return send_problem(req, res, qp.problem());
    std::string tag = version_tag(db, req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;

    std::string where = "WHERE 1";
    std::vector<SqlValue> args;
    if (q) {
        where += " AND (instr(lower(t.name), lower(?)) > 0 OR instr(lower(t.org), lower(?)) > 0"
                 " OR instr(lower(t.summary), lower(?)) > 0 OR instr(lower(t.leader_name), lower(?)) > 0)";
        for (int i = 0; i < 4; ++i) args.push_back(*q);
    }
    if (district) where += " AND t.district_id = ?", args.push_back(*district);

    Stmt count(db, "SELECT count(*) FROM teams t " + where);
    count.bind_all(args);
    if (count.step() != Step::Row) return db_failure(req, res, count.error());
    Page<Team> page;
    page.total = count.i64(0);
    Stmt st(db, std::string(kTeamSelect) + where + " AND t.id > ? ORDER BY t.id LIMIT ?");
    st.bind_all(args);
    st.bind(static_cast<int>(args.size()) + 1, after.given ? after.id : int64_t{-1})
        .bind(static_cast<int>(args.size()) + 2, static_cast<int64_t>(limit + 1));
    while (st.step() == Step::Row) page.items.push_back(read_team(st));
    if (st.failed()) return db_failure(req, res, st.error());
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next_cursor = make_keyset_cursor(std::to_string(page.items.back().id),
                                              page.items.back().id, fnv1a64(canon));
    }
    send_versioned(app, req, res, encode(page), tag);
}

void get_team(App& app, const httplib::Request& req, httplib::Response& res) {
    auto id = path_id(req.matches[1]);
    if (!id) return not_found(req, res, "team");
    ReadLease lease = app.read();
    Db& db = lease.db();
    std::string tag = version_tag(db, req);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    Stmt st(db, std::string(kTeamSelect) + "WHERE t.id = ?");
    st.bind(1, *id);
    if (st.step() != Step::Row) {
        if (st.failed()) return db_failure(req, res, st.error());
        return not_found(req, res, "team");
    }
    Team t = read_team(st);
    std::string err;
    if (!query_projects(db, " WHERE p.team_id = ?", {*id}, kOrderStart, 1000, t.projects, err))
        return db_failure(req, res, err);
    json j = encode(t);
    if (!j.contains("projects")) j["projects"] = json::array();
    send_versioned(app, req, res, j, tag);
}

}  // namespace

// Paths served under /api/v1 by GET; the fallback uses them to tell 405 from 404.
const char* const kCatalogGetPaths[] = {
    R"(/api/v1/districts)",      R"(/api/v1/stats/city)", R"(/api/v1/brands)",
    R"(/api/v1/brands/([^/]+))", R"(/api/v1/teams)",      R"(/api/v1/teams/([^/]+))",
    R"(/api/v1/projects)",       R"(/api/v1/projects/([^/]+))",
};
const size_t kCatalogGetPathCount = sizeof(kCatalogGetPaths) / sizeof(kCatalogGetPaths[0]);

void register_catalog_routes(App& app) {
    auto on = [&](const char* pattern, App::Handler fn) { app.route("GET", pattern, std::move(fn)); };
    on(kCatalogGetPaths[0], get_districts);
    on(kCatalogGetPaths[1], get_city_stats);
    on(kCatalogGetPaths[2], get_brands);
    on(kCatalogGetPaths[3], get_brand);
    on(kCatalogGetPaths[4], get_teams);
    on(kCatalogGetPaths[5], get_team);
    on(kCatalogGetPaths[6], get_projects);
    on(kCatalogGetPaths[7], get_project);
}

}  // namespace zygc::server
