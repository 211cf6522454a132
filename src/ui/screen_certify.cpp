// 时长认定 (the organizer's certification queue of a project): filters by shift and status;
// each record with its volunteer, times, minutes and — before any decision — its flags
// (overlap, far from the site with the distance, > 12 h, offline time, manual, auto-closed)
// and the 认定截止 date, overdue ones highlighted; 认定 / 不予认定 / 调整时长 (a reason is
// required, checked in core), 一键认定 for a shift's unflagged records, the history thread,
// disputes with the volunteer's reason and 处理异议, 更正 of a certified record.
// Only rows in view are laid out: a 500-record queue stays cheap (heights are measured when
// a row is drawn and reused while it is off screen).
#include <cstdio>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

std::string when(const std::string& rfc3339) {
    auto w = parse_wall(rfc3339);
    return w ? fmt::date(*w) + " " + fmt::time_hm(*w) : rfc3339;
}
std::string hm(const std::string& rfc3339) {
    auto w = parse_wall(rfc3339);
    return w ? fmt::time_hm(*w) : rfc3339;
}

std::string printf_s(S fmt_id, const std::string& a) {
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(fmt_id), a.c_str());
    return buf;
}
std::string printf_n(S fmt_id, long long n) {
    char buf[128];
    std::snprintf(buf, sizeof buf, tr(fmt_id), n);
    return buf;
}

S status_word(const std::string& status) {
    if (status == "certified") return S::StatusCertified;
    if (status == "rejected") return S::StatusRejected;
    if (status == "disputed") return S::StatusDisputed;
    if (status == "open") return S::StatusOpen;
    return S::StatusPending;
}

S action_word(const std::string& a) {
    static constexpr struct { const char* code; S s; } kActs[] = {
        {"check_in", S::ActCheckIn},   {"check_out", S::ActCheckOut}, {"auto_close", S::ActAutoClose},
        {"certify", S::ActCertify},    {"reject", S::ActReject},      {"adjust", S::ActAdjust},
        {"dispute", S::ActDispute},    {"resolve", S::ActResolve},    {"correct", S::ActCorrect}};
    for (const auto& k : kActs)
        if (a == k.code) return k.s;
    return S::ActCertify;
}

// The flags as sentences, shown before deciding.
void flags(const HourRecord& r) {
    for (const std::string& f : r.flags) {
        std::string words;
        if (f == "overlap") words = tr(S::FlagOverlap);
        else if (f == "far_from_site")
            words = r.distance_m ? printf_n(S::FlagFarFmt, static_cast<long long>(*r.distance_m)) : tr(S::FlagFar);
        else if (f == "over_12h") words = tr(S::FlagOver12h);
        else if (f == "offline") words = tr(S::FlagOffline);
        else if (f == "manual") words = tr(S::FlagManual);
        else if (f == "auto_closed") words = tr(S::FlagAutoClosed);
        else continue;
        bullet(words.c_str());
    }
}

// "95 → 80" from the minutes in an event's before/after JSON ("" when neither has them).
std::string minutes_change(const HistoryEvent& e) {
    auto minutes = [](const std::string& text) -> std::string {
        if (text.empty()) return "";
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_object() && j.contains("minutes") && j["minutes"].is_number_integer())
            return std::to_string(j["minutes"].get<long long>());
        return "";
    };
    const std::string a = minutes(e.before), b = minutes(e.after);
    if (a.empty() && b.empty()) return "";
    return a.empty() ? b : b.empty() ? a : a + " → " + b;
}

void history(const HourRecord& r) {
    for (const HistoryEvent& e : r.history) {
        std::string line = when(e.at) + " " + e.actor.display_name + " " + tr(action_word(e.action));
        const std::string change = minutes_change(e);
        if (!change.empty()) line += " " + change;
        text_muted(line.c_str());
        if (e.reason && !e.reason->empty()) text(printf_s(S::ReasonFmt, *e.reason));
    }
}

