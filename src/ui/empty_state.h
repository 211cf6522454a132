// Empty, error and not-found states (issue 10): a small picture drawn as vectors (a few lines
// of ImDrawList, no image file), a headline, a line of explanation and a way forward — one
// component, so an empty search, a missing project and a failed list look alike.
#pragma once
#include "core/store.h"

namespace zygc::ui {

enum class Picture {
    Search,   // a magnifier: nothing matched
    Missing,  // a blank page with a folded corner: not found
    Offline,  // a cloud with its line cut: the API could not be reached / failed
    Empty,    // an open, empty box: nothing here yet
};

// Centred picture (Role::Image with its alt text), `title` (Role::Heading; for Offline
// Role::Text + Alert, so it is announced), `detail` under it ("" none), and a full-width
// primary button `action` (nullptr: none). True on the frame the button is tapped.
bool state_view(Picture picture, const char* title, const char* detail, const char* action);

// A failed load as a state: Offline picture, the error in words (error_message/error_detail)
// and 重试. True when 重试 is tapped (the caller decides what to retry).
bool error_state(const ApiError& e);

// Just the picture, `css` CSS px square, at the cursor (for tests and other layouts).
void draw_picture(Picture picture, float css);

}  // namespace zygc::ui
