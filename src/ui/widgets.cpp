// Shared widgets. Index:
// [SECTION] Frame context and semantics
// [SECTION] Text
// [SECTION] Controls
// [SECTION] Cards
// (skeleton, error box, empty state: load_states.cpp)
#include "ui/widgets.h"

#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "core/calendar.h"
#include "core/utf8.h"
#include "ui/context_internal.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/text_layout.h"

namespace zygc::ui {

//-----------------------------------------------------------------------------
// [SECTION] Frame context and semantics
//-----------------------------------------------------------------------------

namespace {
ImVec2 operator+(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }
}  // namespace

void text_impl(const char* s, const char* end, ImU32 col, bool bold, bool record, sem::Role role,
               uint32_t flags) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    if (!end) end = s + strlen(s);
    const ImVec2 pos = win->DC.CursorPos;
    const float wrap_pos = win->DC.TextWrapPos < 0.0f ? 0.0f : win->DC.TextWrapPos;
    const float wrap = ImMax(ImGui::CalcWrapWidthForPos(pos, wrap_pos), 1.0f);
    static ImVector<Line> lines;
    const ImVec2 size = layout_lines(s, end, wrap, lines);
    const ImRect bb(pos, pos + size);
    ImGui::ItemSize(size, 0.0f);
    if (ImGui::ItemAdd(bb, 0)) draw_lines(win->DrawList, pos, col, lines, bold);
    if (record) sem::add_last_item(role, s, flags);
}

void push_id(Id id) {
    const char* b = reinterpret_cast<const char*>(&id);
    ImGui::PushID(b, b + sizeof id);
}

void set_frame(std::vector<Action>* out, const Viewport& viewport) {
    context().out = out;
    context().viewport = viewport;
}

const Viewport& viewport() { return context().viewport; }

void emit(Action action) {
    if (std::vector<Action>* out = context().out) out->push_back(std::move(action));
}

void sem_last(sem::Role role, const char* label, uint32_t flags) {
    ImGuiContext& g = *GImGui;
    if (!g.TestEngineHookItems || g.CurrentWindow->SkipItems || g.LastItemData.ID == 0) return;
    sem::set_next(role, flags);
    ImGuiTestEngineHook_ItemAdd(&g, g.LastItemData.Rect, g.LastItemData.ID);
    ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, label, g.LastItemData.StatusFlags);
}

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

void text(const char* s) { text_impl(s, nullptr, color::Text, false, true, sem::Role::Text); }
void text(const std::string& s) { text_impl(s.c_str(), nullptr, color::Text, false, true, sem::Role::Text); }
void text_muted(const char* s) { text_impl(s, nullptr, color::Muted, false, true, sem::Role::Text); }
void text_colored(ImU32 col, const char* s) { text_impl(s, nullptr, col, false, true, sem::Role::Text); }
void reserved_line(const std::string& sample, float indent) {
    ImGui::Indent(indent);
    const float w = ImGui::GetContentRegionAvail().x;
    static ImVector<Line> lines;  // measured as the words will be laid out (text_layout.h)
    const float h = layout_lines(sample.c_str(), sample.c_str() + sample.size(), w, lines).y;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + w * 0.6f, a.y + h), color::Skeleton, px(4));
    ImGui::Unindent(indent);
}
void text_alert(const std::string& s) {
    if (!s.empty()) text_impl(s.c_str(), nullptr, color::Danger, false, true, sem::Role::Text, sem::Alert);
}
// look: headings at the type scale's title size, in glyphs the platform rasterized at that
// size (its second face, io.Fonts->Fonts[1]; web only), never the body glyphs scaled up.
// Until that face holds every character of the heading, the body face, bold.
namespace {
ImFont* title_face(const char* s) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->Fonts.Size < 2) return nullptr;
    ImFont* f = atlas->Fonts[1];
    for (const char* p = s; *p;) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        if (c >= 0x20 && !f->FindGlyphNoFallback(static_cast<ImWchar>(c))) return nullptr;
    }
    return f;
}
}  // namespace
void heading(const char* s) {
    ImFont* title = title_face(s);
    if (title) ImGui::PushFont(title);
    text_impl(s, nullptr, color::Text, true, true, sem::Role::Heading);
    if (title) ImGui::PopFont();
}

