// The frame: one full-screen window with a top bar (back + title), the current screen in a
// scrolling child region, and a bottom tab bar. Index:
// [SECTION] Top bar
// [SECTION] Tab bar
// [SECTION] draw()
// [SECTION] static_text()
#include "ui/app.h"

#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/context_internal.h"
#include "ui/format.h"
#include "ui/line_break.h"
#include "ui/screens.h"
#include "ui/sheet.h"
#include "ui/strings.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"
#include "ui/zoom.h"

namespace zygc::ui {
namespace {

// The view side of the screen table (core/screen_table.h has the rest): per route kind,
// its title and the function that draws it.
const char* brand_title(const State& s) {
    return s.brand.data().slug == s.route.slug && !s.brand.data().name.empty() ? s.brand.data().name.c_str() : nullptr;
}
const char* team_title(const State& s) {
    return s.team.data().id == s.route.id && !s.team.data().name.empty() ? s.team.data().name.c_str() : nullptr;
}

struct ScreenView {
    Route::Kind kind;
    S title;
    void (*draw)(const State&);
    const char* (*data_title)(const State&) = nullptr;  // a title from the data, when loaded
};

// clang-format off
constexpr ScreenView kViews[] = {
    {Route::Home,        S::AppTitle,         screen_home},
    {Route::Projects,    S::TitleProjects,    screen_projects},
    {Route::Project,     S::TitleProject,     screen_project},
    {Route::Brand,       S::TitleBrand,       screen_brand, brand_title},
    {Route::NotFound,    S::TitleNotFound,    screen_not_found},
    {Route::Login,       S::TitleLogin,       screen_login},
    {Route::Me,          S::TitleMe,          screen_me},
    {Route::Register,    S::TitleRegister,    screen_register},
    {Route::MySignups,   S::TitleMySignups,   screen_my_signups},
    {Route::Teams,       S::TitleTeams,       screen_teams},
    {Route::Team,        S::TitleTeam,        screen_team, team_title},
    {Route::NewProject,  S::TitleNewProject,  screen_publish},
    {Route::EditProject, S::TitleEditProject, screen_publish},
    // certification
    {Route::ShiftConsole,  S::TitleShiftConsole, screen_shift_console},
    {Route::Hours,         S::TitleHours,        screen_certify},
    {Route::MyCertificate, S::TitleCertificate,  screen_certificate},
    {Route::Verify,        S::TitleVerify,       screen_verify},
    // attendance
    {Route::MyHours,     S::TitleMyHours,     screen_my_hours},
    {Route::Checkin,     S::TitleCheckin,     screen_checkin},
    // points
    {Route::MyPoints,       S::TitleMyPoints,       screen_my_points},
    {Route::Rewards,        S::TitleRewards,        screen_rewards},
    {Route::Reward,         S::TitleReward,         screen_reward},
    {Route::MyRedemptions,  S::TitleMyRedemptions,  screen_my_redemptions},
    {Route::MerchantVerify, S::TitleMerchantVerify, screen_merchant_verify},
    {Route::Funds,          S::TitleFunds,          screen_funds},
    {Route::AdminPoints,    S::TitleAdminPoints,    screen_admin_points},
    // eldercare (issue 13)
    {Route::Eldercare,      S::TitleEldercare,    screen_eldercare},
    {Route::ElderNeedNew,   S::TitleElderNeed,    screen_elder_need},
    {Route::ElderHelperNew, S::TitleElderHelper,  screen_elder_helper},
    {Route::ElderMatches,   S::TitleElderMatches, screen_elder_matches},
    {Route::ElderPairs,     S::TitleElderPairs,   screen_elder_pairs},
    {Route::Help,           S::TitleHelp,         screen_help},
    {Route::Dashboard,      S::TitleDashboard,    screen_dashboard},
};
// clang-format on

constexpr bool views_in_kind_order() {
    int i = 0;
    for (const ScreenView& v : kViews)
        if (v.kind != i++) return false;
    return i == Route::KindCount;
}
static_assert(views_in_kind_order(), "kViews needs one row per Route::Kind, in enum order");

const ScreenView& view_of(Route::Kind k) { return kViews[screen_info(k).kind]; }

const char* title_of(const State& s) {
    const ScreenView& v = view_of(s.route.kind);
    const char* from_data = v.data_title ? v.data_title(s) : nullptr;
    return from_data ? from_data : tr(v.title);
}

//-----------------------------------------------------------------------------
// [SECTION] Top bar
//-----------------------------------------------------------------------------

// zoom: the title wraps rather than being cut when it is wider than the room between the back
// button and the other side (long names at 200 % on a narrow phone); the bar grows to fit it.
float title_wrap(const Viewport& vp) { return ImMax(vp.width - 2 * px(size::TopBar), 1.0f); }
float top_bar_height(const State& s, const Viewport& vp) {
    const float text_h = ImGui::CalcTextSize(title_of(s), nullptr, false, title_wrap(vp)).y;
    return ImMax(px(size::TopBar), text_h + px(12));
}

void top_bar(const State& s, const Viewport& vp, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar = height - vp.safe_top, y = vp.safe_top;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.width, height), color::Primary);

