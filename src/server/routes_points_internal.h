// Internal to the points routes (routes_points*.cpp): what their parts share. Not for other
// features: they use server/points_routes.h and server/points.h.
#pragma once
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <map>

#include "core/calendar.h"
#include "server/mutation.h"
#include "server/points.h"
#include "server/points_routes.h"

namespace zygc::server::points_routes {

inline constexpr const char* kHoldCols =
    "h.id, h.user_id, u.display_name, h.attendance_id, h.points, "
    "COALESCE((SELECT balance FROM points_accounts a WHERE a.kind = 'volunteer' AND a.owner_id = h.user_id), 0), "
    "h.reason, h.status, h.created_at, h.decided_at, h.decision_reason FROM points_holds h JOIN users u ON u.id = h.user_id ";

// Body field helpers for the admin forms.
struct Form {
    const json& body;
    std::vector<FieldError> errs;
    std::optional<std::string> text(const char* f, size_t max, bool required) {
        auto it = body.find(f);
        if (it == body.end() || it->is_null()) {
            if (required) errs.push_back(field_error(f, "required", "必填"));
            return std::nullopt;
        }
        if (!it->is_string()) return errs.push_back(field_error(f, "invalid", "应为文字")), std::nullopt;
        std::string v = it->get<std::string>();
        size_t a = v.find_first_not_of(" \t\r\n"), b = v.find_last_not_of(" \t\r\n");
        v = a == std::string::npos ? "" : v.substr(a, b - a + 1);
        if (required && v.empty()) return errs.push_back(field_error(f, "required", "必填")), std::nullopt;
        if (utf8_length(v) > max)
            return errs.push_back(field_error(f, "too_long", "太长", {{"max", std::to_string(max)}})), std::nullopt;
        return v;
    }
    std::optional<int64_t> integer(const char* f, int64_t lo, int64_t hi, bool required) {
        auto it = body.find(f);
        if (it == body.end() || it->is_null()) {
            if (required) errs.push_back(field_error(f, "required", "必填"));
            return std::nullopt;
        }
        if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi)
            return errs.push_back(field_error(f, "out_of_range", std::to_string(lo) + ".." + std::to_string(hi),
                                              {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}})),
                   std::nullopt;
        return it->get<int64_t>();
    }
};

// routes_points.cpp
std::optional<Reply> settle_due(App& app);
// A signed-in points read through with_user_read: on a reader it hands over to the writer
// (nullopt) when codes or lots are due; on the writer it settles them first.
std::optional<Reply> when_settled(App& app, Db& db, bool on_writer, const std::function<Reply()>& read);
void public_read(App& app, const httplib::Request& req, httplib::Response& res, const std::function<Reply(Db& db)>& fn);
json opt_time(const Stmt& st, int c);
std::optional<Reply> district_missing(Db& db, Id d);
json hold_json(const Stmt& st);
bool rows(Db& db, const std::string& sql, const std::vector<SqlValue>& args, const std::function<json(const Stmt&)>& fn,
          json& out, std::string& err);
std::optional<int64_t> count(Db& db, const std::string& sql, const std::vector<SqlValue>& args, std::string& err);
Reply page_reply(Db& db, const httplib::Request& req, Query& q, std::initializer_list<const char*> names,
                 const char* cols, const std::string& where, const std::vector<SqlValue>& args, const char* order,
                 const std::function<json(const Stmt&)>& fn);
std::optional<Reply> need_role(Db& db, Id user, const char* role, const char* detail);
Reply invalid_form(std::vector<FieldError> errs);
Reply outcome_problem(const points::Result& r);

// routes_points_balance.cpp
void get_rules(App& app, const httplib::Request& req, httplib::Response& res);
void get_my_points(App& app, const httplib::Request& req, httplib::Response& res);

// routes_points_rewards.cpp
void get_rewards(App& app, const httplib::Request& req, httplib::Response& res);
void get_reward(App& app, const httplib::Request& req, httplib::Response& res);
Reply create_reward(App& app, Id user, const json& body);
Reply redemption_reply(App& app, Id id, int status, bool merchant_view);
Reply post_redemption(App& app, const httplib::Request& req, Id user, const json& body);
void get_my_redemptions(App& app, const httplib::Request& req, httplib::Response& res);
void get_merchant_redemptions(App& app, const httplib::Request& req, httplib::Response& res);

// routes_points_merchants.cpp
Reply create_merchant(App& app, Id user, const json& body);
void get_merchants(App& app, const httplib::Request& req, httplib::Response& res);
Reply verify(App& app, Id user, const json& body);

// routes_points_funds.cpp
void get_funds(App& app, const httplib::Request& req, httplib::Response& res);
Reply post_donation(App& app, const httplib::Request& req, Id user, const json& body);
Reply create_fund(App& app, Id user, const json& body);

// routes_points_admin.cpp
std::optional<Reply> points_stats(App& app, Db& db, Id user, bool on_writer);
void get_holds(App& app, const httplib::Request& req, httplib::Response& res);
Reply resolve(App& app, Id user, const std::optional<int64_t>& id, const json& body);

}  // namespace zygc::server::points_routes
