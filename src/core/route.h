// Hash routes: "#/", "#/projects", "#/projects/12", "#/brands/cuncaoxin", "#/login",
// "#/me", "#/me/volunteer", "#/me/signups", "#/teams", "#/teams/3", "#/projects/new",
// "#/projects/12/edit", "#/projects/12/shifts/7/console", "#/projects/12/hours",
// "#/me/certificate", "#/verify/ZYGC-2026-0000123-AB12". The paths are written once, in the screen table (screen_table.cpp).
#pragma once
#include <string>
#include <string_view>

#include "model.h"

namespace zygc {

struct Route {
    // One per screen; the screen table (core) and the view table (ui/app.cpp) have a row
    // for each, in this order.
    enum Kind {
        Home, Projects, Project, Brand, NotFound,
        Login, Me, Register, MySignups, Teams, Team, NewProject, EditProject,
        // certification
        ShiftConsole, Hours, MyCertificate, Verify,
        // attendance
        MyHours, Checkin,
        // points
        MyPoints, Rewards, Reward, MyRedemptions, MerchantVerify, Funds, AdminPoints,
        // eldercare (issue 13): 老帮老 ledger, 有困难找志愿者, the city dashboard
        Eldercare, ElderNeedNew, ElderHelperNew, ElderMatches, ElderPairs, Help, Dashboard,
        KindCount
    };
    Kind kind = Home;
    Id id = 0;         // Project, Team, EditProject; Checkin: the shift; Reward (points)
    std::string slug;  // Brand; Verify: the certificate's serial
    Id shift = 0;      // ShiftConsole (certification)
    std::string query;  // search typing: what follows '?' ("q=%E5%B0%8F&district=3" on Projects)
    bool operator==(const Route&) const = default;
};

Route parse_route(std::string_view hash);  // accepts "", "#", "#/", "#/projects", ...
std::string route_hash(const Route& r);     // "#/projects/12"

}  // namespace zygc