    const float side = px(size::TopBar);  // back button square; the title avoids both sides
    if (s.route.kind != Route::Home) {
        ImGui::SetCursorScreenPos(ImVec2(0, y));
        const bool pressed = ImGui::InvisibleButton("##back", ImVec2(side, bar));
        const bool held = ImGui::IsItemActive();
        sem_last(sem::Role::Button, tr(S::Back));
        if (held) dl->AddRectFilled(ImVec2(0, y), ImVec2(side, y + bar), color::PrimaryDark);
        const float cx = side * 0.5f, cy = y + bar * 0.5f, r = px(7);
        const ImVec2 chevron[3] = {ImVec2(cx + r * 0.5f, cy - r), ImVec2(cx - r * 0.5f, cy),
                                   ImVec2(cx + r * 0.5f, cy + r)};
        dl->AddPolyline(chevron, 3, color::OnPrimary, 0, ImMax(1.0f, px(2)));
        // Like the browser's back button, but never out of the app (the store decides).
        if (is_tap(pressed)) emit(Back{});
    }

    const char* title = title_of(s);
    const float tw = ImGui::CalcTextSize(title).x;
    float x = (vp.width - tw) * 0.5f;
    if (x < side) x = side;
    ImGui::PushClipRect(ImVec2(side, y), ImVec2(vp.width - side, y + bar), true);
    if (tw <= title_wrap(vp)) {
        ImGui::SetCursorScreenPos(ImVec2(x, y + (bar - ImGui::GetFontSize()) * 0.5f));
        text_line(title, color::OnPrimary, true, sem::Role::Heading);
    } else {  // zoom: wrapped over two or more lines
        const float th = ImGui::CalcTextSize(title, nullptr, false, title_wrap(vp)).y;
        ImGui::SetCursorScreenPos(ImVec2(side, y + (bar - th) * 0.5f));
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + title_wrap(vp));
        ImGui::PushStyleColor(ImGuiCol_Text, color::OnPrimary);
        ImGui::TextUnformatted(title);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        sem::add_last_item(sem::Role::Heading, title);
    }
    ImGui::PopClipRect();
}

//-----------------------------------------------------------------------------
// [SECTION] Tab bar
//-----------------------------------------------------------------------------

