#include "ui/text_layout.h"

#include <cfloat>
#include <cstring>

#include "imgui_internal.h"
#include "ui/line_break.h"
#include "ui/theme.h"

namespace zygc::ui {
namespace {
constexpr const char* kEllipsis = "\xE2\x80\xA6";  // …

// look: where ImGui's word wrap and the few characters of linebreak::adjust() leave a line
// that breaks the rules — "队伍 ·" alone on a line before a CJK run too long to join it —
// the last break that fits the width and keeps the rules, between any two characters where
// one is CJK (Chinese breaks there) or after a blank; failing that (a "·" before digits or
// a Latin word longer than the line) any break that keeps the rules; `eol` when there is none.
const char* rule_wrap(ImFont* font, float fscale, const char* q, const char* eol, const char* end, float wrap) {
    const char* best = nullptr;
    const char* any = nullptr;
    float w = 0;
    uint32_t before = 0;
    for (const char* p = q; p < end;) {
        int len = 0;
        const uint32_t cp = linebreak::decode_at(p, end, len);
        if (p > q && linebreak::allowed_at(q, p, end)) {
            any = p;
            if (linebreak::cjk(cp) || linebreak::cjk(before) || before == ' ') best = p;
        }
        w += font->GetCharAdvance(static_cast<ImWchar>(cp < 0x10000 ? cp : 0xFFFD)) * fscale;
        if (w > wrap && p > q) break;
        before = cp;
        p += len;
    }
    return best ? best : any ? any : eol;
}
}  // namespace

float bold_offset() { return ImMax(1.0f, IM_FLOOR(scale() * 0.6f)); }

ImVec2 layout_lines(const char* s, const char* end, float wrap, ImVector<Line>& lines) {
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize(), fscale = fs / font->FontSize;
    lines.resize(0);
    float w = 0;
    const char* p = s;
    while (true) {
        const char* nl = static_cast<const char*>(memchr(p, '\n', static_cast<size_t>(end - p)));
        const char* para_end = nl ? nl : end;
        const char* q = p;
        do {
            const char* eol = para_end;
            if (wrap < FLT_MAX && q < para_end) {
                eol = font->CalcWordWrapPositionA(fscale, q, para_end, wrap);
                if (eol <= q) {  // not even one character fits: take one anyway
                    unsigned int c = 0;
                    eol = q + ImTextCharFromUtf8(&c, q, para_end);
                } else {
                    eol = linebreak::adjust(q, eol, para_end);  // look: 禁则
                    if (eol < para_end && !linebreak::allowed_at(q, eol, para_end))
                        eol = rule_wrap(font, fscale, q, eol, para_end, wrap);
                }
                linebreak::note(q, eol, para_end);  // for the layout test, when it asks
            }
            lines.push_back({q, eol});
            w = ImMax(w, font->CalcTextSizeA(fs, FLT_MAX, 0.0f, q, eol).x);
            q = eol;
            while (q < para_end && (*q == ' ' || *q == '\t')) ++q;
        } while (q < para_end);
        if (!nl) break;
        p = nl + 1;
    }
    const float n = static_cast<float>(lines.Size);
    return ImVec2(w, n * fs + (n - 1) * line_gap());
}

float fit_lines(ImVector<Line>& lines, float wrap, float height) {
    const float fs = ImGui::GetFontSize(), pitch = fs + line_gap();
    int keep = 0;
    while (keep < lines.Size && keep * pitch + fs <= height + 0.5f) ++keep;
    if (keep == 0) {  // not one whole line fits: nothing, rather than glyphs cut in half
        lines.resize(0);
        return 0.0f;
    }
    if (keep < lines.Size) {
        lines.resize(keep);
        Line& last = lines.back();
        ImFont* font = ImGui::GetFont();
        const float dots = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, kEllipsis).x;
        while (last.e > last.b && font->CalcTextSizeA(fs, FLT_MAX, 0.0f, last.b, last.e).x + dots > wrap) {
            do --last.e;
            while (last.e > last.b && (static_cast<unsigned char>(*last.e) & 0xC0) == 0x80);
        }
        last.ellipsis = true;
    }
    return keep > 0 ? keep * fs + (keep - 1) * line_gap() : 0.0f;
}

void draw_lines(ImDrawList* dl, ImVec2 pos, ImU32 col, const ImVector<Line>& lines, bool bold, const ImVec4* clip) {
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize(), pitch = fs + line_gap();
    for (const Line& l : lines) {
        for (int pass = 0; pass < (bold ? 2 : 1); ++pass) {
            ImVec2 at(pos.x + (pass ? bold_offset() : 0.0f), pos.y);
            if (l.e > l.b) dl->AddText(font, fs, at, col, l.b, l.e, 0.0f, clip);
            if (l.ellipsis) {
                at.x += font->CalcTextSizeA(fs, FLT_MAX, 0.0f, l.b, l.e).x;
                dl->AddText(font, fs, at, col, kEllipsis, nullptr, 0.0f, clip);
            }
        }
        pos.y += pitch;
    }
}

float draw_text(ImDrawList* dl, ImVec2 pos, ImU32 col, const char* s, float wrap, const ImVec4& clip, bool bold) {
    static ImVector<Line> lines;
    layout_lines(s, s + strlen(s), wrap, lines);
    const float h = fit_lines(lines, wrap, clip.w - pos.y);
    draw_lines(dl, pos, col, lines, bold, &clip);
    return h;
}

}  // namespace zygc::ui
