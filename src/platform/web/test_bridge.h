// The C side of window.zygc (shell/zygc-bridge.js): what tests, diagnostics and the
// screen-reader mirror read of the running app — the semantics tree, the route, the frame
// counter and platform counters, glyph states, the active text field.
#pragma once

namespace zygc {
class Runtime;
}

namespace zygc::web::bridge {

// Numbers only the frame loop knows, handed over after each frame.
struct FrameStats {
    int frame = 0;        // frames run so far (advances every requestAnimationFrame)
    float dpr = 0;        // the scale the theme and glyphs are built for
    int fb_w = 0, fb_h = 0;
    double frame_ms = 0;  // CPU time of a frame, smoothed
    int renders = 0;      // frames whose picture changed and was drawn
};

void attach(const Runtime* runtime);  // whose route the bridge reports
void publish(const FrameStats& stats);

}  // namespace zygc::web::bridge
