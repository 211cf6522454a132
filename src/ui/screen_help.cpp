// 有困难找志愿者: a logged-in resident describes a need and follows its status; organizers see
// the requests of their teams' districts and take one, close it, or turn it into a project
// with a shift in one step.
#include <string>

#include "imgui.h"
#include "ui/care_widgets.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

const char* status_label(const std::string& s) {
    if (s == "taken") return tr(S::HelpTaken);
    if (s == "closed") return tr(S::HelpClosed);
    if (s == "converted") return tr(S::HelpConverted);
    return tr(S::HelpOpen);
}

// Tomorrow 09:00–11:00 (+08:00) from the platform clock; "" when unknown.
bool tomorrow_shift(std::string& start, std::string& end) {
    const std::string now = now_rfc3339(viewport().now_ms + 24 * 3600 * 1000.0);
    if (now.size() < 10) return false;
    const std::string day = now.substr(0, 10);
    start = day + "T09:00:00+08:00";
    end = day + "T11:00:00+08:00";
    return true;
}

void request_card(const State& state, const HelpRequest& h, bool organizer_view) {
    push_id(h.id);
    begin_panel();
    heading(h.title.c_str());
    if (!h.description.empty()) text(h.description);
    for (const District& d : state.districts.data())
        if (d.id == h.district_id) field(tr(S::FieldDistrict), d.name);
    text_colored(h.status == "open" ? color::Primary : color::Muted, status_label(h.status));
    if (h.taken_by) text_muted(fmt_s(S::TakenByFmt, *h.taken_by).c_str());
    if (h.project_id && link(tr(S::OpenProject))) emit(Navigate{route_project(h.project_id)});
    const bool busy = state.help_change.loading();
    if (organizer_view && h.status == "open" && primary_button(tr(S::TakeHelp), true, busy))
        emit(ChangeHelp{h.id, "take", {}, {}, 0, {}});
    if (organizer_view && (h.status == "open" || h.status == "taken")) {
        std::string start, end;
        if (tomorrow_shift(start, end) && secondary_button(tr(S::ConvertHelp), true, busy))
            emit(ChangeHelp{h.id, "convert", start, end, 3, h.title});
    }
    if ((organizer_view || h.mine) && (h.status == "open" || h.status == "taken") &&
        secondary_button(tr(S::CloseHelp), true, busy))
        emit(ChangeHelp{h.id, "close", {}, {}, 0, {}});
    end_panel();
    ImGui::PopID();
}

void ask_form(const State& state) {
    section(tr(S::SectionAskHelp));
    HelpDraft d = state.help_draft;
    bool changed = false;
    std::string v;
    auto err = [&](const char* f) { return field_error(state.help_errors, f); };
    FieldOptions title;
    title.hint = tr(S::HelpTitleHint);
    title.capacity = 160;
    if (text_field(tr(S::HelpTitleLabel), "help_title", d.title, v, err("title"), title)) {
        d.title = v;
        changed = true;
    }
    FieldOptions desc;
    desc.hint = tr(S::HelpDescHint);
    desc.capacity = 1600;
    desc.multiline = true;
    desc.lines = 3;
    if (text_field(tr(S::HelpDescLabel), "help_description", d.description, v, err("description"), desc)) {
        d.description = v;
        changed = true;
    }
    text_muted(tr(S::DistrictLabel));
    Id picked = 0;
    if (district_picker(state, "help_district", d.district_id, picked)) {
        d.district_id = picked;
        changed = true;
    }
    text_alert(err("district_id"));
    spacing(6);
    const bool sending = state.help_saved.loading();
    const std::string label = std::string(tr(sending ? S::Submitting : S::SendHelp)) + "###send_help";
    if (primary_button(label.c_str(), true, sending)) emit(SubmitHelp{});
    if (changed) emit(EditHelp{d});
}

}  // namespace

void screen_help(const State& state) {
    ask_form(state);
    section(tr(S::SectionMyHelp));
    const auto& mine = state.my_help;
    if (!placeholder(mine, Target::MyHelp, mine.loaded() || !mine.data().items.empty(), 2)) {
        if (mine.data().items.empty()) text_muted(tr(S::NoMyHelp));
        for (const HelpRequest& h : mine.data().items) request_card(state, h, false);
    }
    if (!state.has_role("organizer")) return;
    section(tr(S::SectionDistrictHelp));
    Id picked = 0;
    if (district_picker(state, "help_list_district", help_district(state), picked)) emit(PickHelpDistrict{picked});
    const auto& all = state.district_help;
    if (placeholder(all, Target::DistrictHelp, all.loaded() || !all.data().items.empty(), 2)) return;
    if (all.data().items.empty()) text_muted(tr(S::NoDistrictHelp));
    for (const HelpRequest& h : all.data().items) request_card(state, h, true);
}

}  // namespace zygc::ui