void text_line(const char* s, ImU32 col, bool bold, sem::Role role) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextUnformatted(s);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (bold && ImGui::IsItemVisible()) {
        ImVec2 pos = ImGui::GetItemRectMin();
        win->DrawList->AddText(ImVec2(pos.x + bold_offset(), pos.y), col, s);
    }
    sem::add_last_item(role, s);
}

void spacing(float css) { ImGui::Dummy(ImVec2(0, px(css))); }

void section(const char* title) {
    spacing(size::Section - 2 * size::Gap);
    heading(title);
}

void field(const char* label, const std::string& value) {
    const float x = ImGui::GetCursorPosX();
    // look: a label wider than the key column (English "Availability", "ID number", a long
    // district name) puts its value on the next line instead of running into it (pushing
    // the value right left it a sliver of width on a 320 px phone in 关怀版).
    const bool fits = ImGui::CalcTextSize(label).x + px(8) <= px(80);
    text_muted(label);
    if (fits) ImGui::SameLine(x + px(80));
    text(value);
}

void bullet(const char* s) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    const ImVec2 p = win->DC.CursorPos;
    const float r = px(2.5f);
    win->DrawList->AddCircleFilled(ImVec2(p.x + px(5), p.y + ImGui::GetFontSize() * 0.5f), r, color::Primary);
    ImGui::Indent(px(16));
    text(s);
    ImGui::Unindent(px(16));
}

//-----------------------------------------------------------------------------
// [SECTION] Controls
//-----------------------------------------------------------------------------

bool is_tap(bool pressed) {
    if (!pressed) return false;
    const float slop = px(12);
    return ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= slop * slop;
}

namespace {
float button_pad() { return px(20); }  // left and right of a button's label

bool button_impl(const char* label, bool full_width, ImU32 bg, ImU32 bg_active, ImU32 fg, ImU32 border,
                 bool disabled) {
    if (disabled) {
        bg = color::Surface, bg_active = color::Surface, fg = color::Muted, border = border ? color::Border : 0;
        // Greyed by its colours (muted on surface, ≥ 4.5:1), not by ImGui's alpha (2.2:1).
        ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
        ImGui::BeginDisabled();
        sem::set_next(sem::Role::Button, sem::Disabled);
    }
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, bg_active);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, px(size::Touch * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, border ? ImMax(1.0f, px(1)) : 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(button_pad(), 0));
    const bool pressed = ImGui::Button(label, ImVec2(full_width ? -FLT_MIN : 0.0f, px(size::Touch)));
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(5);
    if (disabled) ImGui::EndDisabled(), ImGui::PopStyleVar();
    return !disabled && is_tap(pressed);
}
}  // namespace

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + 2 * button_pad(); }

bool primary_button(const char* label, bool full_width, bool disabled) {
    return button_impl(label, full_width, color::Primary, color::PrimaryDark, color::OnPrimary, 0, disabled);
}

bool secondary_button(const char* label, bool full_width, bool disabled) {
    return button_impl(label, full_width, color::Background, color::PrimarySoft, color::Primary, color::Primary,
                       disabled);
}

bool danger_button(const char* label, bool full_width) {
    return button_impl(label, full_width, color::Background, color::DangerSoft, color::Danger, color::Danger, false);
}

bool link(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::PrimarySoft);
    ImGui::PushStyleColor(ImGuiCol_Text, color::Primary);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, (px(size::Touch) - ImGui::GetFontSize()) * 0.5f));
    sem::set_next(sem::Role::Link);
    // look: a short link (更多) is still a full touch target wide
    const float w = ImMax(ImGui::CalcTextSize(label, nullptr, true).x, px(size::Touch));
    const bool pressed = ImGui::Button(label, ImVec2(w, 0));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return is_tap(pressed);
}