enum class Icon { Home, List, Me };

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float r, ImU32 col) {
    const float t = ImMax(1.0f, px(1.8f));
    if (icon == Icon::Home) {
        const ImVec2 roof[3] = {ImVec2(c.x - r, c.y - r * 0.1f), ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y - r * 0.1f)};
        dl->AddPolyline(roof, 3, col, 0, t);
        dl->AddRect(ImVec2(c.x - r * 0.7f, c.y - r * 0.3f), ImVec2(c.x + r * 0.7f, c.y + r), col, 0, 0, t);
    } else if (icon == Icon::Me) {
        dl->AddCircle(ImVec2(c.x, c.y - r * 0.45f), r * 0.45f, col, 0, t);
        dl->PathArcTo(ImVec2(c.x, c.y + r), r * 0.85f, IM_PI, 2 * IM_PI);
        dl->PathStroke(col, 0, t);
    } else {
        for (int i = 0; i < 3; ++i) {
            const float yy = c.y - r * 0.7f + i * r * 0.7f;
            dl->AddCircleFilled(ImVec2(c.x - r * 0.8f, yy), t * 0.9f, col);
            dl->AddLine(ImVec2(c.x - r * 0.45f, yy), ImVec2(c.x + r, yy), col, t);
        }
    }
}

void tab(const char* label, Icon icon, bool selected, const Route& current, const Route& to, ImVec2 pos,
         ImVec2 size) {
    ImGui::SetCursorScreenPos(pos);
    const bool pressed = ImGui::InvisibleButton(label, size);
    sem_last(sem::Role::Tab, label, selected ? uint32_t(sem::Selected) : 0u);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = selected ? color::Primary : color::Muted;
    const float icon_r = px(9), cx = pos.x + size.x * 0.5f;
    draw_icon(dl, icon, ImVec2(cx, pos.y + px(8) + icon_r), icon_r, col);
    // zoom: a label wider than its third of the screen is drawn smaller, never cut.
    const ImVec2 full = ImGui::CalcTextSize(label, nullptr, true);
    const float room = size.x - px(4), fs = ImGui::GetFontSize() * ImMin(1.0f, room / ImMax(full.x, 1.0f));
    const float tw = full.x * fs / ImGui::GetFontSize();
    dl->AddText(ImGui::GetFont(), fs, ImVec2(cx - tw * 0.5f, pos.y + px(8) + 2 * icon_r + px(4)), col, label,
                ImGui::FindRenderedTextEnd(label));
    if (is_tap(pressed) && !(current == to)) emit(Navigate{to});
}

void tab_bar(const State& s, const Viewport& vp, float top, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(vp.width, top + height), color::Background);
    dl->AddLine(ImVec2(0, top), ImVec2(vp.width, top), color::Border, ImMax(1.0f, px(1)));
    const Tab t = screen_info(s.route.kind).tab;
    const bool home = t == Tab::Home, projects = t == Tab::Projects, mine = t == Tab::Me;
    const ImVec2 sz(vp.width / 3.0f, px(size::TabBar));
    // A tab leads to its root, also from a detail under it. 我的 asks for a login first
    // (the store sends a logged-out user to the login screen and back).
    tab(tr(S::TabHome), Icon::Home, home, s.route, route_home(), ImVec2(0, top), sz);
    tab(tr(S::TabProjects), Icon::List, projects, s.route, route_projects(), ImVec2(sz.x, top), sz);
    tab(tr(S::TabMe), Icon::Me, mine, s.route, route_me(), ImVec2(2 * sz.x, top), sz);
}

// The notice (报名成功, 已取消报名, ...) as a toast above the tab bar, in a window of its own so
// it is on top; tapping it dismisses it. Role::Button + Alert: the platform announces it
// (aria-live). look: the screen's scrolling area ends above it (toast_room()), so it never
// covers a button; the store takes it away after a few seconds (navigation::notice_clock).
// look: the screen's column: the whole width on a phone, centred kColumnMax on a desktop.
float column_width(const Viewport& vp) { return ImMin(vp.width, px(kColumnMax)); }
float column_x(const Viewport& vp) { return IM_FLOOR((vp.width - column_width(vp)) * 0.5f); }

