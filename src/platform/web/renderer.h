// ImGui's draw lists to WebGL2: the app's renderer, ours rather than ImGui's OpenGL3 backend.
// That backend saves and restores some twenty pieces of GL state around every frame, to live
// beside other GL code; each save is a glGetIntegerv, a WebGL getParameter, ~1 ms of a frame
// in headless Chromium. Nothing else draws here: the state is set every frame, never read.
#pragma once

struct ImDrawData;

namespace zygc::web::renderer {

// The program, vertex array and buffers (the WebGL context is current). False when the
// shaders do not compile or link.
bool init();

// Draws into the framebuffer of fb_w × fb_h pixels (the draw data is in framebuffer pixels).
void render(const ImDrawData* draw_data, int fb_w, int fb_h);

}  // namespace zygc::web::renderer