float chip_width(const char* label, bool caret) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * px(14) + (caret ? px(14) : 0.0f);
}

bool chip(const char* label, bool selected, bool caret, sem::Role role) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    const char* end = ImGui::FindRenderedTextEnd(label);
    const ImVec2 ts = ImGui::CalcTextSize(label, end);
    const float padx = px(14), caret_w = caret ? px(14) : 0.0f;
    const ImVec2 sz(ts.x + 2 * padx + caret_w, px(size::Touch));  // a full touch target (look)
    const bool pressed = ImGui::InvisibleButton(label, sz);
    const bool held = ImGui::IsItemActive();
    sem_last(role, label, selected ? uint32_t(sem::Selected) : 0u);
    if (!ImGui::IsItemVisible()) return is_tap(pressed);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* dl = win->DrawList;
    const ImU32 bg = held ? color::SurfacePressed : selected ? color::PrimarySoft : color::Surface;
    const ImU32 fg = selected ? color::Primary : color::Text;
    dl->AddRectFilled(a, b, bg, sz.y * 0.5f);
    if (selected) dl->AddRect(a, b, color::Primary, sz.y * 0.5f, 0, ImMax(1.0f, px(1)));
    dl->AddText(ImVec2(a.x + padx, a.y + (sz.y - ts.y) * 0.5f), fg, label, end);
    if (caret) {
        const float cx = b.x - padx - caret_w * 0.5f + px(4), cy = (a.y + b.y) * 0.5f, r = px(4);
        dl->AddTriangleFilled(ImVec2(cx - r, cy - r * 0.5f), ImVec2(cx + r, cy - r * 0.5f), ImVec2(cx, cy + r * 0.6f),
                              fg);
    }
    return is_tap(pressed);
}

bool option(const char* label, bool selected) {
    sem::set_next(sem::Role::Button, selected ? uint32_t(sem::Selected) : 0u);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? color::Primary : color::Text);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    const bool pressed = ImGui::Selectable(label, selected, 0, ImVec2(0, px(size::Touch)));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return is_tap(pressed);
}

bool toggle(const char* label, bool on) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    const char* end = ImGui::FindRenderedTextEnd(label);
    const ImVec2 ts = ImGui::CalcTextSize(label, end);
    const float track_w = px(44), track_h = px(26), gap = px(10), h = px(size::Touch);
    const ImVec2 sz(ts.x + gap + track_w, h);
    const bool pressed = ImGui::InvisibleButton(label, sz);
    sem_last(sem::Role::Checkbox, label, on ? uint32_t(sem::Checked) : 0u);
    if (ImGui::IsItemVisible()) {
        const ImVec2 a = ImGui::GetItemRectMin();
        ImDrawList* dl = win->DrawList;
        dl->AddText(ImVec2(a.x, a.y + (h - ts.y) * 0.5f), color::Text, label, end);
        const ImVec2 t0(a.x + ts.x + gap, a.y + (h - track_h) * 0.5f), t1(t0.x + track_w, t0.y + track_h);
        dl->AddRectFilled(t0, t1, on ? color::Primary : color::Border, track_h * 0.5f);
        const float r = track_h * 0.5f - px(3);
        const float cx = on ? t1.x - track_h * 0.5f : t0.x + track_h * 0.5f;
        dl->AddCircleFilled(ImVec2(cx, t0.y + track_h * 0.5f), r, color::Background);
    }
    return is_tap(pressed);
}

