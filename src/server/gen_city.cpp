// zygc-gen-city: a database at the size of the city the app is for, from a seed.
//
// The demo seed (330 projects) is loaded first, so every brand, district and dev account
// the app knows is there; then teams, projects, shifts, volunteers, team members and
// sign-ups are added until the figures of the 志愿港城 report are reached (4,248 teams,
// 58,000 projects, 609,000 volunteers, and from their attendance 2,560万 certified
// hours). Project texts are the demo's own, re-set in other communities, so Chinese
// searches hit a realistic share of rows. Same seed → same file.
//
//   zygc-gen-city --out city.db [--seed-file assets/demo/seed.json] [--rng 1]
//                 [--scale 1.0] [--now UNIX]
//
// --scale shrinks everything in proportion (0.05 → 2,900 projects) for the tests.
// Attendance and certified hours (generate_hours) are added when the schema has hour
// tracking (table `attendance`, hours-server's migration); --hours-schema FILE applies
// that schema first (for a branch whose migrations do not have it yet). Then 老帮老
// (gen_city_eldercare.cpp: needs, helpers, pairs, visits, help requests) and the points
// those hours earned and a year of spending them (gen_city_points.cpp).
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "server/app.h"
#include "server/db.h"
#include "server/gen_city.h"
#include "server/seed.h"

namespace {

using namespace zygc::server;
using namespace zygc::server::gen;

struct ProjectText {
    std::string title, summary, description, category, site_name;
    std::string brand;  // "" for none
};

// The report's totals.
constexpr int64_t kTeams = 4248;
constexpr int64_t kProjects = 58000;
constexpr int64_t kVolunteers = 609000;

const char* const kTeamKinds[] = {"青年志愿服务队", "社区志愿服务队", "助老志愿服务队", "文明实践志愿服务队",
                                  "党员志愿服务队", "巾帼志愿服务队", "红十字志愿服务队", "环保志愿服务队"};

struct Args {
    std::string out;
    std::string seed_file = "assets/demo/seed.json";
    uint64_t rng = 1;
    double scale = 1.0;
    int64_t now = 0;
    std::string hours_schema;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        std::string k = argv[i];
        auto v = [&]() -> std::string {
            if (i + 1 >= argc) { std::fprintf(stderr, "zygc-gen-city: %s needs a value\n", k.c_str()); std::exit(2); }
            return argv[++i];
        };
        if (k == "--out") a.out = v();
        else if (k == "--seed-file") a.seed_file = v();
        else if (k == "--rng") a.rng = std::strtoull(v().c_str(), nullptr, 10);
        else if (k == "--scale") a.scale = std::atof(v().c_str());
        else if (k == "--now") a.now = std::atoll(v().c_str());
        else if (k == "--hours-schema") a.hours_schema = v();
        else {
            std::fprintf(stderr, "usage: zygc-gen-city --out FILE [--seed-file F] [--rng N] [--scale X] [--now UNIX] [--hours-schema SQL]\n");
            std::exit(2);
        }
    }
    if (a.out.empty() || !(a.scale > 0 && a.scale <= 1.0)) {
        std::fprintf(stderr, "zygc-gen-city: --out is required and --scale must be in (0, 1]\n");
        std::exit(2);
    }
    return a;
}

bool has_table(sqlite3* db, const char* name) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    bool yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

