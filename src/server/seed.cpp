#include "server/seed.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/calendar.h"

namespace zygc::server {

namespace {

using json = nlohmann::json;

// Field readers that record the first problem instead of throwing.
struct Reader {
    std::string error;

    void fail(const std::string& where, const std::string& what) {
        if (error.empty()) error = where + ": " + what;
    }
    int64_t i64(const json& o, const char* k, const std::string& where, bool required = true) {
        auto it = o.find(k);
        if (it == o.end() || it->is_null()) {
            if (required) fail(where + "." + k, "missing");
            return 0;
        }
        if (!it->is_number_integer()) {
            fail(where + "." + k, "expected integer");
            return 0;
        }
        return it->get<int64_t>();
    }
    double f64(const json& o, const char* k, const std::string& where) {
        auto it = o.find(k);
        if (it == o.end() || !it->is_number()) {
            fail(where + "." + k, "expected number");
            return 0;
        }
        return it->get<double>();
    }
    std::string str(const json& o, const char* k, const std::string& where, bool required = true) {
        auto it = o.find(k);
        if (it == o.end() || it->is_null()) {
            if (required) fail(where + "." + k, "missing");
            return {};
        }
        if (!it->is_string()) {
            fail(where + "." + k, "expected string");
            return {};
        }
        return it->get<std::string>();
    }
    const json& arr(const json& o, const char* k, const std::string& where) {
        static const json empty = json::array();
        auto it = o.find(k);
        if (it == o.end() || it->is_null()) return empty;
        if (!it->is_array()) {
            fail(where + "." + k, "expected array");
            return empty;
        }
        return *it;
    }
};

std::string dump_array(const json& o, const char* k) {
    auto it = o.find(k);
    if (it == o.end() || !it->is_array()) return "[]";
    return it->dump();
}

bool has_data(Db& db) {
    Stmt st(db, "SELECT (SELECT count(*) FROM districts) + (SELECT count(*) FROM projects)");
    return st.step() == Step::Row && st.i64(0) > 0;
}

bool insert_all(Db& db, const json& doc, int64_t offset_days, SeedResult& r, std::string* err) {
    Reader rd;
    auto ok = [&](Stmt& st, const std::string& where) {
        if (!rd.error.empty()) return false;
        if (!st.exec()) {
            rd.fail(where, st.error());
            return false;
        }
        st.reset();
        return true;
    };

    Stmt ins_d(db,
               "INSERT INTO districts(id, name, population, registered_volunteers, service_minutes) "
               "VALUES (?, ?, ?, ?, ?)");
    Stmt ins_b(db,
               "INSERT INTO brands(slug, name, owner_org, district_id, summary, story, highlights, "
               "awards, stats, cover_url, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Stmt ins_t(db,
               "INSERT INTO teams(id, name, org, district_id, leader_name, member_count, summary, "
               "founded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    Stmt ins_p(db,
               "INSERT INTO projects(id, team_id, title, summary, description, category, brand, "
               "district_id, status, site_name, site_lat, site_lng, site_radius_m) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Stmt ins_s(db,
               "INSERT INTO shifts(id, project_id, start_at, end_at, capacity, signed_up) "
               "VALUES (?, ?, ?, ?, ?, ?)");
    for (Stmt* st : {&ins_d, &ins_b, &ins_t, &ins_p, &ins_s}) {
        if (!st->ok()) {
            if (err) *err = "prepare: " + st->error();
            return false;
        }
    }

    const json& districts = rd.arr(doc, "districts", "seed");
    for (size_t i = 0; i < districts.size(); ++i) {
        const json& d = districts[i];
        std::string w = "districts[" + std::to_string(i) + "]";
        ins_d.bind(1, rd.i64(d, "id", w))
            .bind(2, rd.str(d, "name", w))
            .bind(3, rd.i64(d, "population", w))
            .bind(4, rd.i64(d, "registered_volunteers", w, false))
            .bind(5, rd.i64(d, "service_minutes", w, false));
        if (!ok(ins_d, w)) break;
        ++r.districts;
    }
    const json& brands = rd.arr(doc, "brands", "seed");
    for (size_t i = 0; i < brands.size() && rd.error.empty(); ++i) {
        const json& b = brands[i];
        std::string w = "brands[" + std::to_string(i) + "]";
        ins_b.bind(1, rd.str(b, "slug", w))
            .bind(2, rd.str(b, "name", w))
            .bind(3, rd.str(b, "owner_org", w, false));
        int64_t did = rd.i64(b, "district_id", w, false);
        if (did > 0) ins_b.bind(4, did); else ins_b.bind_null(4);
        ins_b.bind(5, rd.str(b, "summary", w, false))
            .bind(6, rd.str(b, "story", w, false))
            .bind(7, dump_array(b, "highlights"))
            .bind(8, dump_array(b, "awards"))
            .bind(9, dump_array(b, "stats"))
            .bind(10, rd.str(b, "cover_url", w, false))
            .bind(11, static_cast<int64_t>(i));
        if (!ok(ins_b, w)) break;
        ++r.brands;
    }
    const json& teams = rd.arr(doc, "teams", "seed");
    for (size_t i = 0; i < teams.size() && rd.error.empty(); ++i) {
        const json& t = teams[i];
        std::string w = "teams[" + std::to_string(i) + "]";
        ins_t.bind(1, rd.i64(t, "id", w))
            .bind(2, rd.str(t, "name", w))
            .bind(3, rd.str(t, "org", w, false))
            .bind(4, rd.i64(t, "district_id", w))
            .bind(5, rd.str(t, "leader_name", w, false))
            .bind(6, rd.i64(t, "member_count", w, false))
            .bind(7, rd.str(t, "summary", w, false))
            .bind(8, rd.str(t, "founded", w, false));
        if (!ok(ins_t, w)) break;
        ++r.teams;
    }
    const json& projects = rd.arr(doc, "projects", "seed");
    for (size_t i = 0; i < projects.size() && rd.error.empty(); ++i) {
        const json& p = projects[i];
        std::string w = "projects[" + std::to_string(i) + "]";
        int64_t pid = rd.i64(p, "id", w);
        ins_p.bind(1, pid)
            .bind(2, rd.i64(p, "team_id", w))
            .bind(3, rd.str(p, "title", w))
            .bind(4, rd.str(p, "summary", w, false))
            .bind(5, rd.str(p, "description", w, false))
            .bind(6, rd.str(p, "category", w));
        std::string brand = rd.str(p, "brand", w, false);
        if (brand.empty()) ins_p.bind_null(7); else ins_p.bind(7, brand);
        ins_p.bind(8, rd.i64(p, "district_id", w));
        std::string status = rd.str(p, "status", w, false);
        ins_p.bind(9, status.empty() ? std::string("open") : status);
        auto site = p.find("site");
        if (site == p.end() || !site->is_object()) {
            rd.fail(w + ".site", "expected object");
            break;
        }
        ins_p.bind(10, rd.str(*site, "name", w + ".site", false))
            .bind(11, rd.f64(*site, "lat", w + ".site"))
            .bind(12, rd.f64(*site, "lng", w + ".site"))
            .bind(13, rd.i64(*site, "radius_m", w + ".site", false));
        if (!ok(ins_p, w)) break;
        ++r.projects;
        const json& shifts = rd.arr(p, "shifts", w);
        for (size_t k = 0; k < shifts.size() && rd.error.empty(); ++k) {
            const json& s = shifts[k];
            std::string ws = w + ".shifts[" + std::to_string(k) + "]";
            auto start = parse_rfc3339(rd.str(s, "start", ws));
            auto end = parse_rfc3339(rd.str(s, "end", ws));
            if (!start || !end) {
                rd.fail(ws, "start/end must be RFC 3339 with offset");
                break;
            }
            ins_s.bind(1, rd.i64(s, "id", ws))
                .bind(2, pid)
                .bind(3, *start + offset_days * 86400)
                .bind(4, *end + offset_days * 86400)
                .bind(5, rd.i64(s, "capacity", ws))
                .bind(6, rd.i64(s, "signed_up", ws, false));
            if (!ok(ins_s, ws)) break;
            ++r.shifts;
        }
    }
    if (!rd.error.empty()) {
        if (err) *err = rd.error;
        return false;
    }
    return true;
}

}  // namespace

bool load_seed_text(Db& db, const std::string& text, int64_t now_unix, SeedResult* out,
                    std::string* err) {
    SeedResult r;
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        if (err) *err = "seed is not a JSON object";
        return false;
    }
    if (has_data(db)) {
        r.skipped = true;
        if (out) *out = r;
        return true;
    }
    auto gf = doc.find("generated_for");
    std::optional<int64_t> offset;
    if (gf != doc.end() && gf->is_string()) offset = seed_day_offset(gf->get<std::string>(), now_unix);
    if (!offset) {
        if (err) *err = "seed.generated_for must be a YYYY-MM-DD date";
        return false;
    }
    r.day_offset = *offset;
    if (!db.begin()) {
        if (err) *err = "begin: " + db.last_error();
        return false;
    }
    if (!insert_all(db, doc, *offset, r, err)) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        if (err) *err = "commit: " + db.last_error();
        db.rollback();
        return false;
    }
    if (out) *out = r;
    return true;
}

bool load_seed_file(Db& db, const std::string& path, int64_t now_unix, SeedResult* out,
                    std::string* err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (err) *err = "cannot read seed file " + path;
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return load_seed_text(db, ss.str(), now_unix, out, err);
}

}  // namespace zygc::server