bool check_row(const char* label, const char* detail, bool on) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    ImGui::PushID(label);
    const ImVec2 p0 = win->DC.CursorPos;
    const float box = px(24), gap = px(10), w = ImGui::GetContentRegionAvail().x;
    const float wrap = ImMax(w - box - gap, 1.0f);
    static ImVector<Line> a_lines, b_lines;
    const ImVec2 a_sz = layout_lines(label, label + strlen(label), wrap, a_lines);
    ImVec2 b_sz(0, 0);
    if (detail) b_sz = layout_lines(detail, detail + strlen(detail), wrap, b_lines);
    const float text_h = a_sz.y + (detail ? px(6) + b_sz.y : 0.0f);
    const float h = ImMax(px(size::Touch), text_h + px(8));
    const bool pressed = ImGui::InvisibleButton("##check", ImVec2(w, h));
    const bool held = ImGui::IsItemActive();
    sem_last(sem::Role::Checkbox, label, on ? uint32_t(sem::Checked) : 0u);
    if (ImGui::IsItemVisible()) {
        ImDrawList* dl = win->DrawList;
        if (held) dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), color::SurfacePressed, px(6));
        const ImVec2 b0(p0.x, p0.y + px(4)), b1(b0.x + box, b0.y + box);
        if (on) {
            dl->AddRectFilled(b0, b1, color::Primary, px(4));
            const ImVec2 tick[3] = {ImVec2(b0.x + box * 0.22f, b0.y + box * 0.52f),
                                    ImVec2(b0.x + box * 0.42f, b0.y + box * 0.72f),
                                    ImVec2(b0.x + box * 0.78f, b0.y + box * 0.3f)};
            dl->AddPolyline(tick, 3, color::OnPrimary, 0, ImMax(1.0f, px(2.5f)));
        } else {
            dl->AddRect(b0, b1, color::Muted, px(4), 0, ImMax(1.0f, px(1.5f)));
        }
        const ImVec2 t(p0.x + box + gap, p0.y + px(4));
        draw_lines(dl, t, color::Text, a_lines, true);
        if (detail) draw_lines(dl, ImVec2(t.x, t.y + a_sz.y + px(6)), color::Muted, b_lines, false);
    }
    ImGui::PopID();
    if (detail) {  // the explanation is readable on its own (screen readers)
        ImGui::SetCursorScreenPos(ImVec2(p0.x + box + gap, p0.y + px(4) + a_sz.y + px(6)));
        ImGui::Dummy(b_sz);
        sem::add_last_item(sem::Role::Text, detail);
        ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h + ImGui::GetStyle().ItemSpacing.y));
    }
    return is_tap(pressed);
}

bool menu_row(const char* label, bool first) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    const ImVec2 p0 = win->DC.CursorPos;
    // In a panel, as wide as its text wraps (the panel's padding stays on the right too).
    float w = ImGui::GetContentRegionAvail().x;
    if (win->DC.TextWrapPos > 0) w = ImMin(w, ImGui::CalcWrapWidthForPos(p0, win->DC.TextWrapPos));
    const float arrow = px(8), gap = px(12);
    const char* end = ImGui::FindRenderedTextEnd(label);
    static ImVector<Line> lines;
    const ImVec2 ts = layout_lines(label, end, ImMax(w - arrow - gap, 1.0f), lines);
    const float h = ImMax(px(size::Touch), ts.y + px(16));
    const bool pressed = ImGui::InvisibleButton(label, ImVec2(w, h));
    sem_last(sem::Role::Link, label);
    if (ImGui::IsItemVisible()) {
        ImDrawList* dl = win->DrawList;
        const float half = ImGui::GetStyle().ItemSpacing.y * 0.5f;
        if (ImGui::IsItemActive())
            dl->AddRectFilled(ImVec2(p0.x - px(8), p0.y - half), ImVec2(p0.x + w + px(8), p0.y + h + half),
                              color::SurfacePressed, px(6));
        else if (!first)
            dl->AddLine(ImVec2(p0.x, p0.y - half), ImVec2(p0.x + w, p0.y - half), color::Border, ImMax(1.0f, px(1)));
        draw_lines(dl, ImVec2(p0.x, p0.y + (h - ts.y) * 0.5f), color::Text, lines, false);
        const float cx = p0.x + w - arrow * 0.5f, cy = p0.y + h * 0.5f;
        const ImVec2 chevron[3] = {ImVec2(cx - arrow * 0.3f, cy - arrow * 0.6f), ImVec2(cx + arrow * 0.3f, cy),
                                   ImVec2(cx - arrow * 0.3f, cy + arrow * 0.6f)};
        dl->AddPolyline(chevron, 3, color::Muted, 0, ImMax(1.0f, px(1.5f)));
    }
    return is_tap(pressed);
}