// Attendance and certified hours for every sign-up on a shift that has ended: most
// volunteers came (check-in around the start, check-out around the end, certified by the
// team's leader), some did not (no row), a few records still wait for certification.
// Written against hours-server's schema (attendance); returns the certified minutes.
int64_t generate_hours(sqlite3* s, Rng& rng, int64_t now) {
    std::vector<std::pair<int64_t, int64_t>> leader;  // team → leader user
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(s, "SELECT team_id, user_id FROM team_members WHERE role = 'leader' ORDER BY team_id", -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) leader.push_back({sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)});
        sqlite3_finalize(st);
    }
    auto leader_of = [&](int64_t team) -> int64_t {
        auto it = std::lower_bound(leader.begin(), leader.end(), std::make_pair(team, int64_t{0}));
        return it != leader.end() && it->first == team ? it->second : 0;
    };
    static const char* const kMethods[] = {"qr", "qr", "qr", "code", "gps", "manual"};
    Ins att(s, "INSERT INTO attendance (user_id, shift_id, project_id, team_id, method, check_in, check_out, "
               "minutes, status, certified, certified_by, certified_at, created_at) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(s, "SELECT g.user_id, g.shift_id, s.project_id, p.team_id, s.start_at, s.end_at "
                          "FROM signups g JOIN shifts s ON s.id = g.shift_id JOIN projects p ON p.id = s.project_id "
                          "WHERE g.status = 'confirmed' AND s.end_at < ? ORDER BY g.id", -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, now);
    int64_t minutes_total = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (rng.chance(0.08)) continue;  // did not come
        int64_t user = sqlite3_column_int64(st, 0), shift = sqlite3_column_int64(st, 1);
        int64_t project = sqlite3_column_int64(st, 2), team = sqlite3_column_int64(st, 3);
        int64_t start = sqlite3_column_int64(st, 4), end = sqlite3_column_int64(st, 5);
        int64_t in = start + rng.range(-15, 10) * 60, out = end + rng.range(-10, 20) * 60;
        int64_t minutes = std::max<int64_t>(0, (std::min(out, end) - std::max(in, start)) / 60);
        // Certified within three days of the end, mostly; never later than now.
        int64_t certified_at = end + rng.range(1, 72) * 3600;
        bool certified = certified_at <= now && (end < now - 7 * 86400 ? rng.chance(0.97) : rng.chance(0.6));
        int64_t by = leader_of(team);
        att.i(1, user).i(2, shift).i(3, project).i(4, team).t(5, kMethods[rng.next() % 6]).i(6, in).i(7, out)
            .i(8, minutes).t(9, certified ? "certified" : "pending").i(10, certified ? 1 : 0);
        if (certified && by) att.i(11, by); else att.null(11);
        if (certified) att.i(12, certified_at); else att.null(12);
        att.i(13, in).run();
        if (certified) minutes_total += minutes;
    }
    sqlite3_finalize(st);
    return minutes_total;
}

}  // namespace

