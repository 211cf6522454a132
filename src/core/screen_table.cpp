#include "core/screen_table.h"

#include <iterator>

#include "core/attendance.h"
#include "core/eldercare.h"
#include "core/publishing.h"

namespace zygc {
namespace {

using T = Target;
using K = Route;

// clang-format off
constexpr ScreenInfo kScreens[] = {
//   kind            path                   tab            login  keeps  parent       loads                                  refresh
    // eldercare (issue 13): the figures are the dashboard's, computed from the data
    {K::Home,        "",                    Tab::Home,     false, true,  K::Home,     {T::Dashboard, T::Brands, T::HomeProjects}, {T::Dashboard, T::Brands, T::HomeProjects}},
    {K::Projects,    "projects",            Tab::Projects, false, true,  K::Home,     {T::Districts, T::Brands, T::Projects}, {T::Projects}},
    // MySignups: to warn about overlapping shifts before sending.
    {K::Project,     "projects/{id}",       Tab::Projects, false, false, K::Projects, {T::Project, T::MySignups},             {T::Project}},
    // points: Funds for the fund's running total on its brand page
    // eldercare (issue 13): Awards for the brand's honours
    {K::Brand,       "brands/{slug}",       Tab::Home,     false, false, K::Home,     {T::Brand, T::Funds, T::Awards},        {T::Brand, T::Funds}},
    {K::NotFound,    nullptr,               Tab::Home,     false, false, K::Home,     {},                                     {}},
    {K::Login,       "login",               Tab::Me,       false, false, K::Home,     {},                                     {}},
    {K::Me,          "me",                  Tab::Me,       true,  false, K::Home,     {},                                     {}},
    {K::Register,    "me/volunteer",        Tab::Me,       true,  false, K::Me,       {T::Districts},                         {}},
    {K::MySignups,   "me/signups",          Tab::Me,       true,  false, K::Me,       {T::MySignups},                         {T::MySignups}},
    {K::Teams,       "teams",               Tab::Me,       false, false, K::Home,     {T::Teams},                             {T::Teams}},
    {K::Team,        "teams/{id}",          Tab::Me,       false, false, K::Teams,    {T::Team},                              {T::Team}},
    {K::NewProject,  "projects/new",        Tab::Me,       true,  false, K::Home,     {T::Districts, T::Brands},              {}, publishing::enter_new},
    {K::EditProject, "projects/{id}/edit",  Tab::Me,       true,  false, K::Project,  {T::Districts, T::Brands},              {}, publishing::enter_edit},
    // certification
    {K::ShiftConsole, "projects/{id}/shifts/{shift}/console", Tab::Me, true, false, K::Project, {T::Project, T::CheckinCode, T::Roster}, {T::CheckinCode, T::Roster}},
    {K::Hours,       "projects/{id}/hours", Tab::Me,       true,  false, K::Project,  {T::Project, T::HoursQueue},            {T::HoursQueue}},
    {K::MyCertificate, "me/certificate",    Tab::Me,       true,  false, K::Me,       {T::Certificate},                       {T::Certificate}},
    {K::Verify,      "verify/{serial}",     Tab::Home,     false, false, K::Home,     {T::Verify},                            {T::Verify}},
    // attendance
    {K::MyHours,     "me/hours",            Tab::Me,       true,  false, K::Me,       {T::MyHours},                           {T::MyHours}, attendance::enter_my_hours},
    {K::Checkin,     "checkin/{id}",        Tab::Me,       true,  false, K::MySignups, {T::MySignups, T::MyHours},            {T::MySignups, T::MyHours}, attendance::enter_checkin},
    // points
    {K::MyPoints,    "me/points",           Tab::Me,       true,  false, K::Me,       {T::MyPoints},                          {T::MyPoints}},
    {K::Rewards,     "rewards",             Tab::Me,       false, true,  K::Me,       {T::Districts, T::Rewards},             {T::Rewards}},
    {K::Reward,      "rewards/{id}",        Tab::Me,       false, false, K::Rewards,  {T::Reward, T::MyPoints, T::Districts}, {T::Reward, T::MyPoints}},
    {K::MyRedemptions, "me/redemptions",    Tab::Me,       true,  false, K::Me,       {T::MyRedemptions},                     {T::MyRedemptions}},
    {K::MerchantVerify, "merchant/verify",  Tab::Me,       true,  false, K::Me,       {},                                     {}},
    {K::Funds,       "funds",               Tab::Me,       false, false, K::Me,       {T::Funds, T::MyPoints},                {T::Funds, T::MyPoints}},
    {K::AdminPoints, "admin/points",        Tab::Me,       true,  false, K::Me,       {T::PointsStats, T::Districts, T::Merchants}, {T::PointsStats, T::Merchants}},
    // eldercare (issue 13)
    {K::Eldercare,   "eldercare",           Tab::Me,       true,  true,  K::Me,       {T::Districts, T::ElderNeeds, T::ElderHelpers}, {T::ElderNeeds, T::ElderHelpers}},
    {K::ElderNeedNew, "eldercare/needs/new", Tab::Me,      true,  false, K::Eldercare, {T::Districts},                        {}, eldercare::enter_need},
    {K::ElderHelperNew, "eldercare/helpers/new", Tab::Me,  true,  false, K::Eldercare, {T::Districts},                        {}, eldercare::enter_helper},
    {K::ElderMatches, "eldercare/matches",  Tab::Me,       true,  false, K::Eldercare, {T::Districts, T::ElderMatches},       {T::ElderMatches}},
    {K::ElderPairs,  "eldercare/pairs",     Tab::Me,       true,  true,  K::Eldercare, {T::Districts, T::ElderPairs},         {T::ElderPairs}},
    {K::Help,        "help",                Tab::Me,       true,  true,  K::Me,       {T::Districts, T::MyHelp, T::DistrictHelp}, {T::MyHelp, T::DistrictHelp}},
    {K::Dashboard,   "data",                Tab::Home,     false, true,  K::Home,     {T::Dashboard},                         {T::Dashboard}},
};
// clang-format on

constexpr bool in_kind_order() {
    int i = 0;
    for (const ScreenInfo& s : kScreens)
        if (s.kind != i++) return false;
    return i == Route::KindCount;
}
static_assert(in_kind_order(), "kScreens needs one row per Route::Kind, in enum order");

}  // namespace

const ScreenInfo& screen_info(Route::Kind kind) {
    return kind >= 0 && kind < Route::KindCount ? kScreens[kind] : kScreens[Route::NotFound];
}

const ScreenInfo* ScreenTable::begin() const { return std::begin(kScreens); }
const ScreenInfo* ScreenTable::end() const { return std::end(kScreens); }

Route parent_route(const Route& r) {
    Route p;
    p.kind = screen_info(r.kind).parent;
    if (p.kind == Route::Project || p.kind == Route::Team) p.id = r.id;
    return p;
}

}  // namespace zygc