float toast_height(const State& s, const Viewport& vp) {
    if (s.notice.empty()) return 0;
    const std::string words = say(s.notice);
    const float margin = px(16), pad = px(14), text_w = column_width(vp) - 2 * margin - 2 * pad;
    const ImVec2 ts = ImGui::CalcTextSize(words.c_str(), nullptr, false, text_w);
    return ImMax(ts.y + 2 * pad, px(size::Touch));
}
// The height the screen gives up for the toast: the toast and its margins.
float toast_room(const State& s, const Viewport& vp) {
    const float h = toast_height(s, vp);
    return h > 0 ? h + 2 * px(8) : 0.0f;
}

void toast(const State& s, const Viewport& vp, float bottom) {
    if (s.notice.empty()) return;
    const std::string words = say(s.notice);
    const char* notice = words.c_str();
    const float margin = px(16), pad = px(14), w = column_width(vp) - 2 * margin;
    const float text_w = w - 2 * pad;
    const ImVec2 ts = ImGui::CalcTextSize(notice, nullptr, false, text_w);
    const float h = toast_height(s, vp);
    ImGui::SetNextWindowPos(ImVec2(column_x(vp) + margin, bottom - px(8) - h));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
    ImGui::Begin("##toast", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##notice", ImVec2(w, h));
    sem_last(sem::Role::Button, notice, sem::Alert);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), color::Toast, px(size::Radius));
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p0.x + pad, p0.y + (h - ts.y) * 0.5f),
                color::OnPrimary, notice, nullptr, text_w);
    ImGui::End();
    if (is_tap(pressed)) emit(DismissNotice{});
}

// first-visit: the service worker answered from its cache: a strip under the top bar says so
// until an answer comes from the network again.
void offline_banner(const State& s, const Viewport& vp, float top) {
    if (!s.offline) return;
    const char* label = tr(S::OfflineCached);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const float h = ts.y + px(8);
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(vp.width, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
    ImGui::Begin("##offline", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##offline", ImVec2(vp.width, h));  // an item with an id, for the semantics
    sem_last(sem::Role::Text, label);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + vp.width, p0.y + h), color::Toast);
    dl->AddText(ImVec2(p0.x + (vp.width - ts.x) * 0.5f, p0.y + (h - ts.y) * 0.5f), color::OnPrimary, label);
    ImGui::End();
}

void pull_indicator(const Viewport& vp, float top, float pull) {
    const bool armed = pull >= kPullRefreshCss * vp.scale;  // where releasing refreshes
    const char* label = tr(armed ? S::ReleaseToRefresh : S::PullToRefresh);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const float r = px(8), gap = px(8);
    const float w = 2 * r + gap + ts.x, x = (vp.width - w) * 0.5f, cy = top + pull * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(0, top), ImVec2(vp.width, top + pull), true);
    // A circular arrow that closes as the pull nears the threshold.
    const float turn = ImMin(pull / (kPullRefreshCss * vp.scale), 1.0f);
    const ImU32 col = armed ? color::Primary : color::Muted;
    dl->PathArcTo(ImVec2(x + r, cy), r, -IM_PI * 0.5f, -IM_PI * 0.5f + 2 * IM_PI * 0.85f * turn, 16);
    dl->PathStroke(col, 0, ImMax(1.0f, px(2)));
    ImGui::SetCursorScreenPos(ImVec2(x + 2 * r + gap, cy - ts.y * 0.5f));
    text_line(label, col, false, sem::Role::Text);
    dl->PopClipRect();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] draw()
//-----------------------------------------------------------------------------

