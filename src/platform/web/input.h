// Browser input → Dear ImGui 1.86 (which reads io.MousePos / MouseDown[] / KeysDown[] once
// per frame and has no event queue of its own).
//
// Every DOM event is queued; each frame applies a prefix of the queue that ImGui can see
// without losing anything: moves up to the first button change, then (next frame) the
// button change alone; at most one transition per key per frame; text and keys in order.
// So a tap whose touchstart and touchend arrive within one frame is still a hover, a press
// and a release in three frames, and keyboard.press() (down+up at once) is one key press.
//
// Touch: the first finger is the mouse. It moves the pointer at touchstart; the press
// follows on release (a tap) or after a short hold; moving more than a few CSS px turns
// the gesture into scrolling of the window under the finger and cancels the press.
#pragma once
#include <cstdint>
#include <string>

namespace zygc::web::input {

void install();             // registers the html5 callbacks on #canvas and window
void set_scale(float dpr);  // framebuffer px per CSS px (for event coordinates)
void begin_frame(double now_ms);   // before ImGui::NewFrame: apply queued events to io
void after_new_frame();     // after ImGui::NewFrame: apply touch scrolling to the window under the finger
void end_frame();           // after the frame: follow io.WantTextInput with the hidden <input>

bool busy();  // input still queued or a gesture in progress (keep rendering)

// From the shell (hidden <input>): committed text, UTF-8.
void on_text(const char* utf8);

}  // namespace zygc::web::input
