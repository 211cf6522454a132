// Words and pickers shared by issue 13's screens (老帮老, 有困难找志愿者, 数据): the labels of
// need/ability, time-slot and mobility codes, a district picker and toggle chips.
#pragma once
#include <string>
#include <vector>

#include "core/store.h"
#include "ui/strings.h"

namespace zygc::ui {

const char* elder_skill_label(const std::string& code);
std::string elder_time_label(const std::string& code);  // "周一上午" / "Mon am"
const char* elder_mobility_label(const std::string& code);
// Labels of codes joined in running text ("助餐、陪诊").
std::string elder_skills_text(const std::vector<std::string>& codes);
std::string elder_times_text(const std::vector<std::string>& codes);

// tr(f) filled printf-style with one number / one string.
std::string fmt_n(S f, long long n);
std::string fmt_s(S f, const std::string& v);

// A chip with the district's name that opens the list of districts; true (with `out`) when
// one was chosen. `id` keeps pickers apart.
bool district_picker(const State& state, const char* id, Id current, Id& out);
// Toggle chips for the codes; true when one was tapped (values changed).
bool code_chips(const char* id, const std::vector<const char*>& codes, std::string (*label)(const std::string&),
                std::vector<std::string>& values);

}  // namespace zygc::ui

namespace zygc::ui {
// The form of a need (helper false) or a helper: draws `d`, emits EditElderNeed/Helper on a
// change and SubmitElderNeed/Helper on 保存登记.
void elder_form(const State& state, const ElderDraft& d, bool helper);
}  // namespace zygc::ui