void draw(const State& state, const Viewport& vp, std::vector<Action>& out) {
    linebreak::begin_frame();  // look: the layout test reads this frame's line breaks
    set_lang(state.settings.lang == "en" && english_ready() ? Lang::En : Lang::Zh);
    set_care(state.settings.care_mode);
    set_scale(vp.scale);
    set_frame(&out, vp);
    // zoom: the text zoom in effect; where the screen must scroll to keep a pinch's focus.
    const float zoom = zoom_for(state.settings, vp), drawn_at = text_zoom();
    set_zoom(zoom);
    // The glyphs should be built at font_pixels(scale, care, zoom); until the platform has
    // rebuilt them for a new mode (or while a pinch goes on), scale what is there.
    ImGuiIO& io = ImGui::GetIO();
    const float want = font_pixels(vp.scale, state.settings.care_mode, zoom);
    const float built = ImGui::GetFont()->FontSize;
    const float global = built > 0 && std::fabs(want - built) > 0.5f ? want / built : 1.0f;
    const bool rescale = io.FontGlobalScale != global;
    if (rescale) {
        io.FontGlobalScale = global;
        ImGui::PushFont(ImGui::GetFont());  // applies the new global scale in this frame
    }

    const float top_h = vp.safe_top + top_bar_height(state, vp);
    const float tab_h = vp.safe_bottom + px(size::TabBar);
    const float content_h = ImMax(vp.height - top_h - tab_h - toast_room(state, vp), 1.0f);  // look: room for the toast

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(vp.width, vp.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##zygc", nullptr, flags);
    ImGui::PopStyleVar(3);

    top_bar(state, vp, top_h);

    // The screen: one scrolling child per kind of route, so the list keeps its place while a
    // detail is open; a detail starts at the top whenever the route changes.
    const Route& route = state.route;
    const bool changed = context().first_frame || !(route == context().last_route);
    if (route.kind != context().last_route.kind || route.id != context().last_route.id) close_sheets();
    const ScreenInfo& screen = screen_info(route.kind);
    const float pull = !screen.refresh.empty() ? ImClamp(vp.pull_px, 0.0f, content_h * 0.5f) : 0.0f;
    if (changed && !screen.keeps_scroll)
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    else if (const float y = zoom_anchor_scroll(vp, zoom, drawn_at, top_h + pull); y >= 0)
        ImGui::SetNextWindowScroll(ImVec2(-1, y));  // zoom: the pinch's focus stays put
    // Pull-to-refresh (the platform tracks the finger): the screen moves down and an
    // indicator appears in the gap; past the threshold it says 松开刷新.
    if (pull > 0) pull_indicator(vp, top_h, pull);
    // look: on a desktop window the screen is a centred column (kColumnMax), not 1280 px of lines.
    const float col_w = column_width(vp), col_x = column_x(vp);
    ImGui::SetCursorScreenPos(ImVec2(col_x, top_h + pull));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(size::Pad), px(size::Pad)));
    ImGui::PushID(static_cast<int>(route.kind));
    const bool visible = ImGui::BeginChild("##screen", ImVec2(col_w, content_h - pull), false,
                                           ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    zoom_note_screen(ImGui::GetScrollY(), top_h + pull);
    if (visible) view_of(route.kind).draw(state);
    ImGui::EndChild();
    ImGui::PopID();

    tab_bar(state, vp, vp.height - tab_h, tab_h);
    ImGui::End();
    toast(state, vp, vp.height - tab_h);
    offline_banner(state, vp, top_h);  // first-visit
    if (rescale) ImGui::PopFont();

    context().last_route = route;
    context().first_frame = false;
    set_frame(nullptr, vp);
}

//-----------------------------------------------------------------------------
// [SECTION] static_text()
//-----------------------------------------------------------------------------

std::string static_text() {
    static std::string text;
    if (!text.empty()) return text;
    for (int i = 0; i < static_cast<int>(S::COUNT); ++i) text += std::string(tr_zh(i)) + tr_en(i);
    text += message_text();
    text += fmt::glyphs();
    for (const Category& c : categories()) text += c.label_zh;
    for (char c = 0x20; c < 0x7F; ++c) text += c;
    text += "·…–—，。：；！？（）《》“”、";
    return text;
}

}  // namespace zygc::ui
