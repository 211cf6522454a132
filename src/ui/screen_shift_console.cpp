// 签到管理 (the organizer's shift console): the rotating 6-digit code in large figures and
// its QR (readable at arm's length), a countdown to the next code, and the roster in three
// groups — 待签到 / 已签到 / 已签退 — with 手动签到 / 手动签退 per person (residents without a
// smartphone). The code refreshes on the store's Tick (core/certification.cpp).
#include <cstdio>
#include <string>

#include "core/calendar.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/qr_view.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// The code in digits `height_css` tall, centred, recorded as a heading with the digits.
void big_code(const std::string& code, float height_css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    // Spaced as "482 913" for reading aloud; the semantics carry the plain digits.
    std::string shown = code.size() == 6 ? code.substr(0, 3) + " " + code.substr(3) : code;
    const float fs = px(height_css);
    ImFont* font = ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, shown.c_str());
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = win->DC.CursorPos;
    const ImVec2 at(p.x + ImMax(0.0f, (avail - ts.x) * 0.5f), p.y);
    ImGui::Dummy(ImVec2(avail, ts.y));
    win->DrawList->AddText(font, fs, at, color::Text, shown.c_str());
    win->DrawList->AddText(font, fs, ImVec2(at.x + px(1.5f), at.y), color::Text, shown.c_str());  // bold
    sem::add_last_item(sem::Role::Heading, code.c_str());
}

void code_panel(const State& state) {
    const auto& r = state.checkin_code;
    if (placeholder(r, Target::CheckinCode, !r.data().code.empty(), 2)) return;
    const CheckinCode& c = r.data();
    begin_panel();
    text_muted(tr(S::CheckinCodeLabel));
    big_code(c.code, 56);
    const float side = ImMin(ImGui::GetContentRegionAvail().x, px(260));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - side) * 0.5f);
    draw_qr(c.qr_payload, side);
    // The store's clock (Tick) while ticks run; the frame's clock before the first one.
    const int64_t now = state.clock_ms > 0 ? state.clock_ms : static_cast<int64_t>(viewport().now_ms);
    const int64_t left = code_ms_left(state, now);
    char buf[64];
    if (left > 0) {
        std::snprintf(buf, sizeof buf, tr(S::CodeChangesFmt), static_cast<int>((left + 999) / 1000));
        text_muted(buf);
    } else {
        text_muted(tr(S::CodeChanging));
    }
    text_muted(tr(S::ConsoleHint));
    end_panel();
}

std::string hm(const std::string& rfc3339) {
    auto w = parse_wall(rfc3339);
    return w ? fmt::time_hm(*w) : std::string();
}

void roster_group(const State& state, const char* title, const char* group) {
    const AttendancePage& page = state.roster.data();
    int n = 0;
    for (const RosterEntry& e : page.roster) n += e.state == group;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s（%d）", title, n);
    if (lang() == Lang::En) std::snprintf(buf, sizeof buf, "%s (%d)", title, n);
    section(buf);
    if (n == 0) text_muted(tr(S::RosterEmpty));
    const bool busy = state.manual.loading();
    for (const RosterEntry& e : page.roster) {
        if (e.state != group) continue;
        push_id(e.volunteer.id);
        begin_panel();
        text(e.volunteer.display_name);
        if (e.check_in) {
            std::string times = std::string(tr(S::FieldCheckIn)) + " " + hm(*e.check_in);
            if (e.check_out) times += " · " + std::string(tr(S::FieldCheckOut)) + " " + hm(*e.check_out);
            text_muted(times.c_str());
        }
        const bool mine = busy && state.manual_op.volunteer_id == e.volunteer.id;
        if (e.state == std::string("expected")) {
            if (secondary_button(tr(mine ? S::Submitting : S::ManualCheckIn), false, busy))
                emit(ManualCheck{e.volunteer.id, 0});
        } else if (e.state == std::string("in") && e.attendance_id) {
            if (secondary_button(tr(mine ? S::Submitting : S::ManualCheckOut), false, busy))
                emit(ManualCheck{e.volunteer.id, *e.attendance_id});
        }
        end_panel();
        ImGui::PopID();
    }
}

}  // namespace

void screen_shift_console(const State& state) {
    const Project& p = state.project.data();
    if (p.id == state.route.id) {
        heading(p.title.c_str());
        for (const Shift& s : p.shifts)
            if (s.id == state.route.shift) text_muted(fmt::shift_range(s.start, s.end).c_str());
        spacing(6);
    }
    code_panel(state);
    const auto& r = state.roster;
    if (placeholder(r, Target::Roster, r.loaded() || !r.data().roster.empty(), 3)) return;
    roster_group(state, tr(S::RosterExpected), "expected");
    roster_group(state, tr(S::RosterIn), "in");
    roster_group(state, tr(S::RosterOut), "out");
}

}  // namespace zygc::ui
