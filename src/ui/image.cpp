#include "ui/image.h"

#include <cstdint>
#include <cstdio>

#include "core/images.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {

bool image(const State& state, const std::string& url, const std::vector<int>& widths, const char* alt,
           float w_css, float h_css, float radius_css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return false;
    const ImVec2 size(px(w_css), px(h_css));
    // The variant for the width drawn in device pixels (framebuffer px are device px).
    const std::string want = images::variant_url(url, widths, size.x, viewport().scale);
    ImGui::PushID(want.c_str());
    const bool pressed = ImGui::InvisibleButton("##image", size);
    const bool visible = ImGui::IsItemVisible();
    const ImageEntry* e = images::find(state, want);
    const bool ready = e && e->status == ImageStatus::Ready && e->texture;
    const bool failed = (e && e->status == ImageStatus::Failed) || url.empty();
    sem::add_last_item(sem::Role::Image, alt, ready ? uint32_t(sem::Ready) : failed ? 0u : uint32_t(sem::Busy));
    if (visible) {
        if (images::should_want(state, want)) emit(WantImage{want});  // lazy: only what is on screen
        ImDrawList* dl = win->DrawList;
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const float r = px(radius_css);
        if (ready) {
            // Cover the box: crop the picture's longer side to the box's aspect, centred.
            ImVec2 uv0(0, 0), uv1(1, 1);
            const float box = size.x / size.y, pic = e->h > 0 ? float(e->w) / float(e->h) : box;
            if (pic > box) {
                const float keep = box / pic;
                uv0.x = (1 - keep) / 2;
                uv1.x = 1 - uv0.x;
            } else if (pic < box) {
                const float keep = pic / box;
                uv0.y = (1 - keep) / 2;
                uv1.y = 1 - uv0.y;
            }
            dl->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(e->texture)), a, b, uv0, uv1,
                                IM_COL32_WHITE, r);
        } else {
            dl->AddRectFilled(a, b, color::Skeleton, r);  // the placeholder: same box, no jump
        }
    }
    ImGui::PopID();
    return is_tap(pressed);
}

bool brand_cover(const State& state, const Brand& b, float w_css, float h_css, float radius_css) {
    char alt[256];
    std::snprintf(alt, sizeof alt, tr(S::CoverAltFmt), b.name.c_str());
    return image(state, b.cover_url, b.cover_widths, alt, w_css, h_css, radius_css);
}

}  // namespace zygc::ui
