// zygc-gen-city's points (issue 12 at the city's size): where points can be spent, what
// every certified record earned, and a year of spending.
//
// The earn postings and their lots are written here in bulk, with the columns
// points::on_record_certified writes (one earn per record, at its certification, by its
// certifier, floor(minutes / rule) points, a lot expiring by the rule). Everything that
// spends points goes through the server's own functions (redeem, settle, donate, sweep),
// replayed in time order with the earnings, so a code expires, a lot runs out and a
// balance is short exactly as they would have on the live server.
#include <algorithm>
#include <map>
#include <queue>
#include <unordered_map>

#include "server/app.h"
#include "server/gen_city.h"
#include "server/points.h"
#include "server/points_routes.h"

namespace zygc::server::gen {

namespace {

namespace pts = zygc::server::points;
using Id = int64_t;
constexpr int64_t kDay = 86400;

[[noreturn]] void die(const char* what, const std::string& err) {
    std::fprintf(stderr, "zygc-gen-city: points: %s: %s\n", what, err.c_str());
    std::exit(1);
}

struct RewardKind {
    const char* name;
    const char* description;
    const char* category;  // transit museum park shop service
    int points, stock, limit;
};
// What a district's public-service centre offers …
const RewardKind kPublic[] = {
    {"公交乘车券（单次）", "市内公交任意线路单次乘车，出示兑换码扫码上车。", "transit", 5, 3000, 6},
    {"博物馆/景区门票", "区内合作场馆或景区当日门票一张。", "museum", 30, 400, 2},
    {"公园年卡抵用券", "合作公园年卡办理时抵用50元。", "park", 40, 200, 1},
    {"体育馆单次入场券", "区全民健身中心游泳或羽毛球单次入场。", "service", 12, 600, 4},
};
// … and what a partner shop of each kind does.
struct ShopKind {
    const char* suffix;
    RewardKind rewards[2];
};
const ShopKind kShops[] = {
    {"爱心早餐店", {{"志愿者爱心早餐", "门店早餐套餐一份。", "shop", 8, 300, 3},
                    {"豆浆油条券", "豆浆一杯、油条两根。", "shop", 4, 500, 6}}},
    {"便民理发店", {{"便民理发服务", "理发一次（含洗剪）。", "service", 15, 120, 2},
                    {"老人上门理发", "为行动不便的家人上门理发一次。", "service", 25, 40, 1}}},
    {"便民超市", {{"生活用品兑换券（10元）", "店内生活用品抵用10元。", "shop", 10, 400, 4},
                  {"米面粮油兑换券（30元）", "店内米面粮油抵用30元。", "shop", 30, 100, 2}}},
    {"社区书店", {{"图书兑换券", "店内任选定价50元以内图书一本。", "shop", 35, 80, 2},
                  {"阅读空间半日卡", "书店阅读空间半日使用，含饮品一杯。", "service", 10, 200, 3}}},
    {"洗衣店", {{"衣物清洗一件", "外套或床品清洗一件。", "service", 12, 200, 3},
                {"皮鞋护理一次", "皮鞋清洁上油一双。", "service", 6, 200, 3}}},
    {"大药房", {{"常用药品兑换券（20元）", "非处方常用药品抵用20元。", "shop", 20, 150, 2},
                {"免费测血压血糖", "店内测量血压、血糖各一次。", "service", 2, 1000, 6}}},
};

struct Reward {
    Id id, merchant;
    int64_t points;
};

// A later moment in the year a volunteer spends: redeem a reward, a clerk settles the code,
// or give points to a fund.
struct Event {
    int64_t at;
    uint64_t seq;  // ties in time keep the order they were made in (determinism)
    enum Kind { Redeem, Settle, Donate } kind;
    Id user, ref;  // ref: the redemption (settle); unused otherwise
    Id district;
    bool operator>(const Event& o) const { return at != o.at ? at > o.at : seq > o.seq; }
};

struct City {
    App& app;
    Rng& rng;
    int64_t now;
    std::map<Id, std::vector<Reward>> rewards_in;  // district → its merchants' rewards
    std::vector<Reward> all_rewards;
    std::unordered_map<Id, Id> clerk_of;  // merchant → the user who settles its codes
    std::vector<Id> funds;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> due;
    uint64_t seq = 0;
    int64_t redeemed = 0, settled = 0, donated = 0, short_of_points = 0;

    Db& db() { return app.db; }
    sqlite3* raw() { return app.db.raw(); }

    void schedule(int64_t at, Event::Kind kind, Id user, Id ref, Id district) {
        if (at < now) due.push({at, seq++, kind, user, ref, district});
    }

