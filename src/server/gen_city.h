// zygc-gen-city's parts (gen_city.cpp: the catalogue, volunteers, sign-ups and hours;
// gen_city_eldercare.cpp: 老帮老; gen_city_points.cpp: the points ledger) share these: one
// random sequence, bulk inserts that stop the program on the first error, the districts.
#pragma once
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace zygc::server {
struct App;
}

namespace zygc::server::gen {

// A site as a map picker gives it (WeChat's wx.getLocation, a map's pin): 6 decimals,
// ~0.1 m. Full doubles would put 16 random digits per coordinate into every page.
inline double micro_degrees(double v) { return std::round(v * 1e6) / 1e6; }

// splitmix64: small, fast, and the same sequence on every machine.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int64_t range(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1)); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    bool chance(double p) { return unit() < p; }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

// A prepared statement for bulk inserts: bind, step, reset.
struct Ins {
    sqlite3_stmt* st = nullptr;
    Ins(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "zygc-gen-city: %s\n  in %s\n", sqlite3_errmsg(db), sql);
            std::exit(1);
        }
    }
    ~Ins() { sqlite3_finalize(st); }
    Ins& i(int n, int64_t v) { sqlite3_bind_int64(st, n, v); return *this; }
    Ins& f(int n, double v) { sqlite3_bind_double(st, n, v); return *this; }
    Ins& t(int n, const std::string& v) { sqlite3_bind_text(st, n, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); return *this; }
    Ins& b(int n, const void* p, int len) { sqlite3_bind_blob(st, n, p, len, SQLITE_TRANSIENT); return *this; }
    Ins& null(int n) { sqlite3_bind_null(st, n); return *this; }
    void run() {
        if (sqlite3_step(st) != SQLITE_DONE) {
            std::fprintf(stderr, "zygc-gen-city: %s\n", sqlite3_errmsg(sqlite3_db_handle(st)));
            std::exit(1);
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
};

inline void exec(sqlite3* db, const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::fprintf(stderr, "zygc-gen-city: %s\n  in %s\n", msg ? msg : "?", sql);
        std::exit(1);
    }
}

inline int64_t scalar(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return v;
}

struct District {
    int64_t id;
    std::string name;
    double weight;  // share of the city's volunteers
    double lat, lng;
};

// Names and places the generated rows are made of.
inline const char* const kCommunities[] = {
    "西港路", "建设大街", "文化路", "海滨路", "白塔岭", "东环路", "燕山大街", "北环路", "河东", "南山",
    "西山", "东山", "海阳", "戴河", "牛头崖", "石门寨", "驻操营", "留守营", "杜庄", "台营",
    "榆关", "骊城", "双望", "刘台庄", "蛤泊", "靖安", "荒佃庄", "大蒲河", "团林", "新开口"};
inline const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                 "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
inline const char* const kGiven[] = {"秀英", "桂兰", "建国", "志强", "丽娟", "海燕", "晓光", "春梅", "国华", "玉兰",
                              "建军", "淑珍", "明", "静", "磊", "洋", "婷", "伟", "芳", "涛"};

// 老帮老 (gen_city_eldercare.cpp): older residents' needs, older helpers (generated
// volunteers, users first_user … first_user + volunteers - 1), pairs from the real matcher,
// their visits as certified attendance of each district's 老帮老 project, help requests.
// Inside the caller's transaction; before generate_points, so visits earn points too.
void generate_eldercare(App& app, Rng& rng, const std::vector<District>& districts, int64_t first_user,
                        int64_t volunteers, double scale, int64_t now);

// Points (gen_city_points.cpp): merchants and rewards in every district, the funds, every
// certified record's points as the server posts them, and a year of redemptions, settlements,
// expiries and donations replayed in time order through the server's own points functions.
// Inside the caller's transaction, after every attendance record exists.
void generate_points(App& app, Rng& rng, const std::vector<District>& districts, double scale, int64_t now);

}  // namespace zygc::server::gen
