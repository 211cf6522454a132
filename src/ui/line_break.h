// Chinese line breaking (禁则, after JIS X 4051 / W3C clreq, the common subset): where a
// wrapped line may end. Pure functions on UTF-8, no ImGui: text_layout.cpp applies them to
// the break ImGui's word wrap proposes; tests/ui/line_break_test.cpp checks them.
//   - no line begins with closing punctuation: 。，、；：？！」』）》〉】”’ . , ; : ? ! ) ] … etc.
//   - no line ends with opening punctuation: 「『（《〈【“‘ ( [
//   - no break right after the middle dot "·" (the separator of "队伍 · 区"): the line breaks
//     before it instead.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace zygc::ui::linebreak {

bool no_start(uint32_t cp);  // may not begin a line
bool no_end(uint32_t cp);    // may not end a line

// Given a proposed break `brk` in [line, end) (the next line would start at brk, after any
// blanks), returns a break at or before it that keeps the rules, moving at most a few
// characters back; when no such break leaves the line non-empty, returns `brk` unchanged.
const char* adjust(const char* line, const char* brk, const char* end);
// Whether the line [line, brk) may end at brk under these rules (brk inside (line, end)).
bool allowed_at(const char* line, const char* brk, const char* end);
// Whether a break between two characters may fall inside a run without blanks: next to CJK
// (ideographs, kana, CJK punctuation, fullwidth forms), as Chinese breaks between any two
// characters; Latin words break only at blanks.
bool cjk(uint32_t cp);
// The code point at p (p < end) and its length in bytes.
uint32_t decode_at(const char* p, const char* end, int& len);

// For the layout test (window.zygc.lineBreaks()): once turned on, the wrapper notes every
// break it makes in a frame: the last character of a line and the first of the next.
struct Break {
    std::string before, after;
};
void record(bool on);
bool recording();
void note(const char* line, const char* brk, const char* end);  // no-op unless recording
void begin_frame();  // forgets the last frame's breaks
const std::vector<Break>& breaks();  // the frame's breaks so far
std::string breaks_json();  // [{"before":"功","after":"。"}, …]

}  // namespace zygc::ui::linebreak
