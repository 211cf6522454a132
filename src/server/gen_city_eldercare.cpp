// zygc-gen-city's 老帮老 part: what a city of 3.1 million would have in its ledger after a year
// of social workers' work. Per district a social worker, communities, older residents who
// need help and older helpers (generated volunteers), pairs chosen by the server's own matcher
// (eldercare::assign), their visits every week or two as certified attendance of the
// district's 老帮老 project, and 有困难找志愿者 requests. Counts and dashboards follow from the
// schema's triggers (migration 011); this file only inserts rows.
#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/calendar.h"
#include "core/idcard.h"
#include "server/app.h"
#include "server/db.h"
#include "server/eldercare.h"
#include "server/eldercare_match.h"
#include "server/gen_city.h"

namespace zygc::server::gen {

namespace {

namespace ec = eldercare;

// At scale 1.0, for the whole city: residents with needs, helpers, help requests.
constexpr double kNeeds = 6000, kHelpers = 4000, kHelpRequests = 3000;
constexpr int64_t kDay = 86400;

const char* const kRelations[] = {"儿子", "女儿", "儿媳", "女婿", "孙子", "孙女", "侄子", "外甥女"};
const char* const kNeedNotes[] = {"独居", "患高血压，需提醒按时服药", "听力不好，敲门请大声些", "子女在外地工作",
                                  "糖尿病，饮食需清淡"};
const char* const kVisitNotes[] = {"陪老人吃午饭，聊了家常",   "代购了药品和蔬菜",           "陪同去社区卫生站量血压",
                                   "帮忙打扫了厨房和卫生间",   "检查了燃气和电器，一切正常", "陪老人下楼散步半小时",
                                   "帮忙读报，聊了孙辈的近况", "送去社区食堂的午餐，看着老人吃完"};
struct HelpText {
    const char *title, *description, *category;
};
const HelpText kHelpTexts[] = {
    {"楼道灯坏了需要帮忙换", "三楼楼道的灯坏了一周，家里只有老人，晚上上下楼不安全。", "community"},
    {"独居老人需要定期陪伴", "楼下的独居老人子女在外地，希望有志愿者每周来陪他聊聊天。", "elderly"},
    {"行动不便需要陪同去医院复查", "腿脚不便，下周二要去医院复查，家人上班走不开，希望有人陪同。", "health"},
    {"孩子放学后需要辅导功课", "孩子上小学三年级，父母打工晚归，希望周末有志愿者帮忙辅导作业。", "children"},
    {"小区空地垃圾无人清理", "小区东侧空地堆了很多建筑垃圾，招了不少蚊虫，希望组织一次清理。", "environment"},
    {"老人不会用智能手机", "家里老人不会用手机挂号、付款和视频通话，希望有人上门教一教。", "elderly"},
    {"残疾人搬家需要帮手", "家中有肢体残疾的亲人，下月搬到一楼新住处，需要几位志愿者帮忙搬运。", "disability"},
    {"重阳节敬老活动需要人手", "社区重阳节要办敬老活动，需要志愿者帮忙布置场地和维持秩序。", "events"},
    {"下雪天需要帮忙代购", "老两口年纪大了，下雪天出不了门，希望有人帮忙代买米面油和蔬菜。", "elderly"},
    {"楼道杂物堵住消防通道", "楼道里堆了很多纸箱和旧家具，挡住了消防通道，希望志愿者帮忙劝导清理。", "community"},
};
const char* const kClosedNotes[] = {"已由社区物业处理", "志愿者已上门解决", "已转交社区居委会跟进", "求助人表示问题已解决"};

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "zygc-gen-city: eldercare: %s\n", what.c_str());
    std::exit(1);
}

// k distinct of the first n bits, k in [lo, hi].
uint32_t random_bits(Rng& rng, int n, int lo, int hi) {
    const int k = static_cast<int>(rng.range(lo, hi));
    uint32_t bits = 0;
    while (std::popcount(bits) < k) bits |= 1u << (rng.next() % static_cast<uint64_t>(n));
    return bits;
}

// The JSON array the ledger stores: codes in the matcher's order.
std::string codes(uint32_t bits, const char* const* names, int n) {
    std::string s = "[";
    for (int i = 0; i < n; ++i)
        if (bits & (1u << i)) s += std::string(s.size() > 1 ? "," : "") + "\"" + names[i] + "\"";
    return s + "]";
}

