// 个人中心: who is logged in (phone masked), roles, the volunteer profile (ID only masked),
// teams, and what the user may do next: 实名注册 (not yet a volunteer), 我的报名, 队伍,
// 发布项目 (team leaders who are organizers), 退出登录.
#include <string>

#include "imgui.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// Items of a list in running text: 居民、志愿者 / Resident, Volunteer.
std::string joined(const std::vector<std::string>& parts, const char* sep = lang() == Lang::En ? ", " : "、") {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

const char* availability_label(const std::string& code) {
    if (code == "weekday_day") return tr(S::AvailWeekdayDay);
    if (code == "weekday_evening") return tr(S::AvailWeekdayEvening);
    if (code == "weekend") return tr(S::AvailWeekend);
    return code.c_str();
}

void profile(const State& state, const VolunteerProfile& v) {
    section(tr(S::SectionProfile));
    field(tr(S::FieldRealName), v.real_name);
    field(tr(S::FieldIdNumber), v.id_number_masked);
    for (const District& d : state.districts.data())
        if (d.id == v.district_id) field(tr(S::FieldDistrict), d.name);
    if (!v.skills.empty()) field(tr(S::FieldSkills), joined(v.skills));
    if (!v.availability.empty()) {
        std::vector<std::string> when;
        for (const auto& a : v.availability) when.push_back(availability_label(a));
        field(tr(S::FieldAvailability), joined(when));
    }
}

}  // namespace

void screen_me(const State& state) {
    if (!state.me.loaded()) {
        placeholder(state.me, Target::Me, false, 2);
        return;
    }
    if (!state.logged_in()) {  // the store sends a logged-out user to the login screen
        if (primary_button(tr(S::LoginButton), true)) emit(Navigate{Route{Route::Login, 0, {}}});
        return;
    }
    const Me& me = state.me.data();
    heading(me.display_name.empty() ? me.phone_masked.c_str() : me.display_name.c_str());
    field(tr(S::FieldPhone), me.phone_masked);
    std::vector<std::string> roles;
    for (const auto& r : me.roles) roles.push_back(role_label(r));
    if (!roles.empty()) field(tr(S::FieldRoles), joined(roles));

    if (me.volunteer) {
        profile(state, *me.volunteer);
    } else {
        spacing(4);
        if (primary_button(tr(S::LinkRegister), true)) emit(Navigate{route_register()});
    }

    if (!me.teams.empty()) {
        section(tr(S::SectionMyTeams));
        begin_panel();
        for (const TeamMembership& t : me.teams) {
            const std::string label = t.name + " · " +
                                      tr(t.role == "leader" ? S::MemberLeader : S::MemberMember) + "##team" +
                                      std::to_string(t.id);
            if (menu_row(label.c_str(), &t == &me.teams.front())) emit(Navigate{route_team(t.id)});
        }
        end_panel();
    }

    const bool volunteer = state.has_role("volunteer");
    bool leads = false;
    for (const TeamMembership& t : me.teams) leads = leads || t.role == "leader";
    spacing(8);
    menu({{volunteer, tr(S::LinkMySignups), route_my_signups()},
          {volunteer, tr(S::TitleCertificate), route_certificate()},  // certification
          {volunteer, tr(S::LinkMyHours), route_my_hours()}});        // attendance
    menu({{volunteer, tr(S::TitleMyPoints), route_my_points()},  // points
          {true, tr(S::TitleRewards), route_rewards()},
          {volunteer, tr(S::TitleMyRedemptions), route_my_redemptions()},
          {volunteer, tr(S::TitleFunds), route_funds()},
          {state.has_role("merchant"), tr(S::LinkMerchantVerify), route_merchant_verify()},
          {state.has_role("admin"), tr(S::TitleAdminPoints), route_admin_points()}});
    menu({{true, tr(S::LinkTeams), route_teams()},
          {state.has_role("social_worker"), tr(S::LinkEldercare), route_eldercare()},  // eldercare
          {true, tr(S::LinkHelp), route_help()},  // eldercare: 有困难找志愿者
          {leads && state.has_role("organizer"), tr(S::LinkPublish), route_new_project()}});

    spacing(16);
    if (danger_button(tr(S::Logout), true)) emit(Logout{});
}

}  // namespace zygc::ui
