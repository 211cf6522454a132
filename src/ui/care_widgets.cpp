#include "ui/care_widgets.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

const char* elder_skill_label(const std::string& c) {
    if (c == "meal") return tr(S::SkillMeals);
    if (c == "escort") return tr(S::SkillEscort);
    if (c == "shopping") return tr(S::SkillShopping);
    if (c == "companionship") return tr(S::SkillCompany);
    if (c == "safety_visit") return tr(S::SkillSafetyVisit);
    return c.c_str();
}

std::string elder_time_label(const std::string& c) {
    static const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    static const S words[] = {S::DayMon, S::DayTue, S::DayWed, S::DayThu, S::DayFri, S::DaySat, S::DaySun};
    for (int i = 0; i < 7; ++i) {
        if (c.rfind(days[i], 0) != 0) continue;
        const bool am = c.size() > 4 && c.substr(4) == "am";
        std::string out = tr(words[i]);
        if (lang() == Lang::En) out += ' ';
        return out + tr(am ? S::Morning : S::Afternoon);
    }
    return c;
}

const char* elder_mobility_label(const std::string& c) {
    if (c == "independent") return tr(S::MobIndependent);
    if (c == "cane") return tr(S::MobCane);
    if (c == "wheelchair") return tr(S::MobWheelchair);
    if (c == "bedridden") return tr(S::MobBedbound);
    return c.c_str();
}

std::string fmt_n(S f, long long n) {
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(f), n);
    return buf;
}

std::string fmt_s(S f, const std::string& v) {
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(f), v.c_str());
    return buf;
}

namespace {
std::string joined(const std::vector<std::string>& parts) {
    const char* sep = lang() == Lang::En ? ", " : "、";
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}
}  // namespace

std::string elder_skills_text(const std::vector<std::string>& codes) {
    std::vector<std::string> w;
    for (const auto& c : codes) w.push_back(elder_skill_label(c));
    return joined(w);
}

std::string elder_times_text(const std::vector<std::string>& codes) {
    std::vector<std::string> w;
    for (const auto& c : codes) w.push_back(elder_time_label(c));
    return joined(w);
}

