// A QR code drawn with ImGui's draw list: the organizer's rotating check-in code and any
// other code the app shows on screen. Recorded in the semantics tree as an image "QR".
#pragma once
#include <string>

#include "core/qr.h"

namespace zygc::ui {

// Draws `m` at the cursor as a square of at most `side_px` framebuffer pixels (use px()
// for CSS sizes), with a white quiet zone of 4 modules. The module size is rounded down to
// whole pixels so every module edge is crisp (the square may come out slightly smaller);
// the square is centred in the `side_px` box the layout advances by.
void draw_qr(const qr::Matrix& m, float side_px);

// The same for the QR code of `payload`, encoded once and kept (a screen shows a few codes;
// they are not encoded again every frame).
void draw_qr(const std::string& payload, float side_px);

}  // namespace zygc::ui