void decision_dialog(const State& state, const HourRecord& r) {
    const DecisionDraft& d = state.decision;
    spacing(6);
    heading(tr(d.kind == "reject" ? S::Reject : d.kind == "adjust" ? S::Adjust
                                   : d.kind == "correct"  ? S::Correct : S::Resolve));
    if (d.kind == "resolve") {
        if (chip(tr(S::ResolveKeep), d.resolve == "keep")) emit(EditDecision{"keep", "", ""});
        ImGui::SameLine();
        if (chip(tr(S::Adjust), d.resolve == "adjust")) emit(EditDecision{"adjust", "", ""});
    }
    const bool wants_minutes = d.kind == "adjust" || d.kind == "correct" || (d.kind == "resolve" && d.resolve == "adjust");
    std::string value;
    if (wants_minutes) {
        FieldOptions o;
        o.flags = ImGuiInputTextFlags_CharsDecimal;
        o.capacity = 8;
        const std::string hint = printf_n(S::MaxMinutesFmt, static_cast<long long>(shift_minutes(r)));
        o.hint = hint.c_str();
        if (text_field(tr(S::MinutesLabel), "minutes", d.minutes, value, field_error(d.errors, "minutes"), o))
            emit(EditDecision{"", value, d.reason});
    }
    FieldOptions o;
    o.hint = tr(S::ReasonHint);
    o.capacity = 512;
    if (text_field(tr(S::ReasonLabel), "reason", d.reason, value, field_error(d.errors, "reason"), o))
        emit(EditDecision{"", d.minutes, value});
    const bool busy = state.decide.loading();
    if (primary_button(tr(busy ? S::Submitting : S::DialogConfirm), false, busy)) emit(SubmitDecision{});
    ImGui::SameLine();
    if (secondary_button(tr(S::DialogCancel), false, busy)) emit(CloseDecision{});
}

void record_actions(const State& state, const HourRecord& r) {
    const bool busy = state.decide.loading();
    if (r.status == "pending") {
        if (primary_button(tr(S::Approve), false, busy)) emit(ApproveRecord{r.id});
        ImGui::SameLine();
        if (secondary_button(tr(S::Reject), false, busy)) emit(OpenDecision{r.id, "reject"});
        ImGui::SameLine();
        if (secondary_button(tr(S::Adjust), false, busy)) emit(OpenDecision{r.id, "adjust"});
    } else if (r.status == "disputed") {
        if (primary_button(tr(S::Resolve), false, busy)) emit(OpenDecision{r.id, "resolve"});
    } else if (r.status == "certified" && !r.corrected_by) {
        if (secondary_button(tr(S::Correct), false, busy)) emit(OpenDecision{r.id, "correct"});
    }
}

void record_row(const State& state, const HourRecord& r) {
    push_id(r.id);
    begin_panel();
    const std::string head = r.volunteer.display_name + " · " + tr(status_word(r.status));
    heading(head.c_str());
    text_muted(fmt::shift_range(r.shift.start, r.shift.end).c_str());
    std::string times = std::string(tr(S::FieldCheckIn)) + " " + hm(r.check_in) + " · ";
    times += r.check_out ? std::string(tr(S::FieldCheckOut)) + " " + hm(*r.check_out) : tr(S::NotCheckedOut);
    text(times);
    text(printf_n(S::MinutesFmt, static_cast<long long>(r.minutes)));
    flags(r);
    if (!r.certify_by.empty()) {
        const std::string by = printf_s(S::CertifyByFmt, fmt::date_of(r.certify_by));
        if (r.overdue) text_colored(color::Danger, (by + " · " + tr(S::Overdue)).c_str());
        else text_muted(by.c_str());
    }
    if (r.reason && !r.reason->empty()) text(printf_s(S::ReasonFmt, *r.reason));
    if (r.corrects) text_muted(printf_n(S::CorrectsFmt, static_cast<long long>(*r.corrects)).c_str());
    if (r.corrected_by) text_muted(tr(S::CorrectedBy));
    if (r.dispute) {
        text_colored(color::Danger, printf_s(S::DisputeFmt, r.dispute->reason).c_str());
        if (r.dispute->resolution) text(printf_s(S::ResolutionFmt, *r.dispute->resolution));
    }
    if (state.decision.record_id == r.id && state.decision.kind != "approve") {
        decision_dialog(state, r);
    } else {
        record_actions(state, r);
    }
    if (!r.history.empty()) {
        const bool open = state.history_open == r.id;
        if (link(tr(open ? S::HistoryHide : S::HistoryShow))) emit(ToggleHistory{r.id});
        if (open) history(r);
    }
    end_panel();
    ImGui::PopID();
}

