// Bottom sheets (issue 10): a panel that rises from the bottom edge over a dimmed screen.
// It is modal: nothing behind it takes a tap until it is closed. Used for 报名须知 and other
// confirmations that need the resident's attention before something is sent.
#pragma once

struct ImGuiStorage;

namespace zygc::ui {

// Call every frame while the sheet should show; true: draw its content, then end_sheet().
// `id` names it ("##signup_notice"); it closes when the caller stops calling.
bool begin_sheet(const char* id);
void end_sheet();
// A picker sheet's last row: 取消 and 确定 side by side (one row, so a sheet in 关怀版 still
// fits a phone). 1: 确定 tapped, 2: 取消 tapped, 0: neither; `done_disabled`: nothing chosen
// yet. Either closes the sheet: its open flag (`open_key` in `st`) goes to 0.
int sheet_footer(bool done_disabled, ImGuiStorage* st, unsigned open_key);
// Another screen: every open sheet closes (a modal left open would take every tap).
void close_sheets();

}  // namespace zygc::ui
