// Dev mode demo points (issue 12): the dev merchant clerk 13800000004 always; with demo data
// (the dev binary's demo hours) once (housekeeping 'demo_points'): a public-service provider
// and a partner shop with rewards in every district, two funds linked to brands (山区孩子爱心午餐,
// 秦小@老帮老), the points of every certified demo record (posted at its certification time
// by the rule in force), and for the dev volunteer redemptions in every state (reserved,
// settled by the dev merchant, expired and refunded) and a donation.
#include <string>
#include <vector>

#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"

namespace zygc::server {

namespace {

struct DemoReward {
    bool public_provider;
    const char* name;
    const char* description;
    const char* category;
    int points, stock, limit;
};

const DemoReward kRewards[] = {
    {true, "公交乘车券（单次）", "市内公交任意线路单次乘车，出示兑换码扫码上车。", "transit", 5, 300, 4},
    {true, "博物馆/景区门票", "区内合作场馆或景区当日门票一张。", "museum", 30, 40, 2},
    {true, "公园年卡抵用券", "合作公园年卡办理时抵用50元。", "park", 40, 20, 1},
    {false, "志愿者爱心早餐", "合作门店早餐套餐一份。", "shop", 8, 100, 3},
    {false, "便民理发服务", "合作门店理发一次（含洗剪）。", "service", 15, 30, 2},
};

bool exec(Db&, Stmt& st, std::string& err) {
    if (st.exec()) return true;
    err = st.error();
    return false;
}

std::optional<Id> user_by_phone(Db& db, const char* phone, std::string& err) {
    Stmt st(db, "SELECT id FROM users WHERE phone = ?");
    st.bind(1, phone);
    Step s = st.step();
    if (s == Step::Error) return err = st.error(), std::nullopt;
    return s == Step::Row ? st.i64(0) : 0;
}

bool demo_catalogue(App& app, Id clerk, std::string& err) {
    Db& db = app.db;
    int64_t now = app.now();
    std::vector<std::pair<Id, std::string>> districts;
    {
        Stmt st(db, "SELECT id, name FROM districts ORDER BY id");
        Step s;
        while ((s = st.step()) == Step::Row) districts.push_back({st.i64(0), st.text(1)});
        if (s == Step::Error) return err = st.error(), false;
    }
    bool first = true;
    for (const auto& [d, name] : districts) {
        Id merchant[2] = {0, 0};
        for (int pub = 1; pub >= 0; --pub) {
            std::string mname = pub ? name + "公共服务中心" : name + "志愿者之家合作商户";
            Stmt m(db,
                   "INSERT INTO points_merchants(name, district_id, address, kind, owner_user_id, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
            m.bind(1, mname).bind(2, d).bind(3, name + "人民路1号").bind(4, pub ? "public" : "shop");
            if (!pub && first && clerk) m.bind(5, clerk);  // the dev merchant keeps the first shop
            else m.bind_null(5);
            m.bind(6, now);
            if (!exec(db, m, err)) return false;
            merchant[pub] = db.last_insert_rowid();
        }
        first = false;
        for (const DemoReward& r : kRewards) {
            Stmt w(db,
                   "INSERT INTO points_rewards(merchant_id, name, description, category, points, stock, per_person_limit, "
                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            w.bind(1, merchant[r.public_provider ? 1 : 0]).bind(2, r.name).bind(3, r.description).bind(4, r.category)
                .bind(5, r.points).bind(6, r.stock).bind(7, r.limit).bind(8, now);
            if (!exec(db, w, err)) return false;
        }
    }
    return points_funds(db, now, nullptr, err);
}

// Points for the certified demo hours, then redemptions in every state and donations.
bool demo_balances(App& app, Id clerk, std::string& err) {
    Db& db = app.db;
    int64_t now = app.now();
    struct Rec {
        Id id, by;
        int64_t at;
    };
    std::vector<Rec> recs;
    {
        Stmt st(db,
                "SELECT id, COALESCE(certified_by, 0), COALESCE(certified_at, created_at) FROM attendance "
                "WHERE certified = 1 ORDER BY COALESCE(certified_at, created_at), id");
        Step s;
        while ((s = st.step()) == Step::Row) recs.push_back({st.i64(0), st.i64(1), st.i64(2)});
        if (s == Step::Error) return err = st.error(), false;
    }
    for (const Rec& r : recs)
        if (!points::on_record_certified(db, r.id, r.by, std::min(r.at, now), err)) return false;
    auto vol = user_by_phone(db, "13800000001", err);
    if (!vol) return false;
    if (!*vol || !clerk) return true;
    // The dev merchant's first reward (a breakfast, 8 points) for the three states.
    Stmt w(db, "SELECT w.id FROM points_rewards w JOIN points_merchants m ON m.id = w.merchant_id "
               "WHERE m.owner_user_id = ? ORDER BY w.points, w.id LIMIT 1");
    w.bind(1, clerk);
    if (w.step() != Step::Row) return err = w.error().empty() ? "no demo reward" : w.error(), false;
    Id reward = w.i64(0);
    auto expired = points::redeem(db, now - 5 * 86400, *vol, reward, 1, err);
    auto settled = points::redeem(db, now - 2 * 86400, *vol, reward, 1, err);
    if (expired.outcome == points::Outcome::Error || settled.outcome == points::Outcome::Error) return false;
    if (settled.outcome == points::Outcome::Ok) {
        Stmt c(db, "SELECT code FROM points_redemptions WHERE id = ?");
        c.bind(1, settled.id);
        if (c.step() != Step::Row) return err = c.error(), false;
        if (points::settle(db, now - 2 * 86400 + 3600, clerk, c.text(0), err).outcome == points::Outcome::Error)
            return false;
    }
    if (!points::sweep(db, now, err)) return false;  // the first code expires and refunds
    if (points::redeem(db, now - 3600, *vol, reward, 1, err).outcome == points::Outcome::Error) return false;
    Stmt fund(db, "SELECT id FROM points_funds ORDER BY id LIMIT 1");
    if (fund.step() == Step::Row &&
        points::donate(db, now - 86400, *vol, fund.i64(0), 2, err).outcome == points::Outcome::Error)
        return false;
    // The other demo volunteers give a little to the 老帮老 fund.
    Stmt others(db, "SELECT u.id FROM users u WHERE u.phone LIKE '139000001%' ORDER BY u.id");
    Stmt fund2(db, "SELECT id FROM points_funds ORDER BY id DESC LIMIT 1");
    if (fund2.step() != Step::Row) return true;
    Id f2 = fund2.i64(0);
    Step s;
    while ((s = others.step()) == Step::Row)
        if (points::donate(db, now - 7200, others.i64(0), f2, 3, err).outcome == points::Outcome::Error) return false;
    if (s == Step::Error) return err = others.error(), false;
    return true;
}

}  // namespace

bool points_funds(Db& db, int64_t at, std::vector<int64_t>* ids, std::string& err) {
    struct F {
        const char *name, *description, *brand;
    } const funds[] = {
        {"山区孩子爱心午餐基金", "把积分捐给山区孩子的午餐：每100分折一份营养午餐。", "aixinwucan"},
        {"老帮老互助基金", "支持低龄老人帮扶高龄老人的互助服务。", "qinxiaolaobanglao"},
    };
    for (const F& f : funds) {
        Stmt brand(db, "SELECT 1 FROM brands WHERE slug = ?");
        brand.bind(1, f.brand);
        Step bs = brand.step();
        if (bs == Step::Error) return err = brand.error(), false;
        Stmt ins(db, "INSERT INTO points_funds(name, description, brand_slug, created_at) VALUES (?, ?, ?, ?)");
        ins.bind(1, f.name).bind(2, f.description);
        if (bs == Step::Row) ins.bind(3, f.brand);
        else ins.bind_null(3);
        ins.bind(4, at);
        if (!exec(db, ins, err)) return false;
        if (ids) ids->push_back(db.last_insert_rowid());
    }
    return true;
}

bool ensure_demo_points(App& app, bool demo_data, std::string* err_out) {
    std::lock_guard lock(app.db_mutex);
    std::string err;
    auto fail = [&]() {
        app.db.rollback();
        if (err_out) *err_out = err;
        return false;
    };
    if (!app.db.begin()) return err = app.db.last_error(), fail();
    auto clerk = user_by_phone(app.db, "13800000004", err);
    if (!clerk) return fail();
    if (!*clerk) {
        Stmt ins(app.db, "INSERT INTO users(phone, display_name, created_at) VALUES ('13800000004', '测试商户', ?)");
        ins.bind(1, app.now());
        if (!exec(app.db, ins, err)) return fail();
        *clerk = app.db.last_insert_rowid();
    }
    Stmt done(app.db, "SELECT 1 FROM housekeeping WHERE name = 'demo_points'");
    Step ds = done.step();
    if (ds == Step::Error) return err = done.error(), fail();
    if (demo_data && ds == Step::Done) {
        if (!demo_catalogue(app, *clerk, err) || !demo_balances(app, *clerk, err)) return fail();
        Stmt mark(app.db, "INSERT INTO housekeeping(name, value) VALUES ('demo_points', ?)");
        mark.bind(1, app.now());
        if (!exec(app.db, mark, err)) return fail();
    }
    if (!app.db.commit()) return err = app.db.last_error(), fail();
    return true;
}

}  // namespace zygc::server
