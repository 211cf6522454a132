// [SECTION] Catalogue reads: brands (GET /brands, /brands/{slug}).
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
#include "server/routes_catalog_internal.h"

namespace zygc::server::catalog {

constexpr int kBrandProjectsMax = 50;

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
    // images (issue 10): the demo covers this server serves come in these widths
    // (scripts/gen-brand-images.mjs), so the app asks for the narrowest that fits.
    if (b.cover_url.rfind("/img/brands/", 0) == 0) b.cover_widths = {480, 960, 1440};
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
    // Its projects' next_shift depends on the time: the tag (and a kept answer) lasts a minute.
    std::string tag = version_tag(db, req, app.now() / 60);
    if (not_modified(req, res, tag) || answered_before(app, req, res, tag)) return;
    Stmt st(db, std::string(kBrandSelect) + "WHERE slug = ?");
    st.bind(1, slug);
    if (st.step() != Step::Row) {
        if (st.failed()) return db_failure(req, res, st.error());
        return not_found(req, res, "brand");
    }
    Brand b = read_brand(st, true);
    std::string err;
    if (!query_showcase(db, app.now(), "p.brand = ?", slug, kBrandProjectsMax, b.projects, err))
        return db_failure(req, res, err);
    json j = encode(b);
    if (!j.contains("story")) j["story"] = "";
    if (!j.contains("projects")) j["projects"] = json::array();
    send_versioned(app, req, res, j, tag);
}

}  // namespace zygc::server::catalog
