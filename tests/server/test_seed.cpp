// Seeding: the day offset, times, migrations, idempotent reload, the demo data set.
#include "fixture.h"
#include "server/db.h"
#include "server/seed.h"

using namespace zt;
using namespace zygc::server;
using namespace zygc;

TEST_CASE("seed day offset: today(+08:00) − generated_for, never negative", "[server][seed]") {
    auto at = [](const char* t) { return *parse_rfc3339(t); };
    CHECK(seed_day_offset("2026-11-28", at("2026-11-28T00:00:00+08:00")) == 0);
    CHECK(seed_day_offset("2026-11-28", at("2026-11-28T23:59:59+08:00")) == 0);
    CHECK(seed_day_offset("2026-11-28", at("2026-11-29T00:00:00+08:00")) == 1);
    // 16:30 UTC on the 28th is already the 29th in Qinhuangdao.
    CHECK(seed_day_offset("2026-11-28", at("2026-11-28T16:30:00Z")) == 1);
    CHECK(seed_day_offset("2026-11-28", at("2027-01-01T08:00:00+08:00")) == 34);
    CHECK(seed_day_offset("2026-11-28", at("2026-11-01T08:00:00+08:00")) == 0);  // seed in the future
    CHECK(seed_day_offset("2028-02-28", at("2028-03-01T00:00:00+08:00")) == 2);  // leap year
    CHECK_FALSE(seed_day_offset("2026-13-01", 0).has_value());
    CHECK_FALSE(seed_day_offset("yesterday", 0).has_value());
}

TEST_CASE("RFC 3339 parsing and +08:00 formatting", "[server][time]") {
    CHECK(parse_rfc3339("1970-01-01T08:00:00+08:00") == std::optional<int64_t>(0));
    CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == std::optional<int64_t>(0));
    CHECK(parse_rfc3339("2026-11-28T09:30:00.250+08:00") == parse_rfc3339("2026-11-28T01:30:00Z"));
    CHECK_FALSE(parse_rfc3339("2026-11-28T09:30:00").has_value());
    CHECK_FALSE(parse_rfc3339("2026-02-30T09:30:00+08:00").has_value());
    CHECK_FALSE(parse_rfc3339("2026-11-28T24:30:00+08:00").has_value());
    CHECK(format_cst(*parse_rfc3339("2026-11-28T01:30:00Z")) == "2026-11-28T09:30:00+08:00");
    CHECK(format_cst(*parse_rfc3339("2026-12-31T20:00:00-05:00")) == "2027-01-01T09:00:00+08:00");
    CHECK(parse_date("2024-02-29").has_value());
    CHECK_FALSE(parse_date("2023-02-29").has_value());
    CHECK(format_date(*parse_date("2026-11-28")) == "2026-11-28");
}

TEST_CASE("migrations and seeding are idempotent", "[server][seed]") {
    fs::path dir = make_temp_dir("seed");
    std::string path = (dir / "a.db").string();
    {
        Db db;
        std::string err;
        REQUIRE(db.open(path, &err));
        REQUIRE(migrate(db, &err));
        CHECK(schema_version(db) == latest_schema_version());
        REQUIRE(migrate(db, &err));  // nothing to do the second time
        Stmt wal(db, "PRAGMA journal_mode");
        REQUIRE(wal.step() == Step::Row);
        CHECK(wal.text(0) == "wal");
        Stmt fk(db, "PRAGMA foreign_keys");
        REQUIRE(fk.step() == Step::Row);
        CHECK(fk.i64(0) == 1);

        wal.reset();
        fk.reset();
        SeedResult r;
        INFO(err);
        REQUIRE(load_seed_text(db, fixture_seed().dump(), fixture_now(), &r, &err));
        CHECK_FALSE(r.skipped);
        CHECK(r.day_offset == kOffsetDays);
        CHECK(r.projects == 41);
        REQUIRE(load_seed_text(db, fixture_seed().dump(), fixture_now(), &r, &err));
        CHECK(r.skipped);
        Stmt n(db, "SELECT count(*) FROM projects");
        REQUIRE(n.step() == Step::Row);
        CHECK(n.i64(0) == 41);
        // The trigram index follows the table.
        Stmt fts(db, "SELECT count(*) FROM projects_fts WHERE projects_fts MATCH ?");
        fts.bind(1, "\"防诈骗\"");
        REQUIRE(fts.step() == Step::Row);
        CHECK(fts.i64(0) == 6);
    }
    {
        Db db;
        std::string err;
        REQUIRE(db.open((dir / "b.db").string(), &err));
        REQUIRE(migrate(db, &err));
        json bad = fixture_seed();
        bad["projects"][3]["shifts"][0]["start"] = "soon";
        CHECK_FALSE(load_seed_text(db, bad.dump(), fixture_now(), nullptr, &err));
        CHECK(err.find("projects[3].shifts[0]") != std::string::npos);
        Stmt n(db, "SELECT count(*) FROM districts");
        REQUIRE(n.step() == Step::Row);
        CHECK(n.i64(0) == 0);  // rolled back
        CHECK_FALSE(load_seed_text(db, "not json", fixture_now(), nullptr, &err));
    }
    fs::remove_all(dir);
}

