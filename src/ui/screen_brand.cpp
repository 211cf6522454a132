// 品牌项目: a brand campaign page — who runs it, its story, figures, honours, projects.
#include "imgui.h"
#include "ui/image.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

void figures(const std::vector<BrandStat>& stats) {
    if (stats.empty()) return;
    section(tr(S::SectionBrandStats));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    for (size_t i = 0; i < stats.size(); ++i) {
        if (i % 2) ImGui::SameLine();
        stat_tile(stats[i].label.c_str(), stats[i].value.c_str(), half);
    }
}

void bullets(S title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    section(tr(title));
    for (const std::string& s : items) bullet(s.c_str());
}

}  // namespace

void screen_brand(const State& state) {
    const Remote<Brand>& r = state.brand;
    const bool current = !r.data().slug.empty() && r.data().slug == state.route.slug;
    if (placeholder(r, Target::Brand, current, 3)) return;
    const Brand& b = r.data();

    // images (issue 10): the cover banner across the column (2.4:1), a placeholder until it comes
    if (!b.cover_url.empty()) {
        const float w = ImGui::GetContentRegionAvail().x / px(1);
        brand_cover(state, b, w, w / 2.4f, radius::Card);
    }
    heading(b.name.c_str());
    if (!b.owner_org.empty()) field(tr(S::FieldOwner), b.owner_org);
    if (!b.summary.empty()) text(b.summary);
    figures(b.stats);
    if (!b.story.empty()) {
        section(tr(S::SectionStory));
        text(b.story);
    }
    bullets(S::SectionHighlights, b.highlights);
    bullets(S::SectionAwards, b.awards);
    // points: the brand's 再奉献 fund and its running total
    if (const Fund* f = fund_of_brand(state, b.slug)) {
        section(tr(S::SectionFund));
        text_line(f->name.c_str(), color::Text, true, sem::Role::Text);
        fund_figures(*f);
        if (primary_button(tr(S::DonateButton))) {  // 再奉献 with this fund's form open
            emit(Navigate{route_funds()});
            emit(EditDonation{f->id, "", false});
        }
    }
    // eldercare (issue 13): the honours from /awards
    const std::vector<const Award*> honours = awards_of(state, b.slug);
    if (!honours.empty()) section(tr(S::SectionHonours));
    for (const Award* a : honours) {
        const std::string line = (a->year ? std::to_string(a->year) + " · " : std::string()) + a->title +
                                 (a->issuer.empty() ? "" : " · " + a->issuer);
        bullet(line.c_str());
    }

    section(tr(S::SectionBrandProjects));
    if (b.projects.empty()) text_muted(tr(S::NoProjects));
    RowRange rows = begin_rows("##projects", b.projects.size());  // issue 11: only cards near the screen
    for (size_t i; next_row(rows, i);)
        if (project_card(b.projects[i])) emit(Navigate{route_project(b.projects[i].id)});
    // The page lists 50 (what can still be joined first); the list, filtered by the brand, has
    // the rest (the ones that have ended behind 含已结束).
    if (b.project_count > static_cast<int64_t>(b.projects.size()) && link(tr(S::MoreBrandProjects)))
        emit(Navigate{Route{Route::Projects, 0, {}, 0, "brand=" + b.slug}});
}

}  // namespace zygc::ui