bool district_picker(const State& state, const char* id, Id current, Id& out) {
    if (state.districts.failed()) {
        error_box(state.districts.error(), Target::Districts);
        return false;
    }
    const char* name = tr(S::ChooseDistrict);
    for (const District& d : state.districts.data())
        if (d.id == current) name = d.name.c_str();
    char label[160], popup[64];
    std::snprintf(label, sizeof label, "%s###%s", name, id);
    std::snprintf(popup, sizeof popup, "##%s_list", id);
    bool chosen = false;
    if (choice(label, popup, current != 0, true)) {
        for (const District& d : state.districts.data()) {
            push_id(d.id);
            if (option(d.name.c_str(), d.id == current)) {
                out = d.id;
                chosen = true;
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    return chosen;
}

bool code_chips(const char* id, const std::vector<const char*>& codes, std::string (*label)(const std::string&),
                std::vector<std::string>& values) {
    bool changed = false;
    ImGui::PushID(id);
    for (size_t i = 0; i < codes.size(); ++i) {
        const std::string words = label(codes[i]);
        const std::string text = words + "##" + codes[i];
        flow(i == 0, chip_width(words.c_str()));
        const bool on = std::find(values.begin(), values.end(), codes[i]) != values.end();
        if (chip(text.c_str(), on, false, sem::Role::Checkbox)) {
            if (on) values.erase(std::find(values.begin(), values.end(), codes[i]));
            else values.push_back(codes[i]);
            changed = true;
        }
    }
    ImGui::PopID();
    return changed;
}

}  // namespace zygc::ui

namespace zygc::ui {

void elder_form(const State& state, const ElderDraft& draft, bool helper) {
    if (role_only(state, "social_worker", tr(S::SocialWorkerOnly))) return;
    ElderDraft d = draft;
    bool changed = false;
    std::string v;
    auto err = [&](const char* f) { return field_error(state.elder_errors, f); };
    FieldOptions name;
    name.hint = tr(S::ElderNameHint);
    name.capacity = 96;
    if (text_field(tr(S::ElderNameLabel), "elder_name", d.name, v, err("name"), name)) {
        d.name = v;
        changed = true;
    }
    text_muted(tr(S::DistrictLabel));
    Id picked = 0;
    if (district_picker(state, "elder_district", d.district_id, picked)) {
        d.district_id = picked;
        changed = true;
    }
    text_alert(err("district_id"));
    FieldOptions community;
    community.hint = tr(S::CommunityHint);
    community.capacity = 120;
    if (text_field(tr(S::CommunityLabel), "community", d.community, v, err("community"), community)) {
        d.community = v;
        changed = true;
    }
    text_muted(tr(helper ? S::AbilitiesLabel : S::NeedsLabel));
    changed |= code_chips("skills", elder_skill_codes(), [](const std::string& c) { return std::string(elder_skill_label(c)); },
                          d.skills);
    text_alert(err(helper ? "abilities" : "needs"));
    text_muted(tr(S::TimesLabel));
    changed |= code_chips("times", elder_time_codes(), elder_time_label, d.times);
    text_alert(err("slots"));
    FieldOptions phone;
    phone.capacity = 16;
    phone.flags = ImGuiInputTextFlags_CharsDecimal;
    phone.kind = sem::InputKind::Tel;
    if (helper) {
        if (text_field(tr(S::HelperPhoneLabel), "helper_phone", d.phone, v, err("phone"), phone)) {
            d.phone = v;
            changed = true;
        }
        FieldOptions walk;
        walk.capacity = 8;
        walk.flags = ImGuiInputTextFlags_CharsDecimal;
        if (text_field(tr(S::WalkLabel), "walk_m", d.walk_m, v, err("walk_m"), walk)) {
            d.walk_m = v;
            changed = true;
        }
        if (text_field(tr(S::HelperCapacityLabel), "helper_capacity", d.capacity, v, err("capacity"), walk)) {
            d.capacity = v;
            changed = true;
        }
    } else {
        text_muted(tr(S::MobilityLabel));
        const auto& codes = elder_mobility_codes();
        ImGui::PushID("mobility");
        for (size_t i = 0; i < codes.size(); ++i) {
            const char* label = elder_mobility_label(codes[i]);
            flow(i == 0, chip_width(label));
            if (chip(label, d.mobility == codes[i], false, sem::Role::Checkbox)) {
                d.mobility = codes[i];
                changed = true;
            }
        }
        ImGui::PopID();
        text_alert(err("mobility"));
        FieldOptions gname;
        gname.capacity = 96;
        if (text_field(tr(S::GuardianNameLabel), "guardian_name", d.guardian_name, v, err("guardian.name"), gname)) {
            d.guardian_name = v;
            changed = true;
        }
        if (text_field(tr(S::GuardianRelationLabel), "guardian_relation", d.guardian_relation, v,
                       err("guardian.relation"), gname)) {
            d.guardian_relation = v;
            changed = true;
        }
        if (text_field(tr(S::GuardianPhoneLabel), "guardian_phone", d.phone, v, err("guardian.phone"), phone)) {
            d.phone = v;
            changed = true;
        }
    }
    FieldOptions coord;
    coord.capacity = 16;
    coord.flags = ImGuiInputTextFlags_CharsScientific;
    coord.kind = sem::InputKind::Decimal;
    coord.width = 150;
    text_muted(tr(S::HomeLocationNote));
    if (text_field(tr(S::LatLabel), "elder_lat", d.lat, v, err("lat"), coord)) {
        d.lat = v;
        changed = true;
    }
    if (text_field(tr(S::LngLabel), "elder_lng", d.lng, v, err("lng"), coord)) {
        d.lng = v;
        changed = true;
    }
    spacing(6);
    if (check_row(tr(S::ElderConsentLabel), tr(S::ElderConsentText), d.consent)) {
        d.consent = !d.consent;
        changed = true;
    }
    text_alert(err("consent"));
    // Errors the server gave for fields this form does not show.
    for (const FieldError& e : state.elder_errors) {
        static const char* shown[] = {"name", "district_id", "community", "needs", "abilities", "slots", "phone",
                                      "walk_m", "capacity", "mobility", "guardian.name", "guardian.relation",
                                      "guardian.phone", "lat", "lng", "consent"};
        bool known = false;
        for (const char* f : shown) known = known || e.field == f;
        if (!known) text_alert(say(message_of(e)));
    }
    spacing(8);
    const bool sending = helper ? state.helper_saved.loading() : state.need_saved.loading();
    const std::string label = std::string(tr(sending ? S::Submitting : S::SaveElder)) + "###save_elder";
    if (primary_button(label.c_str(), true, sending)) {
        if (helper) emit(SubmitElderHelper{});
        else emit(SubmitElderNeed{});
    }
    if (changed) {
        if (helper) emit(EditElderHelper{d});
        else emit(EditElderNeed{d});
    }
}

}  // namespace zygc::ui