int main(int argc, char** argv) {
    Args args = parse(argc, argv);
    if (!args.now) args.now = static_cast<int64_t>(std::time(nullptr));
    auto t0 = std::chrono::steady_clock::now();
    std::filesystem::remove(args.out);
    std::filesystem::remove(args.out + "-wal");
    std::filesystem::remove(args.out + "-shm");

    App app;  // the eldercare and points parts call the server's own functions
    app.opts.now_unix = args.now;
    Db& db = app.db;
    std::string err;
    if (!db.open(args.out, &err) || !migrate(db, &err)) {
        std::fprintf(stderr, "zygc-gen-city: %s\n", err.c_str());
        return 1;
    }
    SeedResult seeded;
    if (!load_seed_file(db, args.seed_file, args.now, &seeded, &err)) {
        std::fprintf(stderr, "zygc-gen-city: %s\n", err.c_str());
        return 1;
    }
    sqlite3* s = db.raw();
    exec(s, "PRAGMA synchronous = OFF");
    // The city is written in one transaction (below). Its pages stay in SQLite's cache until the
    // commit, and the rollback journal stays in memory: with a 256 MiB cache and the WAL, the
    // transaction spilled its pages to the WAL and read them back, and the checkpoint wrote the
    // 4.4 GB once more (docs/benchmarks.md, thirty-second session). The cache is at most a third
    // of the machine's memory: the whole city takes ~4.6 GB of it.
    const int64_t memory_kib = static_cast<int64_t>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGESIZE) / 1024;
    const int64_t cache_kib = std::clamp<int64_t>(memory_kib / 3, 256 << 10, 8 << 20);
    exec(s, ("PRAGMA cache_size = -" + std::to_string(cache_kib)).c_str());
    exec(s, "PRAGMA journal_mode = MEMORY");
    // Statement journals in memory: in the one long transaction below, each INSERT's journal
    // (its triggers write several tables) otherwise spilled to a temp file, ~12 writes per row.
    exec(s, "PRAGMA temp_store = MEMORY");
    if (!args.hours_schema.empty()) {
        std::string sql;
        if (FILE* f = std::fopen(args.hours_schema.c_str(), "rb")) {
            char buf[65536];
            size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) sql.append(buf, n);
            std::fclose(f);
        } else {
            std::fprintf(stderr, "zygc-gen-city: cannot read %s\n", args.hours_schema.c_str());
            return 1;
        }
        exec(s, sql.c_str());
    }
    Rng rng{args.rng};

    // ---- what the demo seed gives us to vary --------------------------------------------
    std::vector<District> districts;
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(s, "SELECT d.id, d.name, d.registered_volunteers, "
                              "COALESCE(AVG(p.site_lat), 39.93), COALESCE(AVG(p.site_lng), 119.60) "
                              "FROM districts d LEFT JOIN projects p ON p.district_id = d.id "
                              "GROUP BY d.id ORDER BY d.id", -1, &st, nullptr);
        double total = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            District d{sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                       static_cast<double>(sqlite3_column_int64(st, 2)), sqlite3_column_double(st, 3),
                       sqlite3_column_double(st, 4)};
            total += d.weight;
            districts.push_back(d);
        }
        sqlite3_finalize(st);
        for (auto& d : districts) d.weight /= total > 0 ? total : 1;
    }
    std::vector<ProjectText> texts;
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(s, "SELECT title, summary, description, category, site_name, COALESCE(brand, '') "
                              "FROM projects ORDER BY id", -1, &st, nullptr);
        auto col = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
        while (sqlite3_step(st) == SQLITE_ROW) texts.push_back({col(0), col(1), col(2), col(3), col(4), col(5)});
        sqlite3_finalize(st);
    }
    if (districts.empty() || texts.empty()) {
        std::fprintf(stderr, "zygc-gen-city: the seed has no districts or projects\n");
        return 1;
    }
    auto pick_district = [&]() -> const District& {
        double u = rng.unit(), acc = 0;
        for (const auto& d : districts) if ((acc += d.weight) >= u) return d;
        return districts.back();
    };
    auto person = [&]() { return std::string(kSurnames[rng.next() % 20]) + kGiven[rng.next() % 20]; };
    auto community = [&]() { return std::string(kCommunities[rng.next() % 30]); };

    const int64_t teams_target = std::max<int64_t>(scalar(s, "SELECT count(*) FROM teams"), std::llround(kTeams * args.scale));
    const int64_t projects_target = std::max<int64_t>(scalar(s, "SELECT count(*) FROM projects"), std::llround(kProjects * args.scale));
    const int64_t volunteers_target = std::llround(kVolunteers * args.scale);

    exec(s, "BEGIN");

    // ---- teams ---------------------------------------------------------------------------
    std::vector<int64_t> team_ids, team_district;
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(s, "SELECT id, district_id FROM teams", -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            team_ids.push_back(sqlite3_column_int64(st, 0));
            team_district.push_back(sqlite3_column_int64(st, 1));
        }
        sqlite3_finalize(st);
    }
    {
        Ins ins(s, "INSERT INTO teams (name, org, district_id, leader_name, member_count, summary, founded) "
                   "VALUES (?, ?, ?, ?, 0, ?, ?)");
        while (static_cast<int64_t>(team_ids.size()) < teams_target) {
            const District& d = pick_district();
            std::string c = community();
            std::string name = c + kTeamKinds[rng.next() % 8];
            if (rng.chance(0.5)) name = d.name.substr(0, 6) + name;
            char founded[16];
            std::snprintf(founded, sizeof founded, "%04d-%02d-%02d", static_cast<int>(rng.range(2008, 2025)),
                          static_cast<int>(rng.range(1, 12)), static_cast<int>(rng.range(1, 28)));
            ins.t(1, name).t(2, c + "社区").i(3, d.id).t(4, person())
                .t(5, "在" + c + "一带开展志愿服务。").t(6, founded).run();
            team_ids.push_back(sqlite3_last_insert_rowid(s));
            team_district.push_back(d.id);
        }
    }

    // ---- projects and shifts over two years (a year back, a year ahead) ------------------
    // Most projects are events of a few shifts; two in five are regular (常态化: every week or
    // two, ten to fifty times, most of them begun in the past year). Shifts are mostly 2–4
    // hours, a fifth of them a whole day. With the sign-ups and check-ins below this gives
    // the report's 2,560万 certified hours (at --scale 0.05 ~10% less than a twentieth: the
    // demo's 330 projects, with fewer hours, weigh more there).
    struct ShiftRow { int64_t id, start, end, capacity, signed_up; };
    std::vector<ShiftRow> shifts;
    {
        Ins proj(s, "INSERT INTO projects (team_id, title, summary, description, category, brand, district_id, "
                    "status, site_name, site_lat, site_lng, site_radius_m) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        Ins sh(s, "INSERT INTO shifts (project_id, start_at, end_at, capacity, signed_up) VALUES (?,?,?,?,?)");
        const int64_t day = 86400;
        const int64_t today = args.now - (args.now + 8 * 3600) % day;  // local midnight, +08:00
        int64_t have = scalar(s, "SELECT count(*) FROM projects");
        std::vector<std::pair<int64_t, int64_t>> times;  // one project's shifts: start, end
        for (; have < projects_target; ++have) {
            size_t ti = rng.next() % team_ids.size();
            int64_t district = team_district[ti];
            const District* d = &districts[0];
            for (const auto& x : districts) if (x.id == district) d = &x;
            const ProjectText& t = rng.pick(texts);
            std::string c = community();
            std::string title = c + t.title;
            bool regular = rng.chance(0.4);
            int64_t first_day = regular ? rng.range(-365, 60) : rng.range(-365, 365);
            int64_t n = regular ? rng.range(10, 50) : rng.range(1, 4);  // 50: what publishing allows
            int64_t every = regular ? (rng.chance(0.7) ? 7 : 14) : 0;
            int64_t half_hours = rng.chance(0.2) ? rng.range(10, 16) : rng.range(4, 8);  // the project's usual length
            times.clear();
            for (int64_t k = 0, at_day = first_day; k < n; ++k, at_day += every ? every : rng.range(1, 7)) {
                int64_t start = today + at_day * day + rng.range(14, 32) * 1800;  // 07:00–16:00
                times.push_back({start, start + std::max<int64_t>(2, half_hours + rng.range(-1, 1)) * 1800});
            }
            bool over = times.back().second < args.now - 30 * day;
            bool closed = over ? rng.chance(0.9) : rng.chance(0.05);
            proj.i(1, team_ids[ti]).t(2, title).t(3, t.summary).t(4, t.description).t(5, t.category);
            if (!t.brand.empty() && rng.chance(0.3)) proj.t(6, t.brand); else proj.null(6);
            proj.i(7, district).t(8, closed ? "closed" : "open").t(9, c + "社区" + t.site_name)
                .f(10, micro_degrees(d->lat + (rng.unit() - 0.5) * 0.1))
                .f(11, micro_degrees(d->lng + (rng.unit() - 0.5) * 0.1))
                .i(12, rng.range(100, 500)).run();
            int64_t pid = sqlite3_last_insert_rowid(s);
            for (auto [start, end] : times) {
                int64_t cap = rng.range(6, 48);
                bool past = end < args.now;
                int64_t signed_up = past ? rng.range(cap / 2, cap) : rng.range(0, cap);
                sh.i(1, pid).i(2, start).i(3, end).i(4, cap).i(5, signed_up).run();
                shifts.push_back({sqlite3_last_insert_rowid(s), start, end, cap, signed_up});
            }
        }
    }

    // ---- volunteers: users with 实名注册 (synthetic, never real ID numbers) ---------------
    // ID numbers are not stored in plain text anyway: the generated HMAC and ciphertext are
    // random bytes (unique), the masked copy looks like the real thing.
    int64_t first_user = scalar(s, "SELECT COALESCE(MAX(id), 0) FROM users") + 1;
    {
        Ins user(s, "INSERT INTO users (phone, display_name, created_at) VALUES (?, ?, ?)");
        Ins role(s, "INSERT INTO user_roles (user_id, role) VALUES (?, 'volunteer')");
        Ins vol(s, "INSERT INTO volunteers (user_id, real_name, id_hmac, id_cipher, id_masked, district_id, "
                   "skills, availability, consent_at, registered_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
        for (int64_t k = 0; k < volunteers_target; ++k) {
            int64_t uid = first_user + k;
            char phone[32];
            std::snprintf(phone, sizeof phone, "1%02d%08lld", static_cast<int>(30 + k % 60), static_cast<long long>(k));
            std::string name = person();
            int64_t at = args.now - rng.range(0, 10 * 365) * 86400;
            user.t(1, phone).t(2, name.substr(0, 3) + "**").i(3, at).run();
            role.i(1, uid).run();
            uint64_t h[4] = {rng.next(), rng.next(), static_cast<uint64_t>(uid), 0x7a796763ULL};
            uint64_t c[4] = {rng.next(), rng.next(), rng.next(), rng.next()};
            char masked[24];
            std::snprintf(masked, sizeof masked, "1303**********%03d%c", static_cast<int>(rng.next() % 1000),
                          rng.chance(0.1) ? 'X' : static_cast<char>('0' + rng.next() % 10));
            vol.i(1, uid).t(2, name).b(3, h, sizeof h).b(4, c, sizeof c).t(5, masked).i(6, pick_district().id)
                .t(7, "[]").t(8, "[]").i(9, at).i(10, at).run();
        }
    }

    // ---- team members: every team a leader; most volunteers in one or two teams ----------
    {
        Ins mem(s, "INSERT OR IGNORE INTO team_members (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)");
        for (size_t ti = 0; ti < team_ids.size() && volunteers_target > 0; ++ti)
            mem.i(1, team_ids[ti]).i(2, first_user + static_cast<int64_t>(rng.next() % volunteers_target))
                .t(3, "leader").i(4, args.now).run();
        for (int64_t k = 0; k < volunteers_target; ++k) {
            int n = rng.chance(0.25) ? 0 : rng.chance(0.7) ? 1 : 2;
            for (int j = 0; j < n; ++j)
                mem.i(1, team_ids[rng.next() % team_ids.size()]).i(2, first_user + k).t(3, "member")
                    .i(4, args.now - rng.range(0, 3 * 365) * 86400).run();
        }
        exec(s, "UPDATE teams SET member_count = (SELECT count(*) FROM team_members m WHERE m.team_id = teams.id) "
                "WHERE id > 0");
    }

    // ---- sign-ups: live rows for every place taken on a generated shift ------------------
    // A shift's sign-ups are consecutive volunteers from a random start with a stride
    // co-prime to the volunteer count, so no volunteer appears twice on one shift.
    int64_t signups = 0;
    if (volunteers_target > 1) {
        Ins su(s, "INSERT INTO signups (user_id, shift_id, status, created_at) VALUES (?, ?, 'confirmed', ?)");
        int64_t stride = 7919;  // prime
        while (volunteers_target % stride == 0) stride += 2;
        for (const auto& sh : shifts) {
            int64_t start = static_cast<int64_t>(rng.next() % volunteers_target);
            for (int64_t j = 0; j < sh.signed_up; ++j, ++signups)
                su.i(1, first_user + (start + j * stride) % volunteers_target).i(2, sh.id)
                    .i(3, sh.start - rng.range(1, 14) * 86400).run();
        }
    }
    // ---- attendance and certified hours (when the schema has hour tracking) -------------
    int64_t certified_minutes = -1;
    if (has_table(s, "attendance")) certified_minutes = generate_hours(s, rng, args.now);
    generate_eldercare(app, rng, districts, first_user, volunteers_target, args.scale, args.now);
    generate_points(app, rng, districts, args.scale, args.now);
    exec(s, "COMMIT");
    exec(s, "INSERT INTO projects_fts(projects_fts) VALUES ('optimize')");  // one FTS segment
    exec(s, "PRAGMA optimize");
    exec(s, "PRAGMA journal_mode = WAL");  // what the server runs with

    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("zygc-gen-city: %s — %lld teams, %lld projects, %lld shifts, %lld volunteers, %lld sign-ups "
                "(rng %llu, scale %.3g) in %.1f s\n",
                args.out.c_str(), static_cast<long long>(scalar(s, "SELECT count(*) FROM teams")),
                static_cast<long long>(scalar(s, "SELECT count(*) FROM projects")),
                static_cast<long long>(scalar(s, "SELECT count(*) FROM shifts")),
                static_cast<long long>(scalar(s, "SELECT count(*) FROM volunteers")),
                static_cast<long long>(signups), static_cast<unsigned long long>(args.rng), args.scale, secs);
    if (certified_minutes >= 0)
        std::printf("zygc-gen-city: %lld attendance records, %.0f certified hours\n",
                    static_cast<long long>(scalar(s, "SELECT count(*) FROM attendance")),
                    static_cast<double>(certified_minutes) / 60.0);
    else
        std::printf("zygc-gen-city: no hour tracking in this schema (table attendance): no hours generated\n");
    return 0;
}
