// 签到签退 (#/checkin/{shift}): the shift, the rules as they apply now (window, where the
// volunteer is, what is already recorded), three ways to check in — 扫码签到 (the camera),
// 输入签到码 (6 digits, numeric keypad), 定位签到 (within the site's radius) — then 签退.
// Events that wait in the outbox show as 待同步.
#include <string>

#include "core/attendance.h"
#include "imgui.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

void pending_line(const OutboxEvent& e) {
    std::string line = std::string(tr(S::PendingSync)) + " · " +
                       tr(e.kind == "check_in" ? S::PendingCheckIn : S::PendingCheckOut);
    if (e.client_time.size() >= 16) line += " " + e.client_time.substr(11, 5);
    if (!e.project_title.empty()) line += " · " + e.project_title;
    text_colored(color::Danger, line.c_str());
}

void check_in_ways(const State& state, const CheckinStatus& st) {
    const Id shift = state.checkin.shift_id;
    section(tr(S::CheckinWays));
    const bool off = !st.can_check_in;
    if (primary_button(tr(state.scanning ? S::Scanning : S::ScanCheckin), true, off || state.scanning))
        emit(StartCheckIn{shift, "qr"});
    spacing(8);

    // 输入签到码: the numeric keypad (CharsDecimal reaches the hidden input as inputmode=numeric).
    FieldOptions code;
    code.hint = tr(S::CheckinCodeHint);
    code.flags = ImGuiInputTextFlags_CharsDecimal;
    code.capacity = 7;
    std::string typed;
    if (text_field(tr(S::CheckinCodeLabel), "##checkin_code", state.checkin.code, typed, "", code))
        emit(EnterCode{typed});
    if (secondary_button(tr(S::SubmitCheckinCode), true, off || state.checkin.code.size() != 6)) emit(SubmitCode{});
    spacing(8);

    if (secondary_button(tr(state.locating ? S::Locating : S::LocationCheckin), true, off || state.locating))
        emit(StartCheckIn{shift, "gps"});
}

}  // namespace

void screen_checkin(const State& state) {
    const Id shift = state.route.id;
    const auto& r = state.my_signups;
    const CheckinStatus st = checkin_status(state, shift);
    if (!st.known && placeholder(r, Target::MySignups, false, 3)) return;

    begin_panel();
    if (!st.project_title.empty()) {
        if (link((st.project_title + "##project").c_str())) emit(Navigate{route_project(st.project_id)});
    }
    if (!st.start.empty()) text(fmt::shift_range(st.start, st.end));
    if (state.checkin_project.loaded() && state.checkin_project.data().id == st.project_id &&
        !state.checkin_project.data().site.name.empty())
        text_muted(state.checkin_project.data().site.name.c_str());
    // The site on its way: its lines keep their room (the site's name here, the radius rule
    // and 尚未定位 below), or its arrival would move the buttons down between the volunteer
    // seeing 定位签到 and touching it, and the tap would land beside it.
    // A site that could not be had keeps the room too: the screen does not jump up either.
    const bool site_known = state.checkin_project.loaded() && state.checkin_project.data().id == st.project_id;
    const bool reserve = st.can_check_in && !site_known;
    if (reserve) reserved_line(tr(S::DistanceUnknown), 0);
    end_panel();

    // The rules as they stand now, before anything is tapped.
    for (const Message& m : st.rules) bullet(say(m).c_str());
    if (st.can_check_in && st.radius_m > 0 && !st.distance_m) bullet(tr(S::DistanceUnknown));
    if (reserve) {
        reserved_line(say(Message{"radius_rule", {{"radius_m", "200"}}, ""}), px(16));
        reserved_line(tr(S::DistanceUnknown), px(16));
    }

    if (state.checkin.shift_id == shift && !state.checkin.message.empty()) text_alert(say(state.checkin.message));

    for (const OutboxEvent& e : state.outbox.events)
        if (e.shift_id == shift) pending_line(e);

    if (st.can_check_in) check_in_ways(state, st);
    if (st.can_check_out) {
        spacing(12);
        if (primary_button(tr(S::CheckoutButton), true)) emit(CheckOut{shift});
    }
    spacing(16);
    if (link(tr(S::LinkMyHours))) emit(Navigate{route_my_hours()});
}

}  // namespace zygc::ui
