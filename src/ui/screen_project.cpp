// 项目详情: title, brand, who/where, description, shifts with places left.
#include <cstdio>

#include "imgui.h"
#include "core/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

void shift_row(const Shift& s) {
    begin_panel();
    const std::string when = fmt::shift_range(s.start, s.end);
    text(when);
    const int64_t left = s.capacity - s.signed_up;
    if (left > 0) {
        char buf[64];
        std::snprintf(buf, sizeof buf, tr(S::PlacesLeftFmt), static_cast<long long>(left));
        text_colored(color::Success, buf);
    } else {
        text_colored(color::Danger, tr(S::Full));
    }
    end_panel();
}

}  // namespace

void screen_project(const State& state) {
    const Remote<Project>& r = state.project;
    const bool current = r.data.id != 0 && r.data.id == state.route.id;
    if (placeholder(r, Target::Project, current, 3)) return;
    const Project& p = r.data;

    heading(p.title.c_str());
    if (p.brand && !p.brand->empty()) {
        const std::string label = (p.brand_name.empty() ? *p.brand : p.brand_name) + "##brand";
        if (chip(label.c_str(), true, false, sem::Role::Link)) emit(Navigate{route_brand(*p.brand)});
    }
    spacing(2);
    if (!p.team_name.empty()) field(tr(S::FieldTeam), p.team_name);
    if (!p.district_name.empty()) field(tr(S::FieldDistrict), p.district_name);
    if (!p.site.name.empty()) field(tr(S::FieldSite), p.site.name);
    if (const Category* c = find_category(p.category)) field(tr(S::FieldCategory), c->label_zh);

    const std::string& about = p.description.empty() ? p.summary : p.description;
    if (!about.empty()) {
        section(tr(S::SectionAbout));
        text(about);
    }

    section(tr(S::SectionShifts));
    if (p.shifts.empty()) text_muted(tr(S::NoShifts));
    for (const Shift& s : p.shifts) shift_row(s);
}

}  // namespace zygc::ui