bool text_field(const char* label, const char* id, const std::string& value, std::string& out,
                const std::string& error, const FieldOptions& o) {
    if (ImGui::GetCurrentWindow()->SkipItems) return false;
    if (label && label[0]) text_muted(label);
    ImGui::PushID(id);
    const ImGuiID key = ImGui::GetID("##field");
    FieldBuffer& f = context().fields[key];
    if (f.text.size() != o.capacity) {
        f.text.assign(o.capacity, 0);
        f.active_frame = -10;
    }
    const bool was_active = f.active_frame == ImGui::GetFrameCount() - 1;
    if (!was_active && value != f.text.data()) utf8::copy(f.text.data(), f.text.size(), value);

    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(12), (px(size::Touch) - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, ImMax(1.0f, px(1)));
    ImGui::PushStyleColor(ImGuiCol_Border, error.empty() ? color::Border : color::Danger);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, color::Background);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, color::Background);
    bool edited;
    if (o.multiline) {
        const float h = o.lines * (ImGui::GetFontSize() + line_gap()) + 2 * px(12);
        edited = ImGui::InputTextMultiline("##field", f.text.data(), f.text.size(), ImVec2(-FLT_MIN, h), o.flags);
    } else {
        ImGui::SetNextItemWidth(o.width > 0 ? px(o.width) : -FLT_MIN);
        edited = ImGui::InputTextWithHint("##field", o.hint ? o.hint : "", f.text.data(), f.text.size(), o.flags);
    }
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar(2);
    if (ImGui::IsItemActive()) f.active_frame = ImGui::GetFrameCount();
    const bool number = o.kind == sem::InputKind::Text && (o.flags & ImGuiInputTextFlags_CharsDecimal);
    const uint32_t kind = sem::input_flags(number ? sem::InputKind::Number : o.kind);
    sem_last(sem::Role::Input, label && label[0] ? label : o.hint, kind);
    ImGui::PopID();
    text_alert(error);
    if (edited) out = f.text.data();
    return edited;
}

void flow(bool first, float width) {
    if (first) return;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool choice(const char* chip_label, const char* popup_id, bool active, bool first) {
    flow(first, chip_width(chip_label, true));
    if (chip(chip_label, active, true)) ImGui::OpenPopup(popup_id);
    const Viewport& vp = viewport();
    // look: under the chip, as wide as the screen's column (not the whole desktop window)
    const float margin = px(12), x0 = ImGui::GetWindowPos().x, w = ImGui::GetWindowWidth() - 2 * margin;
    ImGui::SetNextWindowPos(ImVec2(x0 + margin, ImGui::GetItemRectMax().y + px(6)));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp.height * 0.55f));
    return ImGui::BeginPopup(popup_id);
}

//-----------------------------------------------------------------------------
// [SECTION] Cards
//-----------------------------------------------------------------------------

namespace {
// Starts a card: content is laid out in a group inset by the card padding on draw-list
// channel 1; end_card() puts the background behind it on channel 0 and returns the rect.
CardScope begin_card() {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    CardScope c;
    c.p0 = win->DC.CursorPos;
    c.w = ImGui::GetContentRegionAvail().x;
    const float pad = px(size::CardPad);
    win->DrawList->ChannelsSplit(2);
    win->DrawList->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(c.p0.x + pad, c.p0.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + c.w - 2 * pad);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(8), px(6)));
    return c;
}

