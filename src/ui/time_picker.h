// Date and time pickers (issue 10): a field of the publishing form that shows a shift's start
// or end ("12月3日 周四 09:00", or 选择日期和时间 in the muted colour while there is none) and
// opens a bottom sheet over the dimmed screen: a day list (今天, 明天, then the next six months),
// hours, and minutes in 5-minute steps, each row a full touch target; 确定 keeps the choice.
// The value is the form's own: RFC 3339 in Qinhuangdao time ("2026-12-03T09:00:00+08:00").
#pragma once
#include <cstdint>
#include <string>

namespace zygc::ui {

// `value`: the time now ("" none). `suggest`: where the sheet starts when there is none (the
// shift's start, for its end: two hours later; "" → 明天 09:00). True on the frame the resident
// confirms a time, with it in `out`. `error` is shown under the field ("" none).
bool time_field(const char* label, const char* id, const std::string& value, const std::string& suggest,
                std::string& out, const std::string& error);

// A tappable box like a text field's that opens a picker: `shown` in the text colour, or
// `hint` in the muted colour when `shown` is empty; Role::Button labelled "label：shown".
bool picker_box(const char* label, const std::string& shown, const char* hint, bool error);

namespace time_picker {
// The picker's arithmetic, for tests: days since 1970-01-01 + hour + minute → RFC 3339 +08:00.
std::string value_of(int64_t day, int hour, int minute);
// "今天 11月28日 周六" / "明天 …" / "11月30日 周一" (English: "Today, Sat 28 Nov"…).
std::string day_label(int64_t day, int64_t today);
// What the field shows for a value: "12月3日 周四 09:00"; "" when it is not a time.
std::string shown(const std::string& rfc3339);
}  // namespace time_picker

}  // namespace zygc::ui
