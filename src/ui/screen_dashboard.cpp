// 数据: the city's figures computed by the server from its data — volunteers and their share
// of residents, teams, projects, service hours, 老帮老 pairs and visits — by district and by
// month, with bar charts (ui/chart.*). Said plainly to be the system's own (sample) figures,
// not the annual report's.
#include <cstdlib>
#include <string>
#include <utility>

#include "imgui.h"
#include "ui/care_widgets.h"
#include "ui/chart.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

double hours(int64_t minutes) { return static_cast<double>(minutes) / 60.0; }

std::string month_label(const std::string& ym) {
    if (ym.size() < 7) return ym;
    const int m = std::atoi(ym.c_str() + 5);
    static const char* en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (m < 1 || m > 12) return ym;
    return lang() == Lang::En ? std::string(en[m - 1]) : std::to_string(m) + "月";
}

void tiles(const CityDashboard& d) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float full = ImGui::GetContentRegionAvail().x;
    const float half = (full - gap) * 0.5f;
    const std::string vols = fmt::count(d.registered_volunteers), share = fmt::percent(d.share_of_population_pct),
                      teams = fmt::count(d.teams), projects = fmt::count(d.projects),
                      hrs = fmt::hours_from_minutes(d.service_minutes), pairs = fmt::count(d.eldercare_pairs),
                      visits = fmt::count(d.eldercare_visits);
    stat_tile(tr(S::StatVolunteers), vols.c_str(), half);
    ImGui::SameLine();
    stat_tile(tr(S::StatShare), share.c_str(), half);
    stat_tile(tr(S::StatTeams), teams.c_str(), half);
    ImGui::SameLine();
    stat_tile(tr(S::StatProjects), projects.c_str(), half);
    stat_tile(tr(S::StatPairs), pairs.c_str(), half);
    ImGui::SameLine();
    stat_tile(tr(S::StatVisits), visits.c_str(), half);
    stat_tile(tr(S::StatHours), hrs.c_str(), full);
}

// A district's row: its name in the key column, its figures beside it, each ("志愿者 6") kept
// whole: they wrap between figures, never inside one (one wrapped line had put "· 结对 2" at the
// start of a line, another "结对" at the end of one and its number on the next).
void district_row(const DashDistrict& x) {
    const float x0 = ImGui::GetCursorPosX(), key = px(80);
    text_muted(x.name.c_str());
    if (ImGui::CalcTextSize(x.name.c_str()).x + px(8) <= key) ImGui::SameLine(x0 + key);
    const std::pair<S, int64_t> figures[] = {{S::DistrictVolunteersFmt, x.registered_volunteers},
                                             {S::DistrictTeamsFmt, x.teams},
                                             {S::DistrictProjectsFmt, x.projects},
                                             {S::DistrictPairsFmt, x.pairs},
                                             {S::DistrictVisitsFmt, x.visits}};
    ImGui::BeginGroup();
    const float column = ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& [format, n] : figures) {
        const std::string s = fmt_s(format, fmt::count(n));
        const float w = ImGui::CalcTextSize(s.c_str()).x;
        if (!first) {
            ImGui::SameLine(0, px(14));
            if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
        }
        first = false;
        if (w <= column) text_line(s.c_str(), color::Text, false, sem::Role::Text);
        else text(s);  // wider than the whole column (关怀版 at a large text size): it wraps
    }
    ImGui::EndGroup();
}

}  // namespace

void screen_dashboard(const State& state) {
    const auto& r = state.dashboard;
    if (placeholder(r, Target::Dashboard, r.loaded(), 4)) return;
    const CityDashboard& d = r.data();
    tiles(d);
    text_muted(tr(S::SampleNote));

    section(tr(S::SectionByDistrict));
    if (d.by_district.empty()) text_muted(tr(S::NoFigures));
    std::vector<BarColumn> cols;
    std::string summary;
    for (const DashDistrict& x : d.by_district) {
        cols.push_back({x.name, hours(x.service_minutes), 0});
        summary += (summary.empty() ? "" : ", ") + x.name + " " + fmt::hours_from_minutes(x.service_minutes);
    }
    if (!cols.empty()) bar_chart(cols, fmt_s(S::DistrictChartFmt, summary));
    for (const DashDistrict& x : d.by_district) {
        push_id(x.district_id);
        district_row(x);
        ImGui::PopID();
        spacing(6);
    }

    section(tr(S::SectionCityByMonth));
    if (d.by_month.empty()) text_muted(tr(S::NoFigures));
    cols.clear();
    summary.clear();
    for (const DashMonth& m : d.by_month) {
        cols.push_back({month_label(m.month), hours(m.service_minutes), 0});
        summary += (summary.empty() ? "" : ", ") + month_label(m.month) + " " + fmt::hours_from_minutes(m.service_minutes);
    }
    if (!cols.empty()) bar_chart(cols, fmt_s(S::MonthChartFmt, summary));
}

}  // namespace zygc::ui
