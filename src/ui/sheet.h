// Bottom sheets (issue 10): a panel that rises from the bottom edge over a dimmed screen.
// It is modal: nothing behind it takes a tap until it is closed. Used for 报名须知 and other
// confirmations that need the resident's attention before something is sent.
#pragma once

namespace zygc::ui {

// Call every frame while the sheet should show; true: draw its content, then end_sheet().
// `id` names it ("##signup_notice"); it closes when the caller stops calling.
bool begin_sheet(const char* id);
void end_sheet();
// Another screen: every open sheet closes (a modal left open would take every tap).
void close_sheets();

}  // namespace zygc::ui
