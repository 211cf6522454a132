#include "ui/time_picker.h"

#include <algorithm>
#include <cstdio>

#include "core/calendar.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/sheet.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {

namespace time_picker {

std::string value_of(int64_t day, int hour, int minute) {
    char hm[32];
    std::snprintf(hm, sizeof hm, "T%02d:%02d:00+08:00", hour, minute);
    return format_date(day) + hm;
}

namespace {
WallTime wall_of_day(int64_t day) {
    const CivilDate c = civil_from_days(day);
    WallTime w;
    w.year = c.year;
    w.month = c.month;
    w.day = c.day;
    w.offset_minutes = 480;
    w.weekday = weekday(day);
    return w;
}
}  // namespace

std::string day_label(int64_t day, int64_t today) {
    const std::string date = fmt::date(wall_of_day(day));
    if (day == today || day == today + 1)
        return std::string(tr(day == today ? S::Today : S::Tomorrow)) + (lang() == Lang::En ? ", " : " ") + date;
    return date;
}

std::string shown(const std::string& rfc3339) {
    auto w = parse_wall(rfc3339);
    if (!w) return "";
    return fmt::date(*w) + " " + fmt::time_hm(*w);
}

}  // namespace time_picker

namespace {

// The open sheet's working choice, kept in the screen window's ImGui storage (each UI context
// has its own): which field it belongs to, the frame it was last drawn (a sheet another screen
// closed is not brought back), the day/hour/minute chosen, the frames it has scrolled.
const ImGuiID kOpen = ImHashStr("zygc.time.open"), kFrame = ImHashStr("zygc.time.frame"),
              kDay = ImHashStr("zygc.time.day"), kHour = ImHashStr("zygc.time.hour"),
              kMinute = ImHashStr("zygc.time.minute"), kScrolled = ImHashStr("zygc.time.scrolled");

int64_t today() { return cst_day(static_cast<int64_t>(viewport().now_ms / 1000)); }

void start_choice(ImGuiStorage* st, const std::string& value, const std::string& suggest) {
    int64_t day = today() + 1;
    int hour = 9, minute = 0;
    if (auto w = parse_wall(value)) {
        day = days_from_civil(w->year, w->month, w->day);
        hour = w->hour;
        minute = w->minute;
    } else if (auto s = parse_wall(suggest)) {
        day = days_from_civil(s->year, s->month, s->day);
        hour = std::min(23, s->hour + 2);
        minute = s->minute;
    }
    st->SetInt(kDay, static_cast<int>(day));
    st->SetInt(kHour, hour);
    st->SetInt(kMinute, minute / 5 * 5);
    st->SetInt(kScrolled, 0);
}

// A scrolling column of rows; the chosen one is brought into view in the first frames.
template <class Label>
int column(const char* id, float width, float height, int first, int last, int step, int chosen, bool scroll,
           Label label_of) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::Surface);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, px(radius::Field));
    ImGui::BeginChild(id, ImVec2(width, height), false);
    ImGui::PushItemFlag(ImGuiItemFlags_SelectableDontClosePopup, true);  // a row chooses, the sheet stays
    for (int v = first; v <= last; v += step) {
        ImGui::PushID(v);
        const std::string label = label_of(v);
        if (option(label.c_str(), v == chosen)) chosen = v;
        if (scroll && v == chosen) ImGui::SetScrollHereY(0.5f);
        ImGui::PopID();
    }
    ImGui::PopItemFlag();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return chosen;
}