ImVec2 end_card_content(const CardScope& c) {
    ImGui::PopStyleVar();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectMax().y + px(size::CardPad) - c.p0.y;
    ImGui::SetCursorScreenPos(c.p0);
    return ImVec2(c.w, h);
}

void end_card_background(const CardScope& c, ImVec2 size, ImU32 bg) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(c.p0, c.p0 + size, bg, px(size::Radius));
    dl->ChannelsMerge();
}

const char* places_text(int64_t left, char* buf, size_t n) {
    if (left <= 0) return tr(S::Full);
    std::snprintf(buf, n, tr(S::PlacesLeftFmt), static_cast<long long>(left));
    return buf;
}
}  // namespace

void begin_panel() {
    Context& ctx = context();
    IM_ASSERT(!ctx.in_panel && "panels do not nest");
    ctx.in_panel = true;
    ctx.panel = begin_card();
}

void end_panel(ImU32 bg) {
    Context& ctx = context();
    IM_ASSERT(ctx.in_panel);
    ctx.in_panel = false;
    const ImVec2 sz = end_card_content(ctx.panel);
    ImGui::Dummy(sz);
    end_card_background(ctx.panel, sz, bg);
}

void stat_tile(const char* label, const char* value, float width, float height_css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    const ImVec2 p0 = win->DC.CursorPos;
    const float pad = px(12), wrap = ImMax(width - 2 * pad - bold_offset(), 1.0f);
    // look: the tile grows to its text (a long 荣誉 or an English label on two lines).
    static ImVector<Line> lines;
    const float text_h = layout_lines(label, label + strlen(label), wrap, lines).y + px(6) +
                         layout_lines(value, value + strlen(value), wrap, lines).y;
    const ImVec2 sz(width, ImMax(px(height_css), text_h + 2 * pad));
    // look: the text inside is laid out as lines of its own; the row this tile is on (after
    // SameLine) must still be as tall as its tallest tile, so the line state is put back
    // before the tile takes its place (else a two-line English label's tile ran into the row
    // below when its neighbour was one line shorter).
    ImGuiWindowTempData& dc = win->DC;
    const ImVec2 curr_line = dc.CurrLineSize, prev_line = dc.PrevLineSize, prev_pos = dc.CursorPosPrevLine;
    const float curr_base = dc.CurrLineTextBaseOffset, prev_base = dc.PrevLineTextBaseOffset;
    win->DrawList->AddRectFilled(p0, p0 + sz, color::PrimarySoft, px(size::Radius));
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(8), px(6)));
    text_muted(label);
    text_impl(value, nullptr, color::PrimaryDark, true, true, sem::Role::Text);
    ImGui::PopStyleVar();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(p0);
    dc.CurrLineSize = curr_line;
    dc.PrevLineSize = prev_line;
    dc.CursorPosPrevLine = prev_pos;
    dc.CurrLineTextBaseOffset = curr_base;
    dc.PrevLineTextBaseOffset = prev_base;
    ImGui::Dummy(sz);
}

