// 首页: the 关怀版 switch, the language switch and the 文字大小 control, the city's figures, the brand strip,
// upcoming projects. In 关怀版 the most common actions come first as big buttons, and the
// brand strip is left out. When sections fail to load (the API unreachable), one error block
// stands for all of them and its 重试 asks again for each that failed (issue 10).
#include "imgui.h"
#include "ui/empty_state.h"
#include "ui/image.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"
#include "ui/zoom.h"

namespace zygc::ui {
namespace {

// 关怀版 switch on the left, 中文/English on the right.
void settings_row(const State& state) {
    const Settings& now = state.settings;
    if (toggle(tr(S::CareMode), now.care_mode)) {
        Settings next = now;
        next.care_mode = !now.care_mode;
        emit(SetSettings{next});
    }
    const char* lang = tr(S::SwitchLang);
    const float w = ImGui::CalcTextSize(lang).x + 2 * px(20);
    // zoom: at large text sizes the language button goes below the switch rather than over it.
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    if (secondary_button(lang)) {
        Settings next = now;
        next.lang = now.lang == "en" ? "zh" : "en";
        emit(SetSettings{next});
    }
    zoom_control(state);  // zoom: 文字大小 − 150% +
}

// 关怀版: the common actions as big buttons, two per row.
void quick_actions(const State&) {
    spacing(4);
    struct Quick {
        S label;
        Route to;
    };
    const Quick quick[] = {{S::QuickFind, route_projects()},
                           {S::QuickMySignups, route_my_signups()},
                           {S::QuickTeams, route_teams()},
                           {S::QuickMe, route_me()}};
    for (const Quick& q : quick)
        if (primary_button(tr(q.label), true)) emit(Navigate{q.to});
}

// eldercare (issue 13): the figures are the dashboard's (GET /stats/dashboard), counted from
// the data — the reference data's own, said so under them; the report's totals stay in words
// on the brand pages.
void city_figures(const Remote<CityDashboard>& r) {
    if (r.failed()) return;  // said by outage()
    section(tr(S::SectionCity));
    if (placeholder(r, Target::Dashboard, r.loaded(), 2)) return;
    const CityDashboard& s = r.data();
    const std::string volunteers = fmt::count(s.registered_volunteers);
    const std::string share = fmt::percent(s.share_of_population_pct);
    const std::string teams = fmt::count(s.teams);
    const std::string projects = fmt::count(s.projects);
    const std::string hours = fmt::hours_from_minutes(s.service_minutes);
    const std::string pairs = fmt::count(s.eldercare_pairs);

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float full = ImGui::GetContentRegionAvail().x;
    const float half = (full - gap) * 0.5f;
    stat_tile(tr(S::StatVolunteers), volunteers.c_str(), half);
    ImGui::SameLine();
    stat_tile(tr(S::StatShare), share.c_str(), half);
    stat_tile(tr(S::StatTeams), teams.c_str(), half);
    ImGui::SameLine();
    stat_tile(tr(S::StatProjects), projects.c_str(), half);
    stat_tile(tr(S::StatHours), hours.c_str(), half);
    ImGui::SameLine();
    stat_tile(tr(S::StatPairs), pairs.c_str(), half);
    text_muted(tr(S::HomeSampleNote));
    if (link(tr(S::LinkDashboard))) emit(Navigate{route_dashboard()});
}

void brand_strip(const State& state, const Remote<std::vector<Brand>>& r) {
    if (r.loaded() && r.data().empty()) return;  // nothing to show, no section
    if (r.failed()) return;                       // said by outage()
    section(tr(S::SectionBrands));
    if (placeholder(r, Target::Brands, r.loaded() || !r.data().empty(), 1)) return;
    const float card_w = 220, card_h = 96;
    // images (issue 10): each card stands under its cover (2.4:1), when the brands have covers
    bool covers = false;
    for (const Brand& b : r.data()) covers |= !b.cover_url.empty();
    const float cover_h = covers ? 92 : 0;
    const float height = px(cover_h + card_h) + (covers ? ImGui::GetStyle().ItemSpacing.y : 0) +
                         ImGui::GetStyle().ScrollbarSize + px(6);
    ImGui::BeginChild("##brands", ImVec2(0, height), false, ImGuiWindowFlags_HorizontalScrollbar);
    for (size_t i = 0; i < r.data().size(); ++i) {
        if (i) ImGui::SameLine();
        const Brand& b = r.data()[i];
        ImGui::BeginGroup();
        bool tapped = covers && brand_cover(state, b, card_w, cover_h, radius::Card);
        tapped |= brand_card(b, card_w, card_h);
        ImGui::EndGroup();
        if (tapped) emit(Navigate{route_brand(b.slug)});
    }
    ImGui::EndChild();
}

void upcoming(const Remote<Page<Project>>& r) {
    if (r.failed()) return;  // said by outage()
    section(tr(S::SectionUpcoming));
    if (placeholder(r, Target::HomeProjects, r.loaded() || !r.data().items.empty(), 3)) return;
    if (r.data().items.empty()) text_muted(tr(S::NoUpcoming));
    for (const Project& p : r.data().items)
        if (project_card(p)) emit(Navigate{route_project(p.id)});
    if (link(tr(S::SeeAllProjects))) emit(Navigate{route_projects()});
}

// errors and empties (issue 10): one outage, one error. The sections that failed are left
// out; one block says what went wrong (the first failure's words) and its 重试 asks again
// for every section that failed. False when nothing failed.
bool outage(const State& state, bool with_brands) {
    struct Part {
        const RemoteStatus& r;
        Target target;
    };
    const Part parts[] = {{state.dashboard, Target::Dashboard},
                          {state.brands, Target::Brands},
                          {state.home_projects, Target::HomeProjects}};
    const ApiError* first = nullptr;
    for (const Part& p : parts)
        if (p.r.failed() && (with_brands || p.target != Target::Brands) && !first) first = &p.r.error();
    if (!first) return false;
    if (error_state(*first))
        for (const Part& p : parts)
            if (p.r.failed() && (with_brands || p.target != Target::Brands)) emit(Retry{p.target});
    return true;
}

}  // namespace

void screen_home(const State& state) {
    settings_row(state);
    if (state.settings.care_mode) {
        quick_actions(state);
        outage(state, false);
        upcoming(state.home_projects);
        city_figures(state.dashboard);
        return;
    }
    outage(state, true);
    city_figures(state.dashboard);
    brand_strip(state, state.brands);
    upcoming(state.home_projects);
    if (link(tr(S::LinkHelp))) emit(Navigate{route_help()});  // eldercare: 有困难找志愿者
}

}  // namespace zygc::ui
