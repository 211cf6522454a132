// The catalogue at a few thousand generated projects (zygc-gen-city --scale 0.05, the
// generator the benchmarks use): keyset paging under concurrent inserts, short search
// against a brute-force scan of the same rows, snapshot-consistent pages while a writer
// runs, totals against a count, and a reader that is not starved by idle connections;
// and the generated city itself: the report's figures, its points ledger and its 老帮老 pairs.
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>

#include "accounts.h"
#include "fixture.h"
#include "server/db.h"
#include "server/points.h"

using namespace zt;
namespace zs = zygc::server;

namespace {

constexpr int64_t kNow = 1790000000;  // 2026-09-21, fixed: the generator's and server's clock
// status=open in SQL: open and not ended at kNow (what the list means by it).
#define OPEN_SQL "status = 'open' AND (last_end > 1790000000 OR last_end IS NULL)"
#define P_OPEN_SQL "p.status = 'open' AND (p.last_end > 1790000000 OR p.last_end IS NULL)"

// The generated database (made once per run, removed at exit), copied for each server that
// writes to it.
struct GeneratedDb {
    fs::path dir = make_temp_dir("city");
    fs::path db = dir / "city.db";
    GeneratedDb() {
        std::string cmd = std::string(ZYGC_GEN_CITY) + " --out " + db.string() + " --seed-file " +
                          ZYGC_SOURCE_DIR "/assets/demo/seed.json --rng 7 --scale 0.05 --now " +
                          std::to_string(kNow) + " >/dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    ~GeneratedDb() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};
const fs::path& generated_db() {
    static GeneratedDb generated;
    return generated.db;
}

// A server over its own copy of the generated database.
struct CityServer {
    fs::path dir = make_temp_dir("cityrun");
    fs::path db = dir / "city.db";
    std::unique_ptr<TestServer> srv;
    // dev: dev login codes (a signed-in test logs in as one of the generated residents).
    explicit CityServer(bool dev = false) {
        fs::copy_file(generated_db(), db);
        fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
        srv = std::make_unique<TestServer>("", kNow, "", [&](zs::Options& o) {
            o.db_path = db.string();
            o.dev = o.trust_proxy = dev;
        });
    }
    ~CityServer() {
        srv.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// A second, direct connection to the same file (the brute-force side and the writer).
struct Direct {
    zs::Db db;
    explicit Direct(const fs::path& path) {
        std::string err;
        REQUIRE(db.open(path.string(), &err));
    }
    std::vector<int64_t> ordered(const std::string& sql, const std::vector<zs::SqlValue>& args = {}) {
        zs::Stmt st(db, sql);
        st.bind_all(args);
        std::vector<int64_t> out;
        while (st.step() == zs::Step::Row) out.push_back(st.i64(0));
        REQUIRE_FALSE(st.failed());
        return out;
    }
    std::set<int64_t> ids(const std::string& sql, const std::vector<zs::SqlValue>& args = {}) {
        std::vector<int64_t> v = ordered(sql, args);
        return {v.begin(), v.end()};
    }
    std::string text(const std::string& sql, const std::vector<zs::SqlValue>& args = {}) {
        zs::Stmt st(db, sql);
        st.bind_all(args);
        REQUIRE(st.step() == zs::Step::Row);
        return st.text(0);
    }
    int64_t count(const std::string& sql, const std::vector<zs::SqlValue>& args = {}) {
        zs::Stmt st(db, sql);
        st.bind_all(args);
        REQUIRE(st.step() == zs::Step::Row);
        return st.i64(0);
    }
    // A new project of `team` with one shift starting at `start` (triggers keep the rest);
    // 0 when a statement failed. No assertions inside: writer threads call it, and Catch2's
    // assertions are not thread-safe (threads count, the test thread asserts).
    int64_t try_insert_project(int64_t team, int64_t start, const std::string& title) {
        if (!db.begin()) return 0;
        zs::Stmt p(db, "INSERT INTO projects (team_id, title, summary, description, category, district_id) "
                       "SELECT id, ?, '并发插入', '', 'elderly', district_id FROM teams WHERE id = ?");
        p.bind(1, title).bind(2, team);
        if (!p.exec()) return 0;
        int64_t id = db.last_insert_rowid();
        zs::Stmt s(db, "INSERT INTO shifts (project_id, start_at, end_at, capacity) VALUES (?, ?, ?, 10)");
        s.bind(1, id).bind(2, start).bind(3, start + 7200);
        if (!s.exec() || !db.commit()) return 0;
        return id;
    }
    int64_t insert_project(int64_t team, int64_t start, const std::string& title) {
        int64_t id = try_insert_project(team, start, title);
        REQUIRE(id > 0);
        return id;
    }
};

std::set<int64_t> brute_force(Direct& d, const std::string& q) {
    return d.ids("SELECT id FROM projects WHERE instr(lower(title), lower(?1)) > 0 OR "
                 "instr(lower(summary), lower(?1)) > 0 OR instr(lower(description), lower(?1)) > 0",
                 {q});
}

}  // namespace

TEST_CASE("city: keyset paging returns every project exactly once under concurrent inserts",
          "[server][city]") {
    CityServer city;
    Direct d(city.db);
    const std::set<int64_t> before = d.ids("SELECT id FROM projects");
    REQUIRE(before.size() > 2000);
    const int64_t team = d.count("SELECT min(id) FROM teams");
    const int64_t lo = d.count("SELECT min(first_start) FROM projects");
    const int64_t hi = d.count("SELECT max(first_start) FROM projects");

    for (const char* sort : {"start", "-start", "popular"}) {
        INFO("sort = " << sort);
        std::atomic<bool> stop{false};
        std::atomic<int> inserted{0}, failed_inserts{0};
        // Inserts land everywhere in the order: before, inside and after the pages read.
        Direct w(city.db);
        std::thread writer([&] {
            for (int64_t k = 0; !stop; ++k) {
                if (w.try_insert_project(team, lo + (hi - lo) * ((k * 37) % 101) / 100, "并发项目" + std::to_string(k)))
                    ++inserted;
                else
                    ++failed_inserts;
            }
        });
        // The writer's first row before the first page: on a busy machine the pages could
        // otherwise all be read before the thread ran at all.
        while (inserted == 0 && failed_inserts == 0) std::this_thread::yield();
        std::vector<int64_t> seen = page_through(*city.srv, std::string("/api/v1/projects?sort=") + sort, 97);
        stop = true;
        writer.join();
        CHECK(inserted > 0);
        CHECK(failed_inserts == 0);
        std::set<int64_t> unique(seen.begin(), seen.end());
        CHECK(unique.size() == seen.size());  // no project twice
        for (int64_t id : before) {
            if (!unique.count(id)) FAIL_CHECK("project " << id << " was skipped");
        }
    }
}

TEST_CASE("city: search of 1, 2 and 3+ characters equals a brute-force scan of the same rows", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    // Queries from the data: common and rare pairs, one that straddles the end of a title
    // and the start of its summary (instr() never matches across fields; neither may the
    // index), ASCII case-insensitivity, and single characters.
    // 3+ characters: common (more matches than the drive cap), rare, walked though their
    // rarest pair has more projects than they do (环路街: 94 of 266; 小学生), and one whose
    // rarest pair is common while the whole is rare (the walk would read too much: drive).
    std::vector<std::string> queries = {"老人", "社区", "志愿", "服务", "海滨", "义诊", "ab", "AB", "a*", "区", "老", "期",
                                        "志愿者", "小候鸟", "防诈骗", "环路街", "小学生", "社区志愿", "服务。"};
    {
        zs::Stmt st(d.db, "SELECT title, summary FROM projects WHERE summary <> '' ORDER BY id LIMIT 3");
        while (st.step() == zs::Step::Row) {
            std::string t = st.text(0), s = st.text(1);
            size_t last = t.size() - 1;
            while (last > 0 && (static_cast<unsigned char>(t[last]) & 0xC0) == 0x80) --last;
            size_t first = 1;
            while (first < s.size() && (static_cast<unsigned char>(s[first]) & 0xC0) == 0x80) ++first;
            queries.push_back(t.substr(last) + s.substr(0, first));
        }
    }
    bool some_big = false, some_small = false;
    for (const auto& q : queries) {
        INFO("q = " << q);
        std::set<int64_t> want = brute_force(d, q);
        (want.size() > 2000 ? some_big : some_small) = true;
        for (const char* extra : {"", "&sort=popular", "&district_id=3", "&status=open&sort=-start"}) {
            INFO("with " << extra);
            int64_t total = -1;
            // Pages of 20 (the app's) in start order: what the walk is chosen for.
            auto got = page_through(*city.srv, "/api/v1/projects?q=" + qenc(q) + extra, *extra ? 100 : 20, &total);
            std::set<int64_t> unique(got.begin(), got.end());
            CHECK(unique.size() == got.size());
            const std::string wanted = json(std::vector<int64_t>(want.begin(), want.end())).dump();
            const std::string e = extra;
            std::string filter = e.find("district_id") != std::string::npos ? "district_id = 3"
                                 : e.find("status=open") != std::string::npos ? OPEN_SQL : "1";
            std::string order = e.find("popular") != std::string::npos ? "signed_up DESC, id"
                                : e.find("-start") != std::string::npos ? "start_desc DESC, id DESC" : "start_asc, id";
            // The same rows in the same order as the list sorted alone.
            CHECK(got == d.ordered("SELECT id FROM projects WHERE " + filter +
                                   " AND id IN (SELECT value FROM json_each(?)) ORDER BY " + order, {wanted}));
            // Exact, but for 3+ characters with more matches than the drive cap: an upper bound.
            const auto chars = std::count_if(q.begin(), q.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; });
            if (e.empty() && (chars < 3 || want.size() <= 2000)) CHECK(total == static_cast<int64_t>(want.size()));
            if (e.empty()) CHECK(total >= static_cast<int64_t>(want.size()));
        }
    }
    CHECK(some_small);
    INFO("at least one query has more matches than the drive cap (the probe path)");
    CHECK(some_big);
}

// The walk of a 2-character search (migration 9) reads each gram entry's copy of its
// project's start key and the gram's kept count: both must follow every change.
TEST_CASE("city: a 2-character search follows its projects' first shifts, texts and counts", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    auto search = [&](const std::string& q, int64_t* total) {
        // Pages of 5: more matches than a page, so 义诊 (18 here) walks its gram.
        return page_through(*city.srv, "/api/v1/projects?q=" + qenc(q), 5, total);
    };
    auto expected = [&](const std::string& q) {
        return d.ordered("SELECT id FROM projects WHERE instr(lower(title), ?1) > 0 OR instr(lower(summary), ?1) > 0"
                         " OR instr(lower(description), ?1) > 0 ORDER BY start_asc, id", {q});
    };
    int64_t total = -1;
    std::vector<int64_t> before = search("义诊", &total);
    REQUIRE(before.size() > 5);
    CHECK(before == expected("义诊"));
    CHECK(total == static_cast<int64_t>(before.size()));

    // A shift before every other moves the last match to the front; removing it moves it back.
    const int64_t last = before.back();
    const int64_t first_start = d.count("SELECT min(start_at) FROM shifts");
    zs::Stmt add(d.db, "INSERT INTO shifts (project_id, start_at, end_at, capacity) VALUES (?, ?, ?, 5)");
    add.bind(1, last).bind(2, first_start - 86400).bind(3, first_start - 80000);
    REQUIRE(add.exec());
    const int64_t shift = d.db.last_insert_rowid();
    std::vector<int64_t> moved = search("义诊", &total);
    CHECK(moved.front() == last);
    CHECK(moved == expected("义诊"));
    zs::Stmt del(d.db, "DELETE FROM shifts WHERE id = ?");
    del.bind(1, shift);
    REQUIRE(del.exec());
    CHECK(search("义诊", &total) == before);

    // A new word in a title: found, counted, in order; gone again when the title changes back.
    const std::string title = d.text("SELECT title FROM projects WHERE id = ?", {before.front()});
    zs::Stmt retitle(d.db, "UPDATE projects SET title = ? WHERE id = ?");
    retitle.bind(1, title + "鲸鲨").bind(2, before.front());
    REQUIRE(retitle.exec());
    int64_t one = d.insert_project(1, first_start + 3600, "鲸鲨观测");
    CHECK(search("鲸鲨", &total) == expected("鲸鲨"));
    CHECK(total == 2);
    CHECK(search("义诊", &total) == before);  // its text's entries were all made again
    retitle.reset();
    retitle.bind(1, title).bind(2, before.front());
    REQUIRE(retitle.exec());
    CHECK(search("鲸鲨", &total) == std::vector<int64_t>{one});
    CHECK(total == 1);
    CHECK(search("义诊", &total) == before);
}

TEST_CASE("city: totals equal a count, or say they are estimated", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    struct Case {
        const char* query;
        const char* where;  // the same filter in SQL over projects p
    };
    const Case cases[] = {
        {"", "1"},
        {"status=open", P_OPEN_SQL},
        {"district_id=2", "p.district_id = 2"},
        {"category=elderly", "p.category = 'elderly'"},
        {"district_id=2&category=elderly", "p.district_id = 2 AND p.category = 'elderly'"},
        {"status=open&district_id=1", P_OPEN_SQL " AND p.district_id = 1"},
        {"status=closed&sort=popular", "p.status = 'closed'"},
        {"date_from=2026-10-01&date_to=2026-10-31",
         "EXISTS (SELECT 1 FROM shifts s WHERE s.project_id = p.id AND s.start_at >= 1790784000 AND s.start_at < 1793462400)"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.query);
        auto r = city.srv->get(std::string("/api/v1/projects?limit=5&") + c.query);
        REQUIRE(r.status == 200);
        int64_t want = d.count(std::string("SELECT count(*) FROM projects p WHERE ") + c.where);
        REQUIRE(r.j.contains("total_estimated"));
        if (r.j["total_estimated"] == true) {
            // An estimate: never below what a page shows, never above the whole catalogue.
            CHECK(want > 5);
            CHECK(r.j["total"].get<int64_t>() >= 5);
            CHECK(r.j["total"].get<int64_t>() <= d.count("SELECT count(*) FROM projects"));
        } else {
            CHECK(r.j["total"].get<int64_t>() == want);
        }
    }
    // Several filters whose whole result is one page: exact.
    {
        int64_t team = d.count("SELECT team_id FROM projects GROUP BY team_id ORDER BY count(*) DESC LIMIT 1");
        auto page = city.srv->get("/api/v1/projects?limit=100&status=open&team_id=" + std::to_string(team));
        REQUIRE(page.status == 200);
        CHECK(page.j["total_estimated"] == false);
        CHECK(page.j["total"].get<int64_t>() ==
              d.count("SELECT count(*) FROM projects WHERE " OPEN_SQL " AND team_id = ?", {team}));
    }
    // A search's total is the exact number of matches.
    auto r = city.srv->get("/api/v1/projects?q=" + qenc("义诊"));
    REQUIRE(r.status == 200);
    CHECK(r.j["total"].get<int64_t>() == static_cast<int64_t>(brute_force(d, "义诊").size()));
}

TEST_CASE("city: concurrent readers see consistent pages while a writer runs", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    const int64_t team = d.count("SELECT max(id) FROM teams");
    const int64_t project = d.count("SELECT min(id) FROM projects WHERE id IN (SELECT project_id FROM shifts)");
    std::atomic<bool> stop{false};
    std::atomic<int> writes{0};
    // Catch2's assertions are not thread-safe: the threads count what they saw, the test
    // thread asserts on the counts (a crash in 1 of ~8 runs before). The writer's direct
    // connection is opened here for that reason.
    Direct w(city.db);
    std::thread writer([&] {
        for (int64_t k = 0; !stop && k < 60; ++k) {
            if (!w.try_insert_project(team, kNow + 86400 * (k + 1), "写入中" + std::to_string(k))) break;
            // and a shift's count moves (a sign-up's effect): the project row follows it
            if (!w.db.begin()) break;
            zs::Stmt s(w.db, "UPDATE shifts SET signed_up = (signed_up + 1) % (capacity + 1) "
                             "WHERE id = (SELECT min(id) FROM shifts WHERE project_id = ?)");
            s.bind(1, project);
            if (!s.exec() || !w.db.commit()) break;
            ++writes;
        }
    });
    std::atomic<int> checked{0}, failed_requests{0}, total_mismatches{0}, sum_mismatches{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 4; ++r)
        readers.emplace_back([&] {
            while (!stop) {
                // The page and its total come from one snapshot: for a team whose projects
                // all fit on a page, the total (a maintained count) equals the items.
                // (The client directly: the harness's get() asserts, and these are threads.)
                httplib::Client c = city.srv->client();
                auto page = c.Get("/api/v1/projects?limit=100&team_id=" + std::to_string(team));
                // The detail's aggregate and its shifts agree.
                auto det = c.Get("/api/v1/projects/" + std::to_string(project));
                if (!page || !det || page->status != 200 || det->status != 200) {
                    ++failed_requests;
                    continue;
                }
                json pj = json::parse(page->body), dj = json::parse(det->body);
                if (pj["total"].get<int64_t>() != static_cast<int64_t>(pj["items"].size())) ++total_mismatches;
                int64_t sum = 0;
                for (const auto& s : dj["shifts"]) sum += s["signed_up"].get<int64_t>();
                if (dj["signed_up"].get<int64_t>() != sum) ++sum_mismatches;
                ++checked;
            }
        });
    while (writes < 60 && checked < 100000) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
    writer.join();
    for (auto& t : readers) t.join();
    CHECK(writes == 60);
    CHECK(checked > 0);
    CHECK(failed_requests == 0);
    CHECK(total_mismatches == 0);
    CHECK(sum_mismatches == 0);
    // After the writes, every new project is listed and counted.
    auto page = city.srv->get("/api/v1/projects?limit=100&team_id=" + std::to_string(team));
    CHECK(page.j["total"].get<int64_t>() ==
          d.count("SELECT count(*) FROM projects WHERE team_id = ?", {team}));
}

TEST_CASE("city: the certification queue pages a project's records exactly once under concurrent inserts",
          "[server][city]") {
    CityServer city(/*dev=*/true);
    Direct d(city.db);
    const int64_t project = d.count("SELECT project_id FROM attendance WHERE project_id NOT IN "
                                     "(SELECT project_id FROM eldercare_projects) "
                                     "GROUP BY project_id ORDER BY count(*) DESC LIMIT 1");
    const std::string phone =
        d.text("SELECT u.phone FROM projects p JOIN team_members m ON m.team_id = p.team_id AND m.role = 'leader' "
               "JOIN users u ON u.id = m.user_id WHERE p.id = ?", {project});
    const httplib::Headers auth = {{"Authorization", "Bearer " + login(*city.srv, phone)}};
    const std::string base = "/api/v1/projects/" + std::to_string(project) + "/attendance";
    const std::set<int64_t> before = d.ids("SELECT id FROM attendance WHERE project_id = ?", {project});
    REQUIRE(before.size() > 20);

    // Paging by 7 while a copy of a record is added after each page (one second later than
    // it, so it lands next to it, before or after the cursor).
    std::vector<int64_t> seen;
    std::string cursor;
    int pages = 0;
    do {
        auto r = city.srv->get(base + "?limit=7" + (cursor.empty() ? "" : "&cursor=" + cursor), auth);
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(r.j["items"].size() <= 7);
        CHECK(r.j["roster"].empty());  // without shift_id
        CHECK(r.j["total"].get<int64_t>() == d.count("SELECT count(*) FROM attendance WHERE project_id = ?", {project}));
        for (const auto& it : r.j["items"]) seen.push_back(it["id"]);
        zs::Stmt copy(d.db, "INSERT INTO attendance (user_id, shift_id, project_id, team_id, method, check_in, "
                            "check_out, minutes, status, created_at) SELECT user_id, shift_id, project_id, team_id, "
                            "'manual', check_in + 1, check_out, minutes, 'pending', created_at FROM attendance WHERE id = ?");
        copy.bind(1, seen[seen.size() / 2]);
        REQUIRE(copy.exec());
        cursor = r.j["next_cursor"].is_null() ? "" : r.j["next_cursor"].get<std::string>();
        ++pages;
    } while (!cursor.empty() && pages < 1000);
    const std::set<int64_t> distinct(seen.begin(), seen.end());
    CHECK(distinct.size() == seen.size());  // none twice
    CHECK(std::includes(distinct.begin(), distinct.end(), before.begin(), before.end()));  // none lost
    CHECK(pages >= static_cast<int>(before.size() / 7));

    // A filter's total and a shift's roster, against the database.
    auto certified = city.srv->get(base + "?status=certified&limit=100", auth);
    REQUIRE(certified.status == 200);
    CHECK(certified.j["total"].get<int64_t>() ==
          d.count("SELECT count(*) FROM attendance WHERE project_id = ? AND status = 'certified'", {project}));
    for (const auto& it : certified.j["items"]) CHECK(it["status"] == "certified");
    const int64_t shift = d.count("SELECT shift_id FROM attendance WHERE project_id = ? LIMIT 1", {project});
    auto one = city.srv->get(base + "?shift_id=" + std::to_string(shift), auth);
    REQUIRE(one.status == 200);
    CHECK(static_cast<int64_t>(one.j["roster"].size()) ==
          d.count("SELECT count(*) FROM signups WHERE shift_id = ? AND status = 'confirmed'", {shift}));
    CHECK(one.j["total"].get<int64_t>() == d.count("SELECT count(*) FROM attendance WHERE shift_id = ?", {shift}));

    // A cursor is the list's own, and bound to its filters.
    auto first = city.srv->get(base + "?limit=3", auth);
    REQUIRE(first.j["next_cursor"].is_string());
    const std::string next = first.j["next_cursor"];
    check_problem(city.srv->get(base + "?limit=3&status=pending&cursor=" + next, auth), 400);
    check_problem(city.srv->get(base + "?cursor=bm90LWEtY3Vyc29y", auth), 400);
    check_problem(city.srv->get(base + "?limit=0", auth), 422);
    check_problem(city.srv->get(base + "?limit=abc", auth), 400);
    check_problem(city.srv->get(base + "?status=bogus", auth), 422);
    check_problem(city.srv->get(base + "?shift_id=x", auth), 400);
}

TEST_CASE("city: the report's figures, in proportion to the scale, are what the dashboard shows",
          "[server][city]") {
    // 志愿港城's report: 4,248 teams, 58,000 projects, 609,000 volunteers, 2,560万 hours;
    // the generated city at 0.05 has a twentieth of each (the hours within 15%: they come
    // from shifts, sign-ups and check-ins drawn at random, not from a quota).
    constexpr double kScale = 0.05;
    CityServer city;
    Direct d(city.db);
    CHECK(d.count("SELECT count(*) FROM teams") >= std::llround(4248 * kScale));
    CHECK(d.count("SELECT count(*) FROM projects") >= std::llround(58000 * kScale));
    CHECK(d.count("SELECT count(*) FROM volunteers") >= std::llround(609000 * kScale));
    const int64_t minutes = d.count("SELECT COALESCE(SUM(minutes), 0) FROM attendance "
                                    "WHERE certified = 1 AND corrected_by IS NULL");
    CHECK(minutes / 60 >= std::llround(25.6e6 * kScale * 0.85));
    CHECK(minutes / 60 <= std::llround(25.6e6 * kScale * 1.15));
    auto dash = city.srv->get("/api/v1/stats/dashboard");
    REQUIRE(dash.status == 200);
    CHECK(dash.j["service_minutes"].get<int64_t>() == minutes);
    CHECK(dash.j["teams"].get<int64_t>() == d.count("SELECT count(*) FROM teams"));
    CHECK(dash.j["registered_volunteers"].get<int64_t>() == d.count("SELECT count(*) FROM volunteers"));
}

TEST_CASE("city: every certified record earned its points, a year was spent, and 老帮老 is paired",
          "[server][city]") {
    CityServer city(/*dev=*/true);
    Direct d(city.db);
    // The ledger balances, and each record earned floor(minutes / 30) once, by kNow.
    CHECK(zs::points::check_invariants(d.db).empty());
    CHECK(d.count("SELECT count(*) FROM attendance a WHERE a.certified = 1 AND a.corrected_by IS NULL AND "
                  "a.minutes / 30 != (SELECT COALESCE(SUM(p.points), 0) FROM points_postings p "
                  "WHERE p.ref_kind = 'attendance' AND p.ref_id = a.id AND p.kind = 'earn')") == 0);
    CHECK(d.count("SELECT count(*) FROM points_postings WHERE at > ?", {kNow}) == 0);
    for (const char* spent : {"SELECT count(*) FROM points_redemptions WHERE status = 'settled'",
                              "SELECT count(*) FROM points_redemptions WHERE status = 'expired'",
                              "SELECT count(*) FROM points_donations",
                              "SELECT count(*) FROM points_postings WHERE kind = 'expire'"}) {
        INFO(spent);
        CHECK(d.count(spent) > 0);
    }
    // Pairs within a district, no helper over capacity, visits are the helper's own records.
    CHECK(d.count("SELECT count(*) FROM eldercare_pairs p JOIN eldercare_needs n ON n.id = p.need_id "
                  "JOIN eldercare_helpers h ON h.id = p.helper_id "
                  "WHERE n.district_id != p.district_id OR h.district_id != p.district_id") == 0);
    CHECK(d.count("SELECT count(*) FROM eldercare_helpers h WHERE h.capacity < "
                  "(SELECT count(*) FROM eldercare_pairs p WHERE p.helper_id = h.id AND p.status = 'active')") == 0);
    CHECK(d.count("SELECT count(*) FROM eldercare_visits v JOIN eldercare_pairs p ON p.id = v.pair_id "
                  "JOIN eldercare_helpers h ON h.id = p.helper_id JOIN attendance a ON a.id = v.attendance_id "
                  "WHERE a.user_id != h.user_id OR a.project_id != p.project_id") == 0);

    // Each shift inserted moved its project's aggregates by itself (migration 13): the same
    // as summing them again, for the 老帮老 projects' thousands of visit shifts too.
    CHECK(d.count("SELECT count(*) FROM projects p WHERE (p.first_start, p.last_end, p.capacity, p.signed_up) IS NOT "
                  "(SELECT MIN(s.start_at), MAX(s.end_at), COALESCE(SUM(s.capacity), 0), COALESCE(SUM(s.signed_up), 0) "
                  "FROM shifts s WHERE s.project_id = p.id)") == 0);
    CHECK(d.count("SELECT max(n) FROM (SELECT count(*) AS n FROM shifts WHERE project_id IN "
                  "(SELECT project_id FROM eldercare_projects) GROUP BY project_id)") > 100);
    // Its detail holds the latest 100 of them, in start order, and says how many there are.
    const int64_t busiest = d.count("SELECT project_id FROM shifts WHERE project_id IN "
                                    "(SELECT project_id FROM eldercare_projects) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
    auto detail = city.srv->get("/api/v1/projects/" + std::to_string(busiest));
    REQUIRE(detail.status == 200);
    CHECK(detail.j["shift_count"].get<int64_t>() == d.count("SELECT count(*) FROM shifts WHERE project_id = ?", {busiest}));
    REQUIRE(detail.j["shifts"].size() == 100);
    CHECK(detail.j["shifts"][0]["id"].get<int64_t>() ==
          d.count("SELECT id FROM shifts WHERE project_id = ? ORDER BY start_at DESC, id DESC LIMIT 1 OFFSET 99", {busiest}));
    CHECK(detail.j["shifts"][99]["id"].get<int64_t>() ==
          d.count("SELECT id FROM shifts WHERE project_id = ? ORDER BY start_at DESC, id DESC LIMIT 1", {busiest}));

    // What a resident sees: pairs in every district, rewards in every district, own points.
    auto dash = city.srv->get("/api/v1/stats/dashboard");
    REQUIRE(dash.status == 200);
    CHECK(dash.j["eldercare_pairs"].get<int64_t>() ==
          d.count("SELECT count(*) FROM eldercare_pairs WHERE status = 'active'"));
    CHECK(dash.j["eldercare_visits"].get<int64_t>() > 0);
    CHECK(dash.j["help_requests"].get<int64_t>() > 0);
    for (const auto& row : dash.j["by_district"]) {
        INFO(row.dump());
        CHECK(row["eldercare_pairs"].get<int64_t>() > 0);
        auto rewards = city.srv->get("/api/v1/rewards?district_id=" + std::to_string(row["district_id"].get<int64_t>()));
        REQUIRE(rewards.status == 200);
        CHECK(!rewards.j["items"].empty());
    }
    const std::string richest = d.text(
        "SELECT u.phone FROM points_accounts a JOIN users u ON u.id = a.owner_id WHERE a.kind = 'volunteer' "
        "ORDER BY a.balance DESC, a.id LIMIT 1");
    const int64_t balance = d.count(
        "SELECT a.balance FROM points_accounts a JOIN users u ON u.id = a.owner_id WHERE u.phone = ? "
        "AND a.kind = 'volunteer'", {richest});
    CHECK(balance > 0);
    auto mine = city.srv->get("/api/v1/me/points?limit=5",
                              {{"Authorization", "Bearer " + login(*city.srv, richest)}});
    REQUIRE(mine.status == 200);
    CHECK(mine.j["balance"].get<int64_t>() == balance);
    CHECK(mine.j["entry_count"].get<int64_t>() > 0);

    // The admin's statistics (kept by migration 14's trigger) equal sums over the ledger.
    auto stats = city.srv->get("/api/v1/stats/points", {{"Authorization", "Bearer " + login(*city.srv, "13800000009")}});
    REQUIRE(stats.status == 200);
    auto sum = [&](const char* kinds, const std::string& where = "1") {
        return d.count(std::string("SELECT COALESCE(SUM(points), 0) FROM points_postings WHERE kind IN (") + kinds +
                       ") AND " + where);
    };
    CHECK(stats.j["issued"].get<int64_t>() == sum("'earn'") - sum("'reversal', 'hold_applied'"));
    CHECK(stats.j["redeemed"].get<int64_t>() == sum("'settle'"));
    CHECK(stats.j["expired"].get<int64_t>() == sum("'expire'"));
    CHECK(stats.j["outstanding"].get<int64_t>() ==
          d.count("SELECT COALESCE(SUM(balance), 0) FROM points_accounts WHERE kind = 'volunteer'"));
    REQUIRE(stats.j["by_month"].size() >= 12);
    for (const auto& m : stats.j["by_month"]) {
        INFO(m.dump());
        const std::string in_month = "strftime('%Y-%m', at + 28800, 'unixepoch') = '" + m["month"].get<std::string>() + "'";
        CHECK(m["donated"].get<int64_t>() == sum("'donate'", in_month));
        CHECK(m["expired"].get<int64_t>() == sum("'expire'", in_month));
    }
    for (const auto& row : stats.j["by_district"]) {
        INFO(row.dump());
        CHECK(row["redeemed"].get<int64_t>() == sum("'settle'", "district_id = " + std::to_string(row["district_id"].get<int64_t>())));
    }
}

TEST_CASE("city: 64 idle keep-alive connections do not starve a new client", "[server][city]") {
    CityServer city;
    std::vector<std::unique_ptr<httplib::Client>> idle;
    for (int i = 0; i < 64; ++i) {
        auto c = std::make_unique<httplib::Client>("127.0.0.1", city.srv->port());
        c->set_keep_alive(true);
        c->set_read_timeout(10);
        auto r = c->Get("/api/v1/brands");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        idle.push_back(std::move(c));  // the connection stays open, idle
    }
    auto r = city.srv->get("/api/v1/stats/city");
    CHECK(r.status == 200);
    CHECK(r.j["projects"].get<int64_t>() > 2000);
    auto list = city.srv->get("/api/v1/projects?limit=20");
    CHECK(list.status == 200);
    CHECK(list.j["items"].size() == 20);
}

TEST_CASE("city: version ETags answer 304 until the catalogue changes", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    auto first = city.srv->get("/api/v1/projects?limit=5");
    REQUIRE(first.status == 200);
    std::string tag = first.header("ETag");
    REQUIRE_FALSE(tag.empty());
    auto again = city.srv->get("/api/v1/projects?limit=5", {{"If-None-Match", tag}});
    CHECK(again.status == 304);
    d.insert_project(d.count("SELECT min(id) FROM teams"), kNow + 3600, "新项目");
    auto changed = city.srv->get("/api/v1/projects?limit=5", {{"If-None-Match", tag}});
    CHECK(changed.status == 200);
    CHECK(changed.header("ETag") != tag);
}

TEST_CASE("city: a catalogue answer sent again is the same, and a change shows at once", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    int64_t team = d.count("SELECT min(id) FROM teams");
    const std::string url = "/api/v1/projects?limit=100&team_id=" + std::to_string(team);
    auto first = city.srv->get(url);
    auto again = city.srv->get(url);
    REQUIRE(first.status == 200);
    REQUIRE(again.status == 200);
    CHECK(again.body == first.body);
    CHECK(again.header("ETag") == first.header("ETag"));
    // Asked with gzip: the compressed answer of the same version, kept apart from the plain one.
    auto zipped = city.srv->get(url, {{"Accept-Encoding", "gzip"}});
    auto zipped_again = city.srv->get(url, {{"Accept-Encoding", "gzip"}});
    CHECK(zipped.header("Content-Encoding") == "gzip");
    CHECK(zipped_again.body == zipped.body);
    CHECK(zipped_again.header("ETag") == zipped.header("ETag"));
    CHECK(city.srv->get(url).header("Content-Encoding").empty());
    // A new project of the team (another connection writes it): the very next answer lists it.
    d.insert_project(team, kNow + 3600, "最早的新项目");
    auto changed = city.srv->get(url);
    REQUIRE(changed.status == 200);
    CHECK(changed.header("ETag") != first.header("ETag"));
    CHECK(changed.body != first.body);
    CHECK(changed.body.find("最早的新项目") != std::string::npos);
}

TEST_CASE("city: a project's kept answer keeps its body ETag, answers 304, and follows a sign-up", "[server][city]") {
    CityServer city;
    Direct d(city.db);
    int64_t id = d.count("SELECT min(p.id) FROM projects p JOIN shifts s ON s.project_id = p.id "
                         "WHERE s.signed_up < s.capacity");
    const std::string url = "/api/v1/projects/" + std::to_string(id);
    auto first = city.srv->get(url);
    auto again = city.srv->get(url);
    REQUIRE(first.status == 200);
    CHECK(again.body == first.body);
    CHECK(again.header("ETag") == first.header("ETag"));
    auto cond = city.srv->get(url, {{"If-None-Match", first.header("ETag")}});
    CHECK(cond.status == 304);
    CHECK(cond.body.empty());
    // Another connection takes a place: the next answer counts it, under a new ETag.
    int64_t before = first.j["signed_up"].get<int64_t>();
    zs::Stmt up(d.db, "UPDATE shifts SET signed_up = signed_up + 1 WHERE id = "
                      "(SELECT min(id) FROM shifts WHERE project_id = ? AND signed_up < capacity)");
    up.bind(1, id);
    REQUIRE(up.exec());
    auto changed = city.srv->get(url, {{"If-None-Match", first.header("ETag")}});
    REQUIRE(changed.status == 200);
    CHECK(changed.j["signed_up"].get<int64_t>() == before + 1);
    CHECK(changed.header("ETag") != first.header("ETag"));
}
