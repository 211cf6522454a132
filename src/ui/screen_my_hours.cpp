// 我的时长 (#/me/hours): certified and pending totals, a bar chart by month, 待同步 events on
// top, then each record with its status, flags, the organizer's reason, the dispute thread
// and 申请更正 (ask for a correction, with a reason); older records 50 at a time.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/attendance.h"
#include "imgui.h"
#include "ui/chart.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

std::string duration(int64_t minutes) {
    char buf[64];
    if (minutes >= 60)
        std::snprintf(buf, sizeof buf, tr(S::HoursMinutesFmt), static_cast<long long>(minutes / 60),
                      static_cast<long long>(minutes % 60));
    else
        std::snprintf(buf, sizeof buf, tr(S::MinutesFmt), static_cast<long long>(minutes));
    return buf;
}

S status_word(const std::string& status) {
    if (status == "open") return S::StatusOpen;
    if (status == "certified") return S::StatusCertified;
    if (status == "rejected") return S::StatusRejected;
    if (status == "disputed") return S::StatusDisputed;
    return S::StatusPending;
}

ImU32 status_color(const std::string& status) {
    if (status == "certified") return color::Success;
    if (status == "rejected") return color::Danger;
    return color::PrimaryDark;
}

const char* flag_word(const std::string& f) {
    if (f == "offline") return tr(S::FlagOffline);
    if (f == "far_from_site") return tr(S::FlagFarFromSite);
    if (f == "over_12h") return tr(S::FlagOver12h);
    if (f == "overlap") return tr(S::FlagOverlap);
    if (f == "auto_closed") return tr(S::FlagAutoClosed);
    if (f == "manual") return tr(S::FlagManual);
    return f.c_str();
}

const char* history_word(const std::string& a) {
    if (a == "check_in") return tr(S::PendingCheckIn);
    if (a == "check_out") return tr(S::PendingCheckOut);
    if (a == "auto_close") return tr(S::FlagAutoClosed);
    if (a == "certify") return tr(S::StatusCertified);
    if (a == "reject") return tr(S::StatusRejected);
    if (a == "adjust") return tr(S::HistAdjust);
    if (a == "dispute") return tr(S::SectionDispute);
    if (a == "resolve") return tr(S::DisputeResolution);
    if (a == "correct") return tr(S::HistCorrect);
    return a.c_str();
}

// "2026-11" → "11月" / "Nov".
std::string month_label(const std::string& month) {
    static const char* en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month.size() < 7) return month;
    const int m = std::atoi(month.c_str() + 5);
    if (m < 1 || m > 12) return month;
    return lang() == Lang::En ? std::string(en[m - 1]) : std::to_string(m) + "月";
}

void totals(const MyHours& h) {
    const float w = (ImGui::GetContentRegionAvail().x - px(size::Gap)) * 0.5f;
    stat_tile(tr(S::CertifiedTotal), duration(h.totals.certified_minutes).c_str(), w);
    ImGui::SameLine(0, px(size::Gap));
    stat_tile(tr(S::PendingTotal), duration(h.totals.pending_minutes).c_str(), w);
}

void chart(const MyHours& h) {
    // No hours in any month (a new volunteer): no empty axes, the records' empty state says it.
    bool any = false;
    for (const MonthHours& m : h.by_month) any = any || m.certified_minutes + m.pending_minutes > 0;
    if (!any) return;
    section(tr(S::SectionByMonth));
    std::vector<BarColumn> cols;
    std::string figures;
    for (const MonthHours& m : h.by_month) {
        cols.push_back({month_label(m.month), m.certified_minutes / 60.0, m.pending_minutes / 60.0});
        if (m.certified_minutes + m.pending_minutes == 0) continue;
        if (!figures.empty()) figures += lang() == Lang::En ? "; " : "；";
        figures += month_label(m.month) + " " + tr(S::LegendCertified) + " " + duration(m.certified_minutes) + " " +
                   tr(S::LegendPending) + " " + duration(m.pending_minutes);
    }
    char label[1024];
    std::snprintf(label, sizeof label, tr(S::ChartFmt), figures.c_str());
    bar_chart(cols, label);
    // The legend.
    text_colored(color::Primary, (std::string("■ ") + tr(S::LegendCertified)).c_str());
    ImGui::SameLine(0, px(16));
    text_muted((std::string("□ ") + tr(S::LegendPending)).c_str());
}