void queue_filters(const State& state) {
    const Project& p = state.project.data();
    bool first = true;
    auto shift_chip = [&](const char* label, Id id) {
        flow(first, chip_width(label));
        first = false;
        if (chip(label, state.hours_shift == id)) emit(FilterHours{id, ""});
    };
    shift_chip(tr(S::AllShifts), 0);
    if (p.id == state.route.id)
        for (const Shift& s : p.shifts) {
            const std::string label = fmt::shift_range(s.start, s.end) + "##shift" + std::to_string(s.id);
            shift_chip(label.c_str(), s.id);
        }
    spacing(4);
    first = true;
    for (const auto& [code, word] : {std::pair{"pending", S::StatusPending}, std::pair{"disputed", S::StatusDisputed},
                                      std::pair{"certified", S::StatusCertified},
                                      std::pair{"rejected", S::StatusRejected}}) {
        const std::string label = std::string(tr(word)) + "##status";
        flow(first, chip_width(label.c_str()));
        first = false;
        if (chip(label.c_str(), state.hours_status == code)) emit(FilterHours{state.hours_shift, code});
    }
}

// Measured row heights (framebuffer px) by record id, to skip rows out of view.
std::unordered_map<Id, float>& row_heights() {
    static std::unordered_map<Id, float> h;
    if (h.size() > 20000) h.clear();
    return h;
}

}  // namespace

void screen_certify(const State& state) {
    const Project& p = state.project.data();
    if (p.id == state.route.id) heading(p.title.c_str());
    queue_filters(state);
    const auto& q = state.queue;
    if (placeholder(q, Target::HoursQueue, q.loaded() || !q.data().items.empty(), 4)) return;
    const AttendancePage& page = q.data();

    if (state.hours_shift != 0 && state.hours_status == "pending") {
        // The server approves every unflagged record of the shift, loaded here or not.
        int unflagged = 0;
        for (const HourRecord& r : page.items) unflagged += bulk_approvable(r);
        const bool all_here = !page.next_cursor;
        const std::string label = all_here ? printf_n(S::BulkCertifyFmt, unflagged) : tr(S::BulkCertifyShift);
        if (primary_button(label.c_str(), true, (all_here && unflagged == 0) || state.certify_all.loading()))
            emit(CertifyShift{state.hours_shift});
    }
    const long long shown = static_cast<long long>(page.items.size());
    text_muted((shown < page.total ? fmt::shown_of(page.total, shown) : printf_n(S::RecordsFmt, shown)).c_str());
    if (page.items.empty()) {
        empty_state(tr(S::QueueEmpty));
        return;
    }
    auto& heights = row_heights();
    const float estimate = px(200), gap = ImGui::GetStyle().ItemSpacing.y;
    for (const HourRecord& r : page.items) {
        auto it = heights.find(r.id);
        const float h = it != heights.end() ? it->second : estimate;
        const bool keep = state.decision.record_id == r.id || state.history_open == r.id;
        if (!keep && !ImGui::IsRectVisible(ImVec2(1, h))) {
            ImGui::Dummy(ImVec2(1, h - gap));  // its place, not its contents
            continue;
        }
        const float y0 = ImGui::GetCursorScreenPos().y;
        record_row(state, r);
        heights[r.id] = ImGui::GetCursorScreenPos().y - y0;
    }
    if (load_more(state.queue_more, Target::MoreRecords, page.next_cursor && !q.loading())) emit(LoadMore{});  // the next 100
}

}  // namespace zygc::ui
