// 实名注册: real name, ID-card number, district, skills, availability, and a separate,
// explicit consent to the handling of sensitive personal information (PIPL art. 29) that
// says what is kept and why. The store checks the form before anything is sent
// (check_registration); errors appear next to their fields.
#include <algorithm>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// Skills are stored as their Chinese names (what organizers read); shown translated.
struct Choice {
    const char* value;
    S label;
};
constexpr Choice kSkills[] = {{"助老服务", S::SkillElderly},  {"儿童陪伴", S::SkillChildren},
                              {"医疗急救", S::SkillFirstAid}, {"文艺表演", S::SkillArts},
                              {"外语翻译", S::SkillLanguages}, {"摄影宣传", S::SkillPhoto}};
constexpr Choice kAvailability[] = {{"weekday_day", S::AvailWeekdayDay},
                                    {"weekday_evening", S::AvailWeekdayEvening},
                                    {"weekend", S::AvailWeekend}};

bool has(const std::vector<std::string>& v, const char* x) { return std::find(v.begin(), v.end(), x) != v.end(); }

void flip(std::vector<std::string>& v, const char* x) {
    auto it = std::find(v.begin(), v.end(), x);
    if (it == v.end()) v.push_back(x);
    else v.erase(it);
}

// Toggle chips for a multiple choice; true when one was tapped.
bool chips(const char* id, const Choice* choices, size_t n, std::vector<std::string>& values) {
    bool changed = false;
    ImGui::PushID(id);
    for (size_t i = 0; i < n; ++i) {
        const char* label = tr(choices[i].label);
        flow(i == 0, chip_width(label));
        if (chip(label, has(values, choices[i].value), false, sem::Role::Checkbox)) {
            flip(values, choices[i].value);
            changed = true;
        }
    }
    ImGui::PopID();
    return changed;
}

}  // namespace

void screen_register(const State& state) {
    if (state.me.loaded() && state.me.data().volunteer) {  // already registered: what is kept
        const VolunteerProfile& v = *state.me.data().volunteer;
        field(tr(S::FieldRealName), v.real_name);
        field(tr(S::FieldIdNumber), v.id_number_masked);
        return;
    }
    const RegisterForm& f = state.reg;
    VolunteerApplication a = f.app;
    bool changed = false;
    std::string v;
    auto err = [&](const char* field) { return field_error(f.errors, field); };

    FieldOptions name;
    name.hint = tr(S::RealNameHint);
    name.capacity = 96;
    if (text_field(tr(S::RealNameLabel), "real_name", a.real_name, v, err("real_name"), name)) {
        a.real_name = v;
        changed = true;
    }

    FieldOptions id;
    id.hint = tr(S::IdHint);
    id.capacity = 24;
    id.flags = ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank;
    id.kind = sem::InputKind::IdCard;
    if (text_field(tr(S::IdLabel), "id_number", a.id_number, v, err("id_number"), id)) {
        a.id_number = v;
        changed = true;
    }

    text_muted(tr(S::DistrictLabel));
    if (state.districts.failed()) {
        error_box(state.districts.error(), Target::Districts);
    } else {
        // sign-up flow: the city's districts as chips, one tap (no drop-down to open first).
        bool first = true;
        for (const District& d : state.districts.data()) {
            push_id(d.id);
            flow(first, chip_width(d.name.c_str()));
            first = false;
            if (chip(d.name.c_str(), d.id == a.district_id) && d.id != a.district_id) {
                a.district_id = d.id;
                changed = true;
            }
            ImGui::PopID();
        }
    }
    text_alert(err("district_id"));

    text_muted(tr(S::SkillsLabel));
    changed |= chips("skills", kSkills, std::size(kSkills), a.skills);
    text_muted(tr(S::AvailabilityLabel));
    changed |= chips("availability", kAvailability, std::size(kAvailability), a.availability);

    spacing(6);
    if (check_row(tr(S::ConsentLabel), tr(S::ConsentText), a.consent)) {
        a.consent = !a.consent;
        changed = true;
    }
    text_alert(err("consent"));

    // Errors the server gave for fields this form does not show.
    for (const FieldError& e : f.errors)
        if (e.field != "real_name" && e.field != "id_number" && e.field != "district_id" && e.field != "consent")
            text_alert(say(message_of(e)));

    spacing(8);
    const bool sending = f.submit.loading();
    const std::string label = std::string(tr(sending ? S::Submitting : S::SubmitRegister)) + "###register";
    if (primary_button(label.c_str(), true, sending)) {
        std::string today = today_yyyymmdd(viewport().now_ms);
        if (today.empty()) today = "99991231";  // clock unknown: the server checks the birth date
        emit(SubmitRegistration{today});
    }
    if (f.submit.failed() && f.errors.empty()) text_alert(error_message(f.submit.error()));

    if (changed) emit(EditRegistration{a});
}

}  // namespace zygc::ui
