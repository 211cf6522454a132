// 发布项目 / 编辑项目 (team leaders): team, title, summary, description, category, brand,
// district, site with coordinates and check-in radius, shifts with capacity. Times are typed
// as "YYYY-MM-DD HH:MM" (Qinhuangdao time) and kept as RFC 3339 with +08:00. Errors appear
// next to their fields; a 412 on saving says someone else changed the project and offers a reload.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// "2026-12-03T09:00:00+08:00" → "2026-12-03 09:00"; anything else as it is.
std::string time_text(const std::string& rfc3339) {
    if (rfc3339.size() < 16 || !parse_rfc3339(rfc3339)) return rfc3339;
    std::string s = rfc3339.substr(0, 16);
    s[10] = ' ';
    return s;
}

// "2026-12-03 09:00" (or with a T) → "2026-12-03T09:00:00+08:00"; what is not a real time
// yet stays as typed (the checks then say so).
std::string time_value(const std::string& typed) {
    if (typed.size() != 16 || (typed[10] != ' ' && typed[10] != 'T')) return typed;
    std::string s = typed;
    s[10] = 'T';
    s += ":00+08:00";
    return parse_rfc3339(s) ? s : typed;
}

std::string number_text(double v) {
    if (v == 0) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

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
    auto err = [&](const std::string& field) { return field_error(f.errors, field); };
    auto edit = [&](const char* label, const char* id, const std::string& value, std::string& target,
                    const std::string& error, FieldOptions o = {}) {
        if (text_field(label, id, value, v, error, o)) {
            target = v;
            changed = true;
        }
    };

    // Team: among the teams the user leads.
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

    text_muted(tr(S::CategoryLabel));
    const Category* cat = find_category(d.category);
    if (pick("category", cat ? category_label(*cat) : tr(S::ChooseCategory), cat != nullptr, categories(), d.category,
             [](const Category& c) { return category_label(c); }, [](const Category& c) { return std::string(c.code); }))
        changed = true;
    text_alert(err("category"));

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
    FieldOptions num;
    num.flags = ImGuiInputTextFlags_CharsDecimal;
    num.capacity = 24;
    FieldOptions coord = num;
    coord.kind = sem::InputKind::Decimal;
    if (text_field(tr(S::LatLabel), "lat", number_text(d.site.lat), v, err("site.lat"), coord)) {
        d.site.lat = std::strtod(v.c_str(), nullptr);
        changed = true;
    }
    if (text_field(tr(S::LngLabel), "lng", number_text(d.site.lng), v, err("site.lng"), coord)) {
        d.site.lng = std::strtod(v.c_str(), nullptr);
        changed = true;
    }
    if (text_field(tr(S::RadiusLabel), "radius", int_text(d.site.radius_m), v, err("site.radius_m"), num)) {
        d.site.radius_m = std::strtoll(v.c_str(), nullptr, 10);
        changed = true;
    }

    section(tr(S::SectionShifts));
    text_alert(err("shifts"));
    FieldOptions when;
    when.hint = tr(S::TimeHint);
    when.capacity = 32;
    int remove = -1;
    for (size_t i = 0; i < d.shifts.size(); ++i) {
        ShiftDraft& sh = d.shifts[i];
        const std::string at = "shifts[" + std::to_string(i) + "]";
        push_id(static_cast<Id>(i));
        char head[64];
        std::snprintf(head, sizeof head, tr(S::ShiftFmt), static_cast<int>(i + 1));
        heading(head);
        if (text_field(tr(S::StartLabel), "start", time_text(sh.start), v, err(at + ".start"), when)) {
            sh.start = time_value(v);
            changed = true;
        }
        if (text_field(tr(S::EndLabel), "end", time_text(sh.end), v, err(at + ".end"), when)) {
            sh.end = time_value(v);
            changed = true;
        }
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
        if (!known_field(e.field)) text_alert(say(message_of(e)));

    spacing(8);
    const bool sending = f.submit.loading();
    const std::string label =
        std::string(tr(sending ? S::Submitting : f.editing ? S::SaveChanges : S::PublishButton)) + "###submit";
    if (primary_button(label.c_str(), true, sending)) emit(SubmitDraft{});
    if (f.submit.failed() && f.errors.empty() && !f.stale) text_alert(error_message(f.submit.error()));

    if (changed) emit(EditDraft{d});
}

}  // namespace zygc::ui
