// Internal to the 老帮老 ledger's two route files: routes_eldercare.cpp (台账: needs and
// helpers, the field checks and the social-worker gate below) and routes_eldercare_pairs.cpp
// (matching, pairs, visits).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/idcard.h"
#include "server/eldercare.h"

namespace zygc::server {

void register_eldercare_pair_routes(App& app);  // routes_eldercare_pairs.cpp

namespace ledger {

// A request body's fields, checked one by one; the first error of a field is kept.
struct Fields {
    const json& body;
    std::vector<FieldError> errs;

    void fail(const std::string& field, const char* code, const std::string& msg, Params p = {}) {
        for (const auto& e : errs)
            if (e.field == field) return;
        errs.push_back(field_error(field, code, msg, std::move(p)));
    }
    const json* get(const json& obj, const std::string& key) const {
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    std::string text(const json& obj, const std::string& key, const std::string& field, size_t lo, size_t hi,
                     const char* code = "length") {
        const json* v = get(obj, key);
        if (!v) {
            if (lo > 0) fail(field, "required", "请填写" + field);
            return {};
        }
        if (!v->is_string()) return fail(field, "wrong_type", field + " 需为文字"), std::string();
        std::string s = v->get<std::string>();
        size_t n = utf8_length(s);
        if (n < lo || n > hi)
            fail(field, code, field + " 需为" + std::to_string(lo) + "到" + std::to_string(hi) + "个字",
                 {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
        for (unsigned char c : s)
            if (c < 0x20 && c != '\n') return fail(field, "control_chars", field + " 含有无效字符"), s;
        return s;
    }
    std::string phone(const json& obj, const std::string& key, const std::string& field, bool required) {
        const json* v = get(obj, key);
        if (!v) {
            if (required) fail(field, "required", "请填写手机号");
            return {};
        }
        if (!v->is_string() || !valid_phone(v->get<std::string>()))
            return fail(field, "phone_format", "请填写11位手机号"), std::string();
        return v->get<std::string>();
    }
    std::optional<int64_t> integer(const json& obj, const std::string& key, const std::string& field, int64_t lo,
                                   int64_t hi, bool required) {
        const json* v = get(obj, key);
        if (!v) {
            if (required) fail(field, "required", "请填写" + field);
            return std::nullopt;
        }
        if (!v->is_number_integer()) return fail(field, "wrong_type", field + " 需为整数"), std::nullopt;
        int64_t x = v->get<int64_t>();
        if (x < lo || x > hi)
            return fail(field, "range", field + " 需在" + std::to_string(lo) + "到" + std::to_string(hi) + "之间",
                        {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}}),
                   std::nullopt;
        return x;
    }
    double number(const json& obj, const std::string& key, double lo, double hi) {
        const json* v = get(obj, key);
        if (!v || !v->is_number()) return fail(key, v ? "wrong_type" : "required", "请在地图上选择住址"), 0.0;
        double x = v->get<double>();
        if (!(x >= lo && x <= hi)) fail(key, "invalid", "坐标无效");
        return x;
    }
    // A non-empty list of codes from `allowed` (as a bit set; deduplicated).
    uint32_t codes(const json& obj, const std::string& key, int (*bit)(const std::string&), const std::string& allowed) {
        const json* v = get(obj, key);
        if (!v) return fail(key, "required", "请至少选择一项"), 0u;
        if (!v->is_array()) return fail(key, "wrong_type", key + " 需为列表"), 0u;
        uint32_t bits = 0;
        for (const auto& x : *v) {
            int b = x.is_string() ? bit(x.get<std::string>()) : -1;
            if (b < 0) return fail(key, "one_of", key + " 含有未知的选项", {{"allowed", allowed}}), 0u;
            bits |= 1u << b;
        }
        if (!bits) fail(key, "required", "请至少选择一项");
        return bits;
    }
    std::optional<Id> district(App& app, bool& db_failed) {
        auto d = integer(body, "district_id", "district_id", 1, INT64_MAX / 2, true);
        if (!d) return std::nullopt;
        Stmt st(app.db, "SELECT 1 FROM districts WHERE id = ?");
        st.bind(1, *d);
        Step s = st.step();
        if (s == Step::Error) return log_db_error(st.error()), db_failed = true, std::nullopt;
        if (s == Step::Done) return fail("district_id", "not_found", "区县不存在"), std::nullopt;
        return d;
    }
    void consent() {
        const json* v = get(body, "consent");
        if (!v || !v->is_boolean() || !v->get<bool>())
            fail("consent", "consent_required", "需本人或监护人同意登记个人信息");
    }
};

Reply bad_query(int status, const char* field, const char* code, const std::string& msg, Params params = {});
Reply invalid(std::vector<FieldError> errs);
// The bit set of a stored JSON list of codes (unknown codes are skipped).
uint32_t bits_of(const std::string& json_text, int (*bit)(const std::string&));

// Route wrappers: signed in as a social worker (403 otherwise); a read runs on a reader
// (the pairing suggestions take a district's whole ledger: never on the writer); a
// mutation's creating POST runs under its optional Idempotency-Key.
void as_social_worker(App& app, const httplib::Request& req, httplib::Response& res,
                      const std::function<Reply(Db&, Id)>& fn);
void mutate_as_social_worker(App& app, const httplib::Request& req, httplib::Response& res,
                             const std::function<Reply(Id, const json&)>& fn, bool idempotent_post);

}  // namespace ledger
}  // namespace zygc::server