void correction_form(const State& state, const HourRecord& r) {
    if (state.correction_record != r.id) {
        if (link(tr(S::RequestCorrection))) emit(EditCorrection{r.id, ""});
        return;
    }
    FieldOptions o;
    o.hint = tr(S::CorrectionReasonHint);
    o.multiline = true;
    o.lines = 3;
    o.capacity = 600;
    std::string typed;
    if (text_field(tr(S::CorrectionReasonLabel), "##correction", state.correction_reason, typed, "", o))
        emit(EditCorrection{r.id, typed});
    const bool sending = state.dispute.loading();
    if (primary_button(tr(sending ? S::Submitting : S::SendCorrection), false, sending || state.correction_reason.empty()))
        emit(RequestCorrection{r.id, state.correction_reason});
    ImGui::SameLine();
    if (secondary_button(tr(S::CloseForm))) emit(EditCorrection{0, ""});
}

void record(const State& state, const HourRecord& r) {
    push_id(r.id);
    begin_panel();
    if (link((r.project.title + "##project").c_str())) emit(Navigate{route_project(r.project.id)});
    text_muted(fmt::shift_range(r.shift.start, r.shift.end).c_str());
    std::string line = std::string(tr(status_word(r.status)));
    if (r.status != "open") line += " · " + duration(r.minutes);
    text_colored(status_color(r.status), line.c_str());
    if (!r.check_in.empty()) field(tr(S::FieldCheckIn), fmt::time_hm(parse_wall(r.check_in).value_or(WallTime{})));
    if (r.check_out) field(tr(S::FieldCheckOut), fmt::time_hm(parse_wall(*r.check_out).value_or(WallTime{})));
    for (const std::string& f : r.flags) bullet(flag_word(f));
    if (r.status == "pending" && !r.certify_by.empty()) {
        char buf[96];
        std::snprintf(buf, sizeof buf, tr(S::CertifyByFmt), fmt::date_of(r.certify_by).c_str());
        text_muted(buf);
    }
    if (r.reason) field(tr(S::FieldOrganizerReason), *r.reason);
    if (r.dispute) {
        text_line(tr(S::SectionDispute), color::Text, true, sem::Role::Heading);
        text(r.dispute->reason);
        if (r.dispute->resolution) field(tr(S::DisputeResolution), *r.dispute->resolution);
        else text_muted(tr(S::DisputeWaiting));
    }
    if (!r.history.empty()) {
        std::string h;
        for (const HistoryEvent& e : r.history) {
            if (!h.empty()) h += " → ";
            h += history_word(e.action);
        }
        field(tr(S::SectionHistory), h);
    }
    if ((r.status == "pending" || r.status == "certified" || r.status == "rejected") && !r.dispute)
        correction_form(state, r);
    end_panel();
    ImGui::PopID();
}

}  // namespace

void screen_my_hours(const State& state) {
    // Events not yet on the server come first: they are the volunteer's, whatever the network.
    for (const OutboxEvent& e : state.outbox.events) {
        std::string line = std::string(tr(S::PendingSync)) + " · " +
                           tr(e.kind == "check_in" ? S::PendingCheckIn : S::PendingCheckOut);
        if (e.client_time.size() >= 16) line += " " + e.client_time.substr(11, 5);
        if (!e.project_title.empty()) line += " · " + e.project_title;
        text_colored(color::Danger, line.c_str());
    }
    const auto& r = state.my_hours;
    if (placeholder(r, Target::MyHours, r.loaded() || !r.data().items.empty(), 4)) return;
    const MyHours& h = r.data();
    totals(h);
    chart(h);
    section(tr(S::SectionRecords));
    if (h.items.empty()) {
        empty_state(tr(S::NoHours));
        if (primary_button(tr(S::FindProjects), true)) emit(Navigate{route_projects()});
        return;
    }
    RowRange rows = begin_rows("##records", h.items.size());  // only the records near the screen
    for (size_t i; next_row(rows, i);) record(state, h.items[i]);
    // The older records, 50 at a time (加载更多, or by scrolling to it).
    const int64_t shown = static_cast<int64_t>(h.items.size());
    if (shown < h.totals.records) text_muted(fmt::shown_of(h.totals.records, shown).c_str());
    if (load_more(state.hours_more, Target::MoreHours, h.next_cursor && !r.loading())) emit(LoadMore{});
}

}  // namespace zygc::ui
