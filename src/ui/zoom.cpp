// The text zoom level and the pinch anchor (zoom.h).
#include "ui/zoom.h"

#include <cmath>

#include "core/settings.h"
#include "imgui.h"
#include "ui/context_internal.h"

namespace zygc::ui {
namespace {
constexpr int kSettleFrames = 12;  // frames the anchor is followed after the zoom stopped changing
constexpr int kMaxReflows = 4;     // glyphs arriving after that restart it at most this often

int font_glyphs() {
    int n = 0;
    for (const ImFont* f : ImGui::GetIO().Fonts->Fonts) n += f->Glyphs.Size;
    return n;
}

float clamp_level(float z) {
    return z < settings::kZoomMin ? settings::kZoomMin : z > settings::kZoomMax ? settings::kZoomMax : z;
}

bool unique_id(const sem::Node& n) {
    int seen = 0;
    for (const sem::Node& m : sem::last_frame()) seen += m.id == n.id;
    return seen == 1;
}

// The node under (x, y) in the last frame's screen area, the smallest one (a line of text
// rather than its card) whose id names it alone (it is followed by id).
const sem::Node* node_at(float x, float y, float top, float bottom) {
    const sem::Node* best = nullptr;
    for (const sem::Node& n : sem::last_frame()) {
        if (n.role == sem::Role::Window || n.w <= 0 || n.h <= 0 || n.whole_h <= 0 || !n.id || !unique_id(n)) continue;
        if (n.y < top - 0.5f || n.y + n.h > bottom + 0.5f) continue;  // the bars
        if (x < n.x || x >= n.x + n.w || y < n.y || y >= n.y + n.h) continue;
        if (!best || n.w * n.h < best->w * best->h) best = &n;
    }
    return best;
}
}  // namespace

float zoom_for(const Settings& s, const Viewport& vp) {
    if (vp.zoom_live > 0) return clamp_level(vp.zoom_live);
    if (s.zoom > 0) return clamp_level(s.zoom);
    return clamp_level(vp.host_zoom > 0 ? vp.host_zoom : 1);
}

float zoom_anchor_scroll(const Viewport& vp, float zoom, float drawn_at, float top) {
    Context::ZoomAnchor& a = context().zoom_anchor;
    const bool pinching = vp.zoom_live > 0 && vp.zoom_focus_y >= 0;
    const float bottom = vp.height;  // the tab bar's items are outside the child anyway
    if (pinching && !a.id) {
        // A pinch began: find what is under the fingers (in the last frame, at the old zoom).
        // The place in it is taken in its whole rect: a card the scroll area cuts still has its
        // top where it was laid out, above the visible part.
        if (const sem::Node* n = node_at(vp.zoom_focus_x, vp.zoom_focus_y, a.top, bottom)) {
            a.id = n->id;
            a.fx = vp.zoom_focus_x;
            a.fy = vp.zoom_focus_y;
            a.at_x = (vp.zoom_focus_x - n->x) / n->w;
            a.at_y = (vp.zoom_focus_y - n->whole_y) / n->whole_h;
            a.last_zoom = drawn_at;
            a.settle = kSettleFrames;
            sem::watch(a.id);  // followed by id from now on, also while the scroll hides it
        }
    }
    if (!a.id) return -1;
    if (pinching) {
        a.settle = kSettleFrames;
        a.fx = vp.zoom_focus_x;  // the fingers' centre moves with them
        a.fy = vp.zoom_focus_y;
    }
    if (zoom != a.last_zoom) a.settle = kSettleFrames, a.reflows = 0;
    // The glyphs at the new size are drawn over the next frames (the web platform's idle
    // time): until they are in, lines wrap where the missing ones' guessed widths put them,
    // and the text reflows when they come. The anchor follows that too, a few times at most
    // (glyphs the screen does not show may keep coming, and the resident's scroll wins).
    const int glyphs = font_glyphs();
    if (glyphs != a.glyphs && a.glyphs && !pinching && a.reflows < kMaxReflows) a.settle = kSettleFrames, ++a.reflows;
    a.glyphs = glyphs;
    const sem::Node* n = sem::watched();
    if (!n || a.settle <= 0) {
        a = {};
        a.top = top;
        sem::watch(0);
        return -1;
    }
    --a.settle;
    // The anchor's place in the content (last frame, its whole rect: a guess that reflowed too
    // far may have scrolled it out of sight), scaled to this frame's zoom.
    const float content = n->whole_y + a.at_y * n->whole_h - a.top + a.scroll;
    const float ratio = a.last_zoom > 0 ? zoom / a.last_zoom : 1;
    a.last_zoom = zoom;
    const float want = content * ratio + top - a.fy;
    return want > 0 ? want : 0;
}

void zoom_note_screen(float scroll_y, float top) {
    Context::ZoomAnchor& a = context().zoom_anchor;
    a.scroll = scroll_y;
    a.top = top;
}

}  // namespace zygc::ui