// A home within `radius` metres of a point, uniform over the disc.
std::pair<double, double> near(Rng& rng, double lat, double lng, double radius) {
    const double r = radius * std::sqrt(rng.unit()), a = 2 * 3.14159265358979323846 * rng.unit();
    return {micro_degrees(lat + r * std::cos(a) / 111320.0),
            micro_degrees(lng + r * std::sin(a) / (111320.0 * std::cos(lat * 3.14159265358979323846 / 180.0)))};
}

// An invented mobile number: prefix 196, which no generated volunteer (130–189) nor any other
// generated account (197 social workers, 198 merchants' clerks) has.
std::string invented_phone(Rng& rng) {
    char p[16];
    std::snprintf(p, sizeof p, "196%08lld", static_cast<long long>(rng.next() % 100000000));
    return p;
}

// (One draw per statement: the operands of + are not sequenced, and the file must give the
// same rows whichever compiler built it.)
std::string person(Rng& rng) {
    std::string name = kSurnames[rng.next() % 20];
    return name + kGiven[rng.next() % 20];
}
// Between lo and hi days (and a few hours) before now.
int64_t days_ago(Rng& rng, int64_t now, int64_t lo, int64_t hi) {
    const int64_t days = rng.range(lo, hi);
    return now - days * kDay - rng.range(0, 8 * 3600);
}

struct Volunteer {
    int64_t user, registered;
};