bool project_card(const Project& p) {
    if (ImGui::GetCurrentWindow()->SkipItems) return false;
    push_id(p.id);
    CardScope c = begin_card();

    text_impl(p.title.c_str(), nullptr, color::Text, true, false, sem::Role::Text);
    char who[256], date[48] = "", buf[64];  // no allocation: the list draws its cards every frame
    std::snprintf(who, sizeof who, "%s%s%s", p.team_name.c_str(),
                  p.team_name.empty() || p.district_name.empty() ? "" : " · ", p.district_name.c_str());
    if (*who) text_muted(who);
    // The next shift with a place: its date and places left (never sums over all shifts).
    // Without one: full, or under way since its first day, or over (not a past date alone), or
    // closed by its organizer (sign-ups refused).
    const Shift& next = p.next_shift;
    bool over = false, under_way = false, closed = false;
    if (!next.id) {
        const int64_t now = static_cast<int64_t>(viewport().now_ms / 1000);
        const auto start = parse_rfc3339(p.start), end = parse_rfc3339(p.end);
        over = end && *end < now;
        closed = !over && p.status == "closed";
        under_way = !over && !closed && start && *start <= now;
    }
    if (over) text_muted(tr(S::ProjectOver));
    else if (closed) text_muted(tr(S::ProjectClosed));
    else if (*fmt::date_of(next.id ? next.start : p.start, date, sizeof date)) text_muted(date);
    if (next.id || (!over && !closed && p.capacity > 0 && p.signed_up >= p.capacity)) {
        if (*date) ImGui::SameLine();
        const int64_t left = next.id ? next.capacity - next.signed_up : 0;
        text_colored(left > 0 ? color::Success : color::Danger, places_text(left, buf, sizeof buf));
    } else if (under_way && *date) {
        ImGui::SameLine();
        text_muted(tr(S::UnderWay));
    }

    const ImVec2 sz = end_card_content(c);
    const bool pressed = ImGui::InvisibleButton("##card", sz);
    const bool held = ImGui::IsItemActive();
    sem_last(sem::Role::ListItem, p.title.c_str());
    end_card_background(c, sz, held ? color::SurfacePressed : color::Surface);
    ImGui::PopID();
    return is_tap(pressed);
}

bool team_card(const Team& t) {
    if (ImGui::GetCurrentWindow()->SkipItems) return false;
    push_id(t.id);
    CardScope c = begin_card();
    text_impl(t.name.c_str(), nullptr, color::Text, true, false, sem::Role::Text);
    char who[256], members[96], projects[96];  // no allocation: the list draws its cards every frame
    std::snprintf(who, sizeof who, "%s%s%s", t.org.c_str(), t.org.empty() || t.district_name.empty() ? "" : " · ",
                  t.district_name.c_str());
    if (*who) text_muted(who);
    std::snprintf(members, sizeof members, tr(S::MembersFmt), static_cast<long long>(t.member_count));
    std::snprintf(projects, sizeof projects, tr(S::TeamProjectsFmt), static_cast<long long>(t.project_count));
    std::snprintf(who, sizeof who, "%s · %s", members, projects);
    text_muted(who);
    const ImVec2 sz = end_card_content(c);
    const bool pressed = ImGui::InvisibleButton("##card", sz);
    const bool held = ImGui::IsItemActive();
    sem_last(sem::Role::ListItem, t.name.c_str());
    end_card_background(c, sz, held ? color::SurfacePressed : color::Surface);
    ImGui::PopID();
    return is_tap(pressed);
}

bool brand_card(const Brand& b, float width_css, float height_css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    ImGui::PushID(b.slug.c_str());
    const ImVec2 sz(px(width_css), px(height_css));
    const bool pressed = ImGui::InvisibleButton("##brand", sz);
    const bool held = ImGui::IsItemActive();
    sem_last(sem::Role::ListItem, b.name.c_str());
    if (ImGui::IsItemVisible()) {
        ImDrawList* dl = win->DrawList;
        const ImVec2 a = ImGui::GetItemRectMin(), e = ImGui::GetItemRectMax();
        const float pad = px(size::CardPad), wrap = sz.x - 2 * pad;
        dl->AddRectFilled(a, e, held ? color::SurfacePressed : color::PrimarySoft, px(size::Radius));
        dl->AddRectFilled(a, ImVec2(a.x + px(4), e.y), color::Primary, px(size::Radius), ImDrawFlags_RoundCornersLeft);
        const ImVec4 clip(a.x + pad, a.y + pad, e.x - pad, e.y - pad);
        ImVec2 pos(a.x + pad, a.y + pad);
        pos.y += draw_text(dl, pos, color::PrimaryDark, b.name.c_str(), wrap, clip, true) + px(6);
        if (!b.summary.empty()) draw_text(dl, pos, color::Muted, b.summary.c_str(), wrap, clip);
    }
    ImGui::PopID();
    return is_tap(pressed);
}

}  // namespace zygc::ui
