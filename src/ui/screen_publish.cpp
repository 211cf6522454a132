// 发布项目 / 编辑项目 (team leaders): team, title, summary, description, category, brand,
// district, site with its place and check-in radius, shifts with capacity. Times are picked in
// a bottom sheet (ui/time_picker) and kept as RFC 3339 with +08:00; the place is the phone's
// location, a tap on the city map, or typed under 高级 (ui/location_picker). Errors appear next
// to their fields, and after a refused 发布 the first of them is scrolled into view (and a text
// field focused); a 412 on saving says someone else changed the project and offers a reload.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/location_picker.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/time_picker.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

std::string int_text(int64_t v) { return v == 0 ? "" : std::to_string(v); }

// A one-of-many chip with a popup; sets `value` and returns true when one was picked.
template <class T, class Items, class Label, class Value>
bool pick(const char* popup, const char* current, bool active, const Items& items, T& value, Label label_of,
          Value value_of) {
    bool picked = false;
    char label[200];
    std::snprintf(label, sizeof label, "%s###%s", current, popup);
    if (choice(label, popup, active, true)) {
        for (const auto& it : items) {
            ImGui::PushID(&it);
            if (option(label_of(it), value_of(it) == value)) {
                value = value_of(it);
                picked = true;
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    return picked;
}

bool known_field(const std::string& f) {
    static const char* known[] = {"team_id", "title", "summary", "description", "category", "brand",
                                  "district_id", "site.name", "site.lat", "site.lng", "site.radius_m", "shifts"};
    for (const char* k : known)
        if (f == k) return true;
    return f.rfind("shifts[", 0) == 0;
}

// errors in view (issue 10): after a refused 发布 (ProjectForm::refusals grew), the first field
// drawn with an error scrolls to the upper part of the screen, and a text field takes the focus.
// The count seen is kept in the screen window's storage (the first frame only notes it).
struct Reveal {
    bool want = false;
    // Before drawing a field: true when this is the one to show.
    bool at(const std::string& error, bool text_field) {
        if (!want || error.empty()) return false;
        want = false;
        ImGui::SetScrollHereY(0.2f);
        if (text_field) ImGui::SetKeyboardFocusHere();
        return true;
    }
};
const ImGuiID kRefusalsSeen = ImHashStr("zygc.publish.refusals_seen");

Reveal reveal_for(const ProjectForm& f) {
    ImGuiStorage* st = ImGui::GetStateStorage();
    const int seen = st->GetInt(kRefusalsSeen, -1);
    st->SetInt(kRefusalsSeen, f.refusals);
    return Reveal{seen >= 0 && seen != f.refusals && !f.errors.empty()};
}

}  // namespace

void screen_publish(const State& state) {
    if (!state.me.loaded()) {
        placeholder(state.me, Target::Me, false, 3);
        return;
    }
    std::vector<TeamMembership> led;
    for (const TeamMembership& t : state.me.data().teams)
        if (t.role == "leader") led.push_back(t);
    if (!state.logged_in() || led.empty()) {
        text_muted(tr(S::OrganizersOnly));
        return;
    }
    const bool editing = state.route.kind == Route::EditProject;
    const ProjectForm& f = state.publish;
    if (editing && f.editing != state.route.id) {  // the project is on its way
        placeholder(state.project, Target::Project, false, 3);
        return;
    }
    if (f.stale) {
        begin_panel();
        text_alert(tr(S::Stale));
        const bool reload = primary_button(tr(S::Reload));
        end_panel(color::DangerSoft);
        if (reload) emit(Retry{Target::Project});  // the answer fills the form again (store)
    }

    ProjectDraft d = f.draft;
    bool changed = false;
    std::string v;
    Reveal reveal = reveal_for(f);
    auto err = [&](const std::string& field) { return field_error(f.errors, field); };
    auto edit = [&](const char* label, const char* id, const std::string& value, std::string& target,
                    const std::string& error, FieldOptions o = {}) {
        reveal.at(error, true);
        if (text_field(label, id, value, v, error, o)) {
            target = v;
            changed = true;
        }
    };

    // Team: among the teams the user leads.
    reveal.at(err("team_id"), false);
    text_muted(tr(S::FieldPublishTeam));
    const char* team = "";
    for (const TeamMembership& t : led)
        if (t.id == d.team_id) team = t.name.c_str();
    if (pick("team", team, true, led, d.team_id, [](const TeamMembership& t) { return t.name.c_str(); },
             [](const TeamMembership& t) { return t.id; }))
        changed = true;
    text_alert(err("team_id"));

    FieldOptions title;
    title.capacity = 256;
    edit(tr(S::TitleLabel), "title", d.title, d.title, err("title"), title);
    FieldOptions summary;
    summary.capacity = 512;
    edit(tr(S::SummaryLabel), "summary", d.summary, d.summary, err("summary"), summary);
    FieldOptions about;
    about.capacity = 8192;
    about.multiline = true;
    edit(tr(S::DescriptionLabel), "description", d.description, d.description, err("description"), about);

    reveal.at(err("category"), false);
    text_muted(tr(S::CategoryLabel));
    const Category* cat = find_category(d.category);
    if (pick("category", cat ? category_label(*cat) : tr(S::ChooseCategory), cat != nullptr, categories(), d.category,
             [](const Category& c) { return category_label(c); }, [](const Category& c) { return std::string(c.code); }))
        changed = true;
    text_alert(err("category"));

    reveal.at(err("brand"), false);
    text_muted(tr(S::BrandLabel));
    {
        const char* brand = tr(S::NoBrand);
        for (const Brand& b : state.brands.data())
            if (d.brand && b.slug == *d.brand) brand = b.name.c_str();
        char label[200];
        std::snprintf(label, sizeof label, "%s###brand", brand);
        if (choice(label, "brand", d.brand.has_value(), true)) {
            if (option(tr(S::NoBrand), !d.brand)) {
                d.brand.reset();
                changed = true;
            }
            for (const Brand& b : state.brands.data()) {
                ImGui::PushID(b.slug.c_str());
                if (option(b.name.c_str(), d.brand && *d.brand == b.slug)) {
                    d.brand = b.slug;
                    changed = true;
                }
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
        text_alert(err("brand"));
    }

    reveal.at(err("district_id"), false);
    text_muted(tr(S::DistrictLabel));
    {
        const char* district = tr(S::ChooseDistrict);
        for (const District& x : state.districts.data())
            if (x.id == d.district_id) district = x.name.c_str();
        if (pick("district", district, d.district_id != 0, state.districts.data(), d.district_id,
                 [](const District& x) { return x.name.c_str(); }, [](const District& x) { return x.id; }))
            changed = true;
        text_alert(err("district_id"));
    }

    edit(tr(S::SiteNameLabel), "site_name", d.site.name, d.site.name, err("site.name"));
    // forms (issue 10): the place by location, map or (高级) coordinates.
    {
        std::string where = err("site.lat");
        if (where.empty()) where = err("site.lng");
        reveal.at(where, false);
        if (location_picker(state, d, where)) changed = true;
    }
    FieldOptions num;
    num.flags = ImGuiInputTextFlags_CharsDecimal;
    num.capacity = 24;
    reveal.at(err("site.radius_m"), true);
    if (text_field(tr(S::RadiusLabel), "radius", int_text(d.site.radius_m), v, err("site.radius_m"), num)) {
        d.site.radius_m = std::strtoll(v.c_str(), nullptr, 10);
        changed = true;
    }

    section(tr(S::SectionShifts));
    reveal.at(err("shifts"), false);
    text_alert(err("shifts"));
    int remove = -1;
    for (size_t i = 0; i < d.shifts.size(); ++i) {
        ShiftDraft& sh = d.shifts[i];
        const std::string at = "shifts[" + std::to_string(i) + "]";
        push_id(static_cast<Id>(i));
        char head[64];
        std::snprintf(head, sizeof head, tr(S::ShiftFmt), static_cast<int>(i + 1));
        heading(head);
        // forms (issue 10): picked in a sheet, not typed; the end starts from the start.
        reveal.at(err(at + ".start"), false);
        if (time_field(tr(S::StartLabel), "start", sh.start, "", v, err(at + ".start"))) {
            sh.start = v;
            changed = true;
        }
        reveal.at(err(at + ".end"), false);
        if (time_field(tr(S::EndLabel), "end", sh.end, sh.start, v, err(at + ".end"))) {
            sh.end = v;
            changed = true;
        }
        reveal.at(err(at + ".capacity"), true);
        if (text_field(tr(S::CapacityLabel), "capacity", int_text(sh.capacity), v, err(at + ".capacity"), num)) {
            sh.capacity = std::strtoll(v.c_str(), nullptr, 10);
            changed = true;
        }
        if (d.shifts.size() > 1 && link(tr(S::RemoveShift))) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        d.shifts.erase(d.shifts.begin() + remove);
        changed = true;
    }
    if (secondary_button(tr(S::AddShift), true)) {
        ShiftDraft next;
        if (!d.shifts.empty()) next = d.shifts.back();  // most series repeat the last shift's pattern
        d.shifts.push_back(next);
        changed = true;
    }

    for (const FieldError& e : f.errors)
        if (!known_field(e.field)) {
            reveal.at(say(message_of(e)), false);
            text_alert(say(message_of(e)));
        }

    spacing(8);
    const bool sending = f.submit.loading();
    const std::string label =
        std::string(tr(sending ? S::Submitting : f.editing ? S::SaveChanges : S::PublishButton)) + "###submit";
    if (primary_button(label.c_str(), true, sending)) emit(SubmitDraft{});
    if (f.submit.failed() && f.errors.empty() && !f.stale) text_alert(error_message(f.submit.error()));

    if (changed) emit(EditDraft{d});
}

}  // namespace zygc::ui
