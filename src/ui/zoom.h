// The text zoom (issue 14): which level is in effect, and keeping the content point under a
// pinch's fingers in place while the layout changes size.
//
// The level: the user's own (Settings::zoom, from a pinch or the 文字大小 control) once set,
// else the host's text size (Viewport::host_zoom: browser default font size, WeChat's 字体大小);
// during a pinch, the level it shows now (Viewport::zoom_live). 1–2, on top of 关怀版. The
// whole UI is laid out again at it (theme.h px(), the ImGui style, the font size); the glyphs
// are rasterized again at the new pixel size when it comes to rest (the platform).
//
// The anchor: when the zoom starts changing under a focus (the fingers' centre), the
// semantics node under it and the focus's place inside its whole rect (not the part the scroll
// area shows) are kept; each frame, until the zoom has been still for a few frames, the
// screen's scroll is set so that place is back under the focus (content reflows, so scaling
// the scroll alone would drift). The node is followed by id (sem::watch), also off screen.
#pragma once
#include "core/store.h"
#include "ui/context.h"

namespace zygc::ui {

float zoom_for(const Settings& settings, const Viewport& vp);

// Before the screen's child window: the scroll it should start this frame at (< 0: leave
// it). `zoom` is this frame's level, `drawn_at` the last frame's, `top` the child's top
// (framebuffer px).
float zoom_anchor_scroll(const Viewport& vp, float zoom, float drawn_at, float top);
// Inside the child, each frame: its scroll and top as drawn (for the next frame's anchor).
void zoom_note_screen(float scroll_y, float top);

// The 文字大小 control (settings on the home screen): the level in effect, − and + in 25 % steps.
void zoom_control(const State& state);

}  // namespace zygc::ui