TEST_CASE("the demo seed loads and its figures add up", "[server][demo]") {
    fs::path seed = fs::path(ZYGC_SOURCE_DIR) / "assets" / "demo" / "seed.json";
    if (!fs::exists(seed)) {
        WARN("assets/demo/seed.json missing: skipped");
        return;
    }
    std::ifstream in(seed);
    std::stringstream ss;
    ss << in.rdbuf();
    json doc = json::parse(ss.str());
    TestServer srv(ss.str(), static_cast<int64_t>(std::time(nullptr)));
    auto s = srv.get("/api/v1/stats/city");
    REQUIRE(s.status == 200);
    int64_t vol = 0, pop = 0, minutes = 0;
    for (const auto& d : doc["districts"]) {
        vol += d["registered_volunteers"].get<int64_t>();
        pop += d["population"].get<int64_t>();
        minutes += d["service_minutes"].get<int64_t>();
    }
    CHECK(s.j["registered_volunteers"] == vol);
    CHECK(s.j["resident_population"] == pop);
    CHECK(s.j["service_minutes"] == minutes);
    CHECK(s.j["teams"] == doc["teams"].size());
    CHECK(s.j["projects"] == doc["projects"].size());
    int64_t total = -1;
    auto ids = page_through(srv, "/api/v1/projects", 100, &total);
    CHECK(total == static_cast<int64_t>(doc["projects"].size()));
    CHECK(std::set<int64_t>(ids.begin(), ids.end()).size() == ids.size());
    auto brands = srv.get("/api/v1/brands");
    REQUIRE(brands.status == 200);
    CHECK(brands.j.size() == doc["brands"].size());
    // Shifts land on or after today (+08:00).
    auto first = srv.get("/api/v1/projects?limit=1&sort=start");
    REQUIRE(first.j["items"].size() == 1);
    std::string today = format_date(cst_day(std::time(nullptr)));
    CHECK(first.j["items"][0]["start"].get<std::string>().substr(0, 10) >= today);
}

TEST_CASE("migration 9 gives a filled database's search grams their start keys and counts", "[server][seed]") {
    TempDir dir("migrate9");
    Db db;
    std::string err;
    REQUIRE(db.open((dir.path / "a.db").string(), &err));
    REQUIRE(migrate(db, &err, 8));
    REQUIRE(schema_version(db) == 8);
    SeedResult r;
    REQUIRE(load_seed_text(db, fixture_seed().dump(), fixture_now(), &r, &err));
    INFO(err);
    REQUIRE(migrate(db, &err, 9));
    CHECK(schema_version(db) == 9);
    auto count = [&](const char* sql) {
        Stmt st(db, sql);
        REQUIRE(st.step() == Step::Row);
        return st.i64(0);
    };
    CHECK(count("SELECT count(*) FROM project_grams") > 1000);
    CHECK(count("SELECT count(*) FROM project_grams g JOIN projects p ON p.id = g.project_id "
                "WHERE g.start_asc IS NOT p.start_asc") == 0);
    CHECK(count("SELECT count(*) FROM projects WHERE first_start IS NOT NULL") > 30);
    CHECK(count("SELECT count(*) FROM (SELECT gram, count(*) AS n FROM project_grams GROUP BY gram) c "
                "LEFT JOIN gram_counts k ON k.gram = c.gram WHERE k.n IS NOT c.n") == 0);
    CHECK(count("SELECT count(*) FROM gram_counts WHERE n <> 0 AND gram NOT IN (SELECT gram FROM project_grams)") == 0);
}