    // A clerk: a plain user (the merchant role is owning a merchant).
    Id clerk(const std::string& phone, const std::string& name, int64_t at) {
        Ins(raw(), "INSERT INTO users (phone, display_name, created_at) VALUES (?, ?, ?)").t(1, phone).t(2, name).i(3, at).run();
        return sqlite3_last_insert_rowid(raw());
    }

    // Every district: its public-service centre, partner shops in proportion to its
    // volunteers (120 in the city), each with a clerk; then the two funds of the demo.
    void catalogue(const std::vector<District>& districts, double scale) {
        int64_t opened = now - 400 * kDay;
        Ins merchant(raw(), "INSERT INTO points_merchants (name, district_id, address, kind, owner_user_id, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
        Ins reward(raw(), "INSERT INTO points_rewards (merchant_id, name, description, category, points, stock, "
                          "per_person_limit, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        int64_t clerks = 0;
        auto add_merchant = [&](const District& d, const std::string& name, const std::string& address, bool pub) {
            char phone[24];
            std::snprintf(phone, sizeof phone, "198%08lld", static_cast<long long>(++clerks));
            Id owner = clerk(phone, name.substr(0, 6) + "店员", opened);
            merchant.t(1, name).i(2, d.id).t(3, address).t(4, pub ? "public" : "shop").i(5, owner).i(6, opened).run();
            Id m = sqlite3_last_insert_rowid(raw());
            clerk_of[m] = owner;
            return m;
        };
        auto add_reward = [&](const District& d, Id m, const RewardKind& k) {
            int64_t stock = std::max<int64_t>(10, std::llround(k.stock * std::max(scale, 0.05) * 20 * d.weight));
            reward.i(1, m).t(2, k.name).t(3, k.description).t(4, k.category).i(5, k.points).i(6, stock)
                .i(7, k.limit).i(8, opened).run();
            Reward r{sqlite3_last_insert_rowid(raw()), m, k.points};
            rewards_in[d.id].push_back(r);
            all_rewards.push_back(r);
        };
        for (const District& d : districts) {
            Id centre = add_merchant(d, d.name + "志愿服务公共服务中心", d.name + "人民路1号", true);
            for (const RewardKind& k : kPublic) add_reward(d, centre, k);
            int64_t shops = std::max<int64_t>(1, std::llround(120 * scale * d.weight));
            for (int64_t k = 0; k < shops; ++k) {
                const ShopKind& kind = kShops[rng.next() % std::size(kShops)];
                std::string c = kCommunities[rng.next() % std::size(kCommunities)];
                Id m = add_merchant(d, c + kind.suffix, c + "路" + std::to_string(rng.range(1, 300)) + "号", false);
                for (const RewardKind& r : kind.rewards) add_reward(d, m, r);
            }
        }
        std::string err;
        if (!points_funds(db(), opened, &funds, err)) die("funds", err);
    }

    // The spending that came before `t`, each after settling what fell due before it
    // (codes never used, lots past their expiry), as the live server's points routes do.
    void until(int64_t t) {
        while (!due.empty() && due.top().at <= t) {
            Event e = due.top();
            due.pop();
            sweep(e.at);
            happen(e);
        }
    }
    void sweep(int64_t t) {
        std::string err;
        if (!pts::sweep(db(), t, err)) die("sweep", err);
    }

    int64_t balance_of(Id user) {
        std::string err;
        auto acc = pts::find_account(db(), "volunteer", user, err);
        if (!acc) die("account", err);
        if (!*acc) return 0;
        auto b = pts::balance(db(), *acc, err);
        if (!b) die("balance", err);
        return *b;
    }

    void happen(const Event& e) {
        std::string err;
        if (e.kind == Event::Settle) {
            Stmt st(db(), "SELECT code, merchant_id FROM points_redemptions WHERE id = ?");
            st.bind(1, e.ref);
            if (st.step() != Step::Row) die("redemption", st.error());
            auto r = pts::settle(db(), e.at, clerk_of[st.i64(1)], st.text(0), err);
            if (r.outcome == pts::Outcome::Error) die("settle", err);
            settled += r.outcome == pts::Outcome::Ok;
            return;
        }
        int64_t have = balance_of(e.user);
        if (e.kind == Event::Donate) {
            if (have <= 0) return void(++short_of_points);
            auto r = pts::donate(db(), e.at, e.user, funds[rng.next() % funds.size()], std::min<int64_t>(have, rng.range(2, 30)), err);
            if (r.outcome == pts::Outcome::Error) die("donate", err);
            donated += r.outcome == pts::Outcome::Ok;
            return;
        }
        // Mostly near home; a reward anywhere in the city a third of the time (通存通兑).
        const auto& near = rewards_in[e.district];
        const auto& pool = near.empty() || rng.chance(0.33) ? all_rewards : near;
        const Reward* pick = nullptr;
        for (int tries = 0; tries < 4 && !pick; ++tries) {
            const Reward& r = pool[rng.next() % pool.size()];
            if (r.points <= have) pick = &r;
        }
        if (!pick) return void(++short_of_points);
        int64_t quantity = pick->points * 2 <= have && rng.chance(0.2) ? 2 : 1;
        auto r = pts::redeem(db(), e.at, e.user, pick->id, quantity, err);
        if (r.outcome == pts::Outcome::Error) die("redeem", err);
        if (r.outcome != pts::Outcome::Ok) return;
        ++redeemed;
        // Most codes are shown at the counter within two days; the rest expire and refund.
        if (rng.chance(0.88)) schedule(e.at + rng.range(5, 48 * 60) * 60, Event::Settle, e.user, r.id, e.district);
    }
};

}  // namespace

void generate_points(App& app, Rng& rng, const std::vector<District>& districts, double scale, int64_t now) {
    City city{app, rng, now};
    city.catalogue(districts, scale);
    std::string err;
    pts::Rule rule;
    if (!pts::rule_at(app.db, now, rule, err)) die("rule", err);
    auto issuance = pts::account(app.db, "issuance", 0, err);
    if (!issuance) die("issuance account", err);

    // Every certified record in the order of its certification: its earn and lot, after
    // whatever the year's spending did before that moment.
    sqlite3* s = app.db.raw();
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(s, "SELECT a.id, a.user_id, a.minutes, COALESCE(a.certified_at, a.check_out, a.created_at), "
                          "a.certified_by, p.district_id, p.title FROM attendance a JOIN projects p ON p.id = a.project_id "
                          "WHERE a.certified = 1 AND a.corrected_by IS NULL ORDER BY 4, a.id", -1, &st, nullptr);
    Ins account(s, "INSERT INTO points_accounts (kind, owner_id) VALUES ('volunteer', ?)");
    Ins posting(s, "INSERT INTO points_postings (at, from_account, to_account, points, kind, ref_kind, ref_id, "
                   "rule_version, by_user, why, district_id) VALUES (?, ?, ?, ?, 'earn', 'attendance', ?, ?, ?, ?, ?)");
    Ins lot(s, "INSERT INTO points_lots (account_id, posting_id, points, remaining, expires_at) VALUES (?, ?, ?, ?, ?)");
    std::unordered_map<Id, Id> account_of;
    int64_t earns = 0, earned = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Id record = sqlite3_column_int64(st, 0), user = sqlite3_column_int64(st, 1);
        int64_t n = sqlite3_column_int64(st, 2) / rule.minutes_per_point, at = std::min<int64_t>(sqlite3_column_int64(st, 3), now);
        Id district = sqlite3_column_int64(st, 5);
        if (n <= 0) continue;
        city.until(at);
        auto [it, fresh] = account_of.try_emplace(user, 0);
        if (fresh) {
            account.i(1, user).run();
            it->second = sqlite3_last_insert_rowid(s);
        }
        posting.i(1, at).i(2, *issuance).i(3, it->second).i(4, n).i(5, record).i(6, rule.version);
        if (sqlite3_column_type(st, 4) == SQLITE_NULL) posting.null(7); else posting.i(7, sqlite3_column_int64(st, 4));
        posting.t(8, reinterpret_cast<const char*>(sqlite3_column_text(st, 6))).i(9, district).run();
        lot.i(1, it->second).i(2, sqlite3_last_insert_rowid(s)).i(3, n).i(4, n)
            .i(5, rule.expiry_months > 0 ? at + rule.expiry_months * 30 * kDay : 0).run();
        ++earns, earned += n;
        // Some of those who earn come back to spend: a reward within six weeks, a gift to a
        // fund within a month.
        if (rng.chance(0.06)) city.schedule(at + rng.range(1, 42) * kDay + rng.range(8, 20) * 3600, Event::Redeem, user, 0, district);
        if (rng.chance(0.015)) city.schedule(at + rng.range(1, 30) * kDay + rng.range(8, 21) * 3600, Event::Donate, user, 0, district);
    }
    if (rc != SQLITE_DONE) die("records", sqlite3_errmsg(s));
    sqlite3_finalize(st);
    city.until(now);
    city.sweep(now);
    std::printf("zygc-gen-city: %lld earn postings (%lld points), %lld redemptions (%lld settled), %lld donations, "
                "%lld times too few points\n",
                static_cast<long long>(earns), static_cast<long long>(earned), static_cast<long long>(city.redeemed),
                static_cast<long long>(city.settled), static_cast<long long>(city.donated),
                static_cast<long long>(city.short_of_points));
}

}  // namespace zygc::server::gen