// The sheet; true when 确定 was tapped (the value in `out`).
bool sheet(const char* label, ImGuiStorage* st, std::string& out) {
    if (!begin_sheet("##time_sheet")) return false;
    int64_t day = st->GetInt(kDay);
    int hour = st->GetInt(kHour), minute = st->GetInt(kMinute);
    const int scrolled = st->GetInt(kScrolled);
    const bool scroll = scrolled < 3;  // a new window knows its height only after a frame or two

    heading(label);
    text(time_picker::shown(time_picker::value_of(day, hour, minute)));
    spacing(space::S);

    const int64_t now = today();
    const int64_t first = std::min(now, day), last = std::max(now + 183, day);
    char buf[32];
    std::snprintf(buf, sizeof buf, tr(S::HourFmt), 0);
    const float gap = ImGui::GetStyle().ItemSpacing.x, pad = 2 * ImGui::GetStyle().FramePadding.x + px(space::L);
    const float col_w = std::max(ImGui::CalcTextSize(buf).x + pad, px(72));
    const float avail = ImGui::GetContentRegionAvail().x;
    const float day_need = ImGui::CalcTextSize(time_picker::day_label(now + 1, now).c_str()).x + pad;
    const bool stack = avail - 2 * (col_w + gap) < day_need;  // narrow or 关怀版: days above the times
    const float row = px(size::Touch) + ImGui::GetStyle().ItemSpacing.y;
    const float height = row * (stack ? 3 : 5);
    const float day_w = stack ? avail : avail - 2 * (col_w + gap);
    const float hour_w = stack ? (avail - gap) * 0.5f : col_w;

    const float x0 = ImGui::GetCursorPosX();
    text_muted(tr(S::PickerDay));
    if (!stack) {
        ImGui::SameLine(x0 + day_w + gap);
        text_muted(tr(S::PickerHour));
        ImGui::SameLine(x0 + day_w + gap + col_w + gap);
        text_muted(tr(S::PickerMinute));
    }
    day = column("##days", day_w, height, 0, static_cast<int>(last - first), 1, static_cast<int>(day - first), scroll,
                 [&](int i) { return time_picker::day_label(first + i, now); }) +
          first;
    if (stack) {
        text_muted(tr(S::PickerHour));
        ImGui::SameLine(x0 + hour_w + gap);
        text_muted(tr(S::PickerMinute));
    } else {
        ImGui::SameLine();
    }
    hour = column("##hours", hour_w, height, 0, 23, 1, hour, scroll, [](int h) {
        char b[32];
        std::snprintf(b, sizeof b, tr(S::HourFmt), h);
        return std::string(b);
    });
    ImGui::SameLine();
    minute = column("##minutes", stack ? avail - hour_w - gap : col_w, height, 0, 55, 5, minute, scroll, [](int m) {
        char b[32];
        std::snprintf(b, sizeof b, tr(S::MinuteFmt), m);
        return std::string(b);
    });
    st->SetInt(kDay, static_cast<int>(day));
    st->SetInt(kHour, hour);
    st->SetInt(kMinute, minute);
    st->SetInt(kScrolled, scrolled + 1);

    spacing(space::M);
    const bool done = sheet_footer(false, st, kOpen) == 1;
    if (done) out = time_picker::value_of(day, hour, minute);
    end_sheet();
    return done;
}

}  // namespace

bool picker_box(const char* label, const std::string& shown, const char* hint, bool error) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    const float h = px(size::Touch);
    const bool pressed = ImGui::InvisibleButton("##box", ImVec2(ImGui::GetContentRegionAvail().x, h));
    char sem_label[300];
    std::snprintf(sem_label, sizeof sem_label, tr(S::FieldValueFmt), label, shown.empty() ? hint : shown.c_str());
    sem_last(sem::Role::Button, sem_label);
    if (ImGui::IsItemVisible()) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImDrawList* dl = win->DrawList;
        const bool down = ImGui::IsItemActive();
        dl->AddRectFilled(a, b, down ? color::SurfacePressed : color::Background, px(radius::Field));
        dl->AddRect(a, b, error ? color::Danger : color::Border, px(radius::Field), 0, std::max(1.0f, px(1)));
        const char* s = shown.empty() ? hint : shown.c_str();
        const float ty = a.y + (h - ImGui::GetFontSize()) * 0.5f;
        dl->PushClipRect(a, ImVec2(b.x - px(28), b.y), true);
        dl->AddText(ImVec2(a.x + px(12), ty), shown.empty() ? color::Muted : color::Text, s);
        dl->PopClipRect();
        // a caret: it opens something
        const float cx = b.x - px(18), cy = a.y + h * 0.5f, r = px(5);
        dl->AddTriangleFilled(ImVec2(cx - r, cy - r * 0.5f), ImVec2(cx + r, cy - r * 0.5f), ImVec2(cx, cy + r * 0.6f),
                              color::Muted);
    }
    return is_tap(pressed);
}

bool time_field(const char* label, const char* id, const std::string& value, const std::string& suggest,
                std::string& out, const std::string& error) {
    if (ImGui::GetCurrentWindow()->SkipItems) return false;
    ImGuiStorage* st = ImGui::GetStateStorage();
    text_muted(label);
    ImGui::PushID(id);
    const ImGuiID me = ImGui::GetID("##time");
    const int frame = ImGui::GetFrameCount();
    if (picker_box(label, time_picker::shown(value), tr(S::PickDateTime), !error.empty())) {
        start_choice(st, value, suggest);
        st->SetInt(kOpen, static_cast<int>(me));
        st->SetInt(kFrame, frame);
    }
    text_alert(error);
    bool done = false;
    if (static_cast<ImGuiID>(st->GetInt(kOpen)) == me) {
        if (st->GetInt(kFrame) < frame - 1) {
            st->SetInt(kOpen, 0);  // it was closed by leaving the screen: do not bring it back
        } else {
            st->SetInt(kFrame, frame);
            done = sheet(label, st, out);
        }
    }
    ImGui::PopID();
    return done;
}

}  // namespace zygc::ui