// Statements prepared once for every district: a city's ~70,000 visits are three inserts each.
struct Out {
    Ins user, role, need, helper, pair, shift, att, visit, help;
    explicit Out(sqlite3* s)
        : user(s, "INSERT INTO users(phone, display_name, created_at) VALUES (?, ?, ?)"),
          role(s, "INSERT INTO user_roles(user_id, role) VALUES (?, 'social_worker')"),
          need(s, "INSERT INTO eldercare_needs(district_id, community, name_masked, phone_masked, guardian_name_masked, "
                  "guardian_phone_masked, guardian_relation, birth_year, needs, slots, mobility, lat, lng, note, "
                  "consent_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          helper(s, "INSERT INTO eldercare_helpers(user_id, district_id, community, name_masked, phone_masked, "
                    "birth_year, abilities, slots, walk_m, capacity, lat, lng, note, consent_at, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)"),
          pair(s, "INSERT INTO eldercare_pairs(need_id, helper_id, district_id, project_id, status, rhythm_days, score, "
                  "created_by, created_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          shift(s, "INSERT INTO shifts(project_id, start_at, end_at, capacity, signed_up) VALUES (?, ?, ?, 1, 0)"),
          att(s, "INSERT INTO attendance(user_id, shift_id, project_id, team_id, method, check_in, check_out, minutes, "
                 "status, certified, flags, certified_by, certified_at, created_at) "
                 "VALUES (?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, '[\"manual\"]', ?, ?, ?)"),
          visit(s, "INSERT INTO eldercare_visits(pair_id, attendance_id, start_at, end_at, note, created_by, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
          help(s, "INSERT INTO help_requests(user_id, district_id, title, description, category, status, team_id, "
                  "project_id, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)") {}
};

struct Totals {
    int64_t needs = 0, helpers = 0, active = 0, ended = 0, visits = 0, help = 0;
};

// Everything a district's pairs need to schedule their visits.
struct Ctx {
    App& app;
    Rng& rng;
    Out& out;
    int64_t now;
    int64_t district, sw, project, team;
    std::unordered_set<int64_t> busy;  // helper × day with a visit: a helper visits one home a day
    Totals& totals;
};

// A pair's visits from `from` to `until`, every rhythm_days on a weekly slot both share (± a
// day or two now and then, sometimes skipped), each a one-place shift of the district's
// project, the helper's attendance record (certified by the social worker 1–3 days later,
// pending when it ended in the last five days: the worker's queue) and the visit row.
void visits(Ctx& c, int64_t pair, int64_t helper, int64_t helper_user, uint32_t common, int64_t rhythm,
            int64_t from, int64_t until) {
    int shared[14], n = 0;
    for (int bit = 0; bit < 14; ++bit)
        if (common & (1u << bit)) shared[n++] = bit;
    const int slot = shared[c.rng.next() % static_cast<uint64_t>(n)];
    const int weekday = slot / 2;  // 0 = Monday; 1970-01-01 (day 0) was a Thursday
    const bool pm = slot % 2;
    int64_t day = cst_day(from) + 1;
    while ((day + 3) % 7 != weekday) ++day;
    for (;; day += rhythm) {
        int64_t d = day + (c.rng.chance(0.25) ? c.rng.range(-2, 2) : 0);
        if (c.rng.chance(0.08)) continue;  // ill, away, a holiday: no visit this time
        while (c.busy.count(helper * 100000 + d)) ++d;
        const int64_t minutes = c.rng.range(12, 24) * 5;
        const int64_t start = d * kDay - 8 * 3600 + (pm ? 14 * 3600 + c.rng.range(0, 12) * 300
                                                       : 8 * 3600 + c.rng.range(0, 24) * 300);
        const int64_t end = start + minutes * 60;
        if (start <= from) continue;
        if (end >= until) break;
        c.busy.insert(helper * 100000 + d);
        const int64_t recorded = std::min(c.now, end + c.rng.range(10, 240) * 60);
        const bool certified = end < c.now - 5 * kDay;
        c.out.shift.i(1, c.project).i(2, start).i(3, end).run();
        const int64_t shift = sqlite3_last_insert_rowid(c.app.db.raw());
        c.out.att.i(1, helper_user).i(2, shift).i(3, c.project).i(4, c.team).i(5, start).i(6, end).i(7, minutes)
            .t(8, certified ? "certified" : "pending").i(9, certified ? 1 : 0);
        if (certified) c.out.att.i(10, c.sw).i(11, end + c.rng.range(24 * 60, 72 * 60) * 60);
        else c.out.att.null(10).null(11);
        c.out.att.i(12, recorded).run();
        const int64_t record = sqlite3_last_insert_rowid(c.app.db.raw());
        c.out.visit.i(1, pair).i(2, record).i(3, start).i(4, end).t(5, kVisitNotes[c.rng.next() % 8]).i(6, c.sw)
            .i(7, recorded).run();
        ++c.totals.visits;
    }
}

void district(App& app, Rng& rng, Out& out, Stmt& who, const District& d, std::vector<Volunteer>& vols,
              double scale, int64_t now, Totals& totals) {
    sqlite3* s = app.db.raw();
    // The district's social worker, who registered, paired and certified everything below.
    char phone[16];
    std::snprintf(phone, sizeof phone, "197%08lld", static_cast<long long>(d.id));
    out.user.t(1, phone).t(2, std::string(kSurnames[rng.next() % 20]) + "社工").i(3, now - 2 * 365 * kDay).run();
    const int64_t sw = sqlite3_last_insert_rowid(s);
    out.role.i(1, sw).run();

    // Communities: points a few kilometres around the district's centre; every home within
    // 600 m of its own, so a community's helpers can walk to most of its needs.
    struct Community {
        std::string name;
        double lat, lng;
    };
    std::vector<Community> comms;
    std::vector<int> names(30);
    for (int i = 0; i < 30; ++i) names[i] = i;
    const int n_comms = static_cast<int>(rng.range(4, 8));
    for (int i = 0; i < n_comms; ++i) {
        std::swap(names[i], names[i + rng.next() % (30 - i)]);
        comms.push_back({std::string(kCommunities[names[i]]) + "社区", d.lat + (rng.unit() - 0.5) * 0.06,
                         d.lng + (rng.unit() - 0.5) * 0.08});
    }

    // Needs.
    const auto n_needs = std::max<int64_t>(4, std::llround(kNeeds * scale * d.weight));
    std::vector<ec::Need> needs;
    std::vector<int64_t> need_at;
    for (int64_t i = 0; i < n_needs; ++i) {
        const Community& cm = comms[rng.next() % comms.size()];
        auto [lat, lng] = near(rng, cm.lat, cm.lng, 600);
        ec::Need n{0, cm.name, lat, lng, random_bits(rng, 5, 1, 3), random_bits(rng, 14, 2, 5)};
        const double m = rng.unit();
        const char* mobility = m < 0.35 ? "independent" : m < 0.7 ? "cane" : m < 0.9 ? "wheelchair" : "bedridden";
        const std::string name = person(rng);
        // A guardian is mostly a child, who has the surname half the time.
        std::string guardian = rng.chance(0.5) ? name.substr(0, 3) : std::string(kSurnames[rng.next() % 20]);
        guardian += kGiven[rng.next() % 20];
        const int64_t at = days_ago(rng, now, 30, 900);
        out.need.i(1, d.id).t(2, cm.name).t(3, mask_person_name(name));
        if (rng.chance(0.4)) out.need.t(4, mask_phone(invented_phone(rng)));
        else out.need.null(4);
        out.need.t(5, mask_person_name(guardian)).t(6, mask_phone(invented_phone(rng))).t(7, kRelations[rng.next() % 8])
            .i(8, rng.range(1930, 1950)).t(9, codes(n.services, ec::kServices, 5)).t(10, codes(n.slots, ec::kSlots, 14))
            .t(11, mobility).f(12, lat).f(13, lng).t(14, rng.chance(0.3) ? kNeedNotes[rng.next() % 5] : "")
            .i(15, at).i(16, sw).i(17, at).run();
        n.id = sqlite3_last_insert_rowid(s);
        needs.push_back(n);
        need_at.push_back(at);
    }

    // Helpers: distinct volunteers of the district who registered at least two months ago,
    // drawn without replacement (a partial Fisher–Yates over the district's list).
    std::vector<Volunteer> pool;
    for (const auto& v : vols)
        if (v.registered < now - 60 * kDay) pool.push_back(v);
    const auto n_helpers = std::min<int64_t>(static_cast<int64_t>(pool.size()),
                                             std::max<int64_t>(3, std::llround(kHelpers * scale * d.weight)));
    std::vector<ec::Helper> helpers;
    std::vector<int64_t> helper_user, helper_at;
    for (int64_t i = 0; i < n_helpers; ++i) {
        std::swap(pool[i], pool[i + rng.next() % (pool.size() - i)]);
        const Volunteer& v = pool[i];
        who.reset();
        who.bind(1, v.user);
        if (who.step() != Step::Row) die("volunteer " + std::to_string(v.user) + ": " + who.error());
        const Community& cm = comms[rng.next() % comms.size()];
        auto [lat, lng] = near(rng, cm.lat, cm.lng, 600);
        ec::Helper h{0, cm.name, lat, lng, static_cast<int>(rng.range(8, 40) * 50), random_bits(rng, 5, 2, 4),
                     random_bits(rng, 14, 3, 6), static_cast<int>(rng.range(1, 3)), 0};
        const int64_t at = std::max(v.registered + kDay, days_ago(rng, now, 30, 900));
        out.helper.i(1, v.user).i(2, d.id).t(3, cm.name).t(4, mask_person_name(who.text(0))).t(5, mask_phone(who.text(1)))
            .i(6, rng.range(1950, 1966)).t(7, codes(h.abilities, ec::kServices, 5)).t(8, codes(h.slots, ec::kSlots, 14))
            .i(9, h.walk_m).i(10, h.capacity).f(11, lat).f(12, lng).i(13, at).i(14, sw).i(15, at).run();
        h.id = sqlite3_last_insert_rowid(s);
        helpers.push_back(h);
        helper_user.push_back(v.user);
        helper_at.push_back(at);
    }

    // The district's 老帮老 team and project (its site: the needs' centre, hence after them).
    const int64_t project = eldercare_project(app, d.id);
    if (!project) die("no 老帮老 project for district " + std::to_string(d.id));
    Stmt team_of(app.db, "SELECT team_id FROM projects WHERE id = ?");
    team_of.bind(1, project);
    if (team_of.step() != Step::Row) die("team of project " + std::to_string(project) + ": " + team_of.error());
    Ctx c{app, rng, out, now, d.id, sw, project, team_of.i64(0), {}, totals};

    // Pairs: what the matcher suggests, as the social worker took it up over the year — three
    // in four confirmed and still active; of the rest, some paired once and ended since (their
    // needs have no active pair, so the one-active-pair-per-need index holds).
    std::unordered_map<int64_t, size_t> need_ix, helper_ix;
    for (size_t i = 0; i < needs.size(); ++i) need_ix[needs[i].id] = i;
    for (size_t i = 0; i < helpers.size(); ++i) helper_ix[helpers[i].id] = i;
    const std::vector<ec::Suggestion> suggested = ec::assign(needs, helpers);
    for (size_t k = 0; k < suggested.size(); ++k) {
        const ec::Suggestion& sg = suggested[k];
        const size_t ni = need_ix.at(sg.need_id), hi = helper_ix.at(sg.helper_id);
        const bool active = k == 0 || rng.chance(0.75);  // the best one always: no district without a pair
        if (!active && !rng.chance(0.45)) continue;  // ≈ 1 ended pair to 9 active ones
        const int64_t lo = std::max({need_at[ni], helper_at[hi], now - 365 * kDay}) + kDay;
        if (lo >= now - 2 * kDay) continue;
        const int64_t created = lo + static_cast<int64_t>(rng.unit() * static_cast<double>(now - kDay - lo));
        int64_t ended = 0;
        if (!active) {
            if (created + 30 * kDay >= now - kDay) continue;  // too young to have ended
            ended = created + 14 * kDay + static_cast<int64_t>(rng.unit() * static_cast<double>(now - created - 15 * kDay));
        }
        const int64_t rhythm = rng.chance(0.8) ? 7 : 14;
        out.pair.i(1, sg.need_id).i(2, sg.helper_id).i(3, d.id).i(4, project).t(5, active ? "active" : "ended")
            .i(6, rhythm).i(7, sg.score).i(8, sw).i(9, created);
        if (active) out.pair.null(10);
        else out.pair.i(10, ended);
        out.pair.run();
        ++(active ? totals.active : totals.ended);
        visits(c, sqlite3_last_insert_rowid(s), sg.helper_id, helper_user[hi], needs[ni].slots & helpers[hi].slots,
               rhythm, created, active ? now : ended);
    }
    totals.needs += n_needs;
    totals.helpers += n_helpers;

    // 有困难找志愿者: residents' requests of the last 90 days; taken ones by a team of the
    // district (not its 老帮老 team, which takes no requests).
    std::vector<int64_t> teams;
    {
        Stmt t(app.db, "SELECT id FROM teams WHERE district_id = ? AND id NOT IN (SELECT team_id FROM eldercare_projects) "
                       "ORDER BY id");
        t.bind(1, d.id);
        Step st;
        while ((st = t.step()) == Step::Row) teams.push_back(t.i64(0));
        if (st == Step::Error) die(t.error());
    }
    const auto n_help = std::max<int64_t>(2, std::llround(kHelpRequests * scale * d.weight));
    for (int64_t i = 0; i < n_help && !vols.empty(); ++i) {
        const HelpText& h = kHelpTexts[rng.next() % std::size(kHelpTexts)];
        const int64_t created = now - rng.range(3600, 90 * kDay);
        const double u = rng.unit();
        std::string status = u < 0.3 ? "open" : u < 0.6 ? "taken" : "closed";
        if (status == "taken" && teams.empty()) status = "open";
        const int64_t updated = status == "open" ? created : created + rng.range(0, std::min(now - created, 7 * kDay));
        out.help.i(1, rng.pick(vols).user).i(2, d.id).t(3, h.title).t(4, h.description).t(5, h.category).t(6, status);
        if (status == "taken") out.help.i(7, rng.pick(teams));
        else out.help.null(7);
        std::string note;
        if (status == "closed") note = kClosedNotes[rng.next() % 4];
        else if (status == "taken" && rng.chance(0.5)) note = "已联系求助人，约好时间上门";
        out.help.t(8, note).i(9, created).i(10, updated).run();
        ++totals.help;
    }
}

}  // namespace

void generate_eldercare(App& app, Rng& rng, const std::vector<District>& districts, int64_t first_user,
                        int64_t volunteers, double scale, int64_t now) {
    const auto t0 = std::chrono::steady_clock::now();
    // The generated volunteers by district, in id order (one pass over the table).
    std::vector<std::vector<Volunteer>> by_district(districts.size());
    {
        Stmt st(app.db, "SELECT user_id, district_id, registered_at FROM volunteers WHERE user_id >= ? AND user_id < ? "
                        "ORDER BY user_id");
        st.bind(1, first_user).bind(2, first_user + volunteers);
        Step r;
        while ((r = st.step()) == Step::Row)
            for (size_t i = 0; i < districts.size(); ++i)
                if (districts[i].id == st.i64(1)) by_district[i].push_back({st.i64(0), st.i64(2)});
        if (r == Step::Error) die(st.error());
    }
    sqlite3* s = app.db.raw();
    Totals totals;
    {
        Out out(s);
        Stmt who(app.db, "SELECT v.real_name, u.phone FROM volunteers v JOIN users u ON u.id = v.user_id WHERE v.user_id = ?");
        if (!who.ok()) die(who.error());
        for (size_t i = 0; i < districts.size(); ++i)
            district(app, rng, out, who, districts[i], by_district[i], scale, now, totals);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("zygc-gen-city: 老帮老 — %lld needs, %lld helpers, %lld active and %lld ended pairs, %lld visits, "
                "%lld help requests in %.1f s\n",
                static_cast<long long>(totals.needs), static_cast<long long>(totals.helpers),
                static_cast<long long>(totals.active), static_cast<long long>(totals.ended),
                static_cast<long long>(totals.visits), static_cast<long long>(totals.help), secs);
}

}  // namespace zygc::server::gen
