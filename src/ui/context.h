// The UI context: everything the views keep from one frame to the next, in one place, as
// Dear ImGui keeps its own in one ImGuiContext. The view stays a function of State plus
// this context, and two apps in one process (two test harnesses) share nothing.
//
// Who owns it: the platform (src/platform/web/main.cpp) or the test harness
// (src/platform/native/harness.*) creates one next to its ImGui context, makes it current
// before drawing, and destroys it with the ImGui context:
//
//   ImGuiContext* imgui = ImGui::CreateContext();
//   ui::Context* ui = ui::create_context();   // current when none is
//   ...  ImGui::SetCurrentContext(imgui); ui::set_current_context(ui); ui::draw(...);
//   ui::destroy_context(ui); ImGui::DestroyContext(imgui);
//
// Why create/destroy and a current pointer, ImGui's way, rather than a struct the owner
// holds and passes down: the views reach their state through the accessors they already
// call (lang(), scale(), care_mode(), viewport(), emit()), so no screen function grows a
// parameter; and the platform sees only an opaque pointer (the fields are in
// ui/context_internal.h, for src/ui's own files).
#pragma once

namespace zygc::ui {

// The screen the frame is drawn for, from the platform.
struct Viewport {
    float width = 0, height = 0;  // framebuffer pixels (= CSS pixels × scale)
    float scale = 1;              // devicePixelRatio
    float safe_top = 0, safe_bottom = 0;  // safe-area insets, framebuffer pixels
    float pull_px = 0;    // pull-to-refresh: how far the list is pulled down, framebuffer pixels
    double now_ms = 0;    // wall clock, ms since the Unix epoch (countdowns, today's date)
    // zoom (app.h zoom_for()): the host's text size as a zoom (browser default font size,
    // WeChat's 字体大小), followed until the user sets one; while a pinch is under way, the
    // zoom it shows now (0: none) and its focus, framebuffer px (kept under the fingers).
    float host_zoom = 1;
    float zoom_live = 0;
    float zoom_focus_x = -1, zoom_focus_y = -1;
};

struct Context;

Context* create_context();            // becomes current when none is
void destroy_context(Context* ctx);   // no longer current if it was
void set_current_context(Context* ctx);
Context* current_context();           // nullptr when none

}  // namespace zygc::ui
