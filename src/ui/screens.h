// The screens, one per file (screen_*.cpp). Each draws inside the scrolling content region
// that app.cpp opens, reads State only and emits Actions through widgets.h's emit().
#pragma once
#include <initializer_list>
#include <string>

#include "core/store.h"

namespace zygc::ui {

void screen_home(const State& state);
void screen_projects(const State& state);
void screen_project(const State& state);
void screen_brand(const State& state);
void screen_not_found(const State& state);
void screen_login(const State& state);
void screen_me(const State& state);
void screen_register(const State& state);
void screen_my_signups(const State& state);
void screen_teams(const State& state);
void screen_team(const State& state);
void screen_publish(const State& state);  // new and edit
// certification
void screen_shift_console(const State& state);
void screen_certify(const State& state);
void screen_certificate(const State& state);
void screen_verify(const State& state);
// attendance
void screen_my_hours(const State& state);
void screen_checkin(const State& state);
// points
void screen_my_points(const State& state);
void screen_rewards(const State& state);
void screen_reward(const State& state);
void screen_my_redemptions(const State& state);
void screen_merchant_verify(const State& state);
void screen_funds(const State& state);
void screen_admin_points(const State& state);
// eldercare (issue 13)
void screen_eldercare(const State& state);
void screen_elder_need(const State& state);
void screen_elder_helper(const State& state);
void screen_elder_matches(const State& state);
void screen_elder_pairs(const State& state);
void screen_help(const State& state);
void screen_dashboard(const State& state);

// Routes the screens navigate to.
inline Route route_home() { return Route{}; }
inline Route route_projects() { return Route{Route::Projects, 0, {}}; }
inline Route route_project(Id id) { return Route{Route::Project, id, {}}; }
inline Route route_brand(const std::string& slug) { return Route{Route::Brand, 0, slug}; }
inline Route route_me() { return Route{Route::Me, 0, {}}; }
inline Route route_register() { return Route{Route::Register, 0, {}}; }
inline Route route_my_signups() { return Route{Route::MySignups, 0, {}}; }
inline Route route_teams() { return Route{Route::Teams, 0, {}}; }
inline Route route_team(Id id) { return Route{Route::Team, id, {}}; }
inline Route route_new_project() { return Route{Route::NewProject, 0, {}}; }
inline Route route_edit_project(Id id) { return Route{Route::EditProject, id, {}}; }
// certification
inline Route route_shift_console(Id project, Id shift) { return Route{Route::ShiftConsole, project, {}, shift}; }
inline Route route_hours(Id project) { return Route{Route::Hours, project, {}}; }
inline Route route_certificate() { return Route{Route::MyCertificate, 0, {}}; }
inline Route route_verify(const std::string& serial) { return Route{Route::Verify, 0, serial}; }
// attendance
inline Route route_my_hours() { return Route{Route::MyHours, 0, {}}; }
inline Route route_checkin(Id shift_id) { return Route{Route::Checkin, shift_id, {}}; }
// points
inline Route route_my_points() { return Route{Route::MyPoints, 0, {}}; }
inline Route route_rewards() { return Route{Route::Rewards, 0, {}}; }
inline Route route_reward(Id id) { return Route{Route::Reward, id, {}}; }
inline Route route_my_redemptions() { return Route{Route::MyRedemptions, 0, {}}; }
inline Route route_merchant_verify() { return Route{Route::MerchantVerify, 0, {}}; }
inline Route route_funds() { return Route{Route::Funds, 0, {}}; }
inline Route route_admin_points() { return Route{Route::AdminPoints, 0, {}}; }
// eldercare (issue 13)
inline Route route_eldercare() { return Route{Route::Eldercare, 0, {}}; }
inline Route route_help() { return Route{Route::Help, 0, {}}; }
inline Route route_dashboard() { return Route{Route::Dashboard, 0, {}}; }

// Shared by screens: the user's upcoming confirmed sign-up for a shift (nullptr when none).
const Signup* my_signup_for(const State& state, Id shift_id);
// "YYYYMMDD" of the platform clock in China (UTC+8); "" when the clock is unknown.
std::string today_yyyymmdd(double now_ms);
// "2026-11-28T21:05:00+08:00" of the platform clock; "" when unknown. (API times are
// +08:00, so the strings compare like the instants.)
std::string now_rfc3339(double now_ms);
// The label of a role code ("organizer" → 组织者).
const char* role_label(const std::string& role);
// A screen for one role (社工, 商户, 市管理部门) opened by someone signed in without it: says
// so, with the way back to 个人中心, instead of forms the server would refuse. True when it
// did (the screen draws nothing else).
bool role_only(const State& state, const char* role, const char* message);
// A panel of menu rows (个人中心, 我的积分), each shown when its condition holds (none shown:
// no panel); a tapped row navigates to its route.
struct MenuItem {
    bool shown;
    const char* label;
    Route to;
};
void menu(std::initializer_list<MenuItem> items);
// 取消报名, then 确定取消…？ 确认取消 / 再想想 in place → CancelSignup. True while it shows
// the one button (a button may follow it on its line).
bool cancel_control(const State& state, const Signup& signup);
// certification: a 志愿服务记录证明 as a document (screen_certificate.cpp); with_qr adds the
// QR of its verification link.
void certificate_document(const Certificate& c, bool with_qr);
// points: a fund's running total (and donors), on 再奉献 and on its brand page (screen_funds.cpp).
void fund_figures(const Fund& f);
// The message for `field` ("" when none).
std::string field_error(const std::vector<FieldError>& errors, const std::string& field);

}  // namespace zygc::ui
