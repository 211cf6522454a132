// look (issue 10): Chinese line breaking (禁则) in the widgets' text wrapping: the pure rules
// (ui/line_break.h) and the lines the real layout makes with a real ImGui font.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"
#include "platform/native/harness.h"
#include "ui/line_break.h"
#include "ui/text_layout.h"

using namespace zygc::ui;

namespace {
// The lines a break list makes of `s` when a naive wrapper breaks every `n` bytes and the
// rules then adjust each break (a stand-in for ImGui's wrap: the rules see only positions).
std::vector<std::string> wrap_every(const std::string& s, size_t n) {
    std::vector<std::string> out;
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        const char* brk = p + n < end ? p + n : end;
        while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;  // a code point boundary
        brk = linebreak::adjust(p, brk, end);
        out.emplace_back(p, brk);
        p = brk;
        while (p < end && *p == ' ') ++p;
    }
    return out;
}
bool starts_with(const std::string& s, const char* pre) { return s.rfind(pre, 0) == 0; }
bool ends_with(const std::string& s, const char* suf) {
    const size_t n = strlen(suf);
    return s.size() >= n && s.compare(s.size() - n, n, suf) == 0;
}
}  // namespace

TEST_CASE("closing punctuation never starts a line, opening never ends one", "[linebreak]") {
    for (const char* p : {"。", "，", "、", "；", "：", "？", "！", "」", "）", "》"})
        CHECK(linebreak::no_start(static_cast<uint32_t>([&] {
            // decode the one code point of p
            const auto* u = reinterpret_cast<const unsigned char*>(p);
            return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        }())));
    CHECK(linebreak::no_end(0x300C));  // 「
    CHECK(linebreak::no_end(0xFF08));  // （
    CHECK(linebreak::no_end(0x300A));  // 《
    CHECK(linebreak::no_end(0x00B7));  // ·
    CHECK_FALSE(linebreak::no_start(0x6C34));  // 水
    CHECK_FALSE(linebreak::no_end(0x6C34));
}

TEST_CASE("a break before 。 moves back one character so the mark stays with its word", "[linebreak]") {
    // 9 bytes = 3 CJK characters a line: "报名成" | "功。请" ... would start a line with 。 at 12.
    const std::string s = "报名成功。请准时到场";
    const auto lines = wrap_every(s, 12);  // "报名成功" | "。请准时" without the rules
    REQUIRE(lines.size() >= 2);
    for (const std::string& l : lines) {
        INFO(l);
        CHECK_FALSE(starts_with(l, "。"));
    }
    CHECK(lines[0] == "报名成");
    CHECK(starts_with(lines[1], "功。"));
}

TEST_CASE("no line ends with 「（《, and a card line does not break right after ·", "[linebreak]") {
    for (const std::string& l : wrap_every("参加《海港区志愿服务》活动", 9)) {  // 《 would end line 1
        INFO(l);
        CHECK_FALSE(ends_with(l, "《"));
    }
    for (const std::string& l : wrap_every("秦皇岛市志愿者协会 · 海港区", 29)) {  // breaks at the blank after ·
        INFO(l);
        CHECK_FALSE(ends_with(l, "·"));
        CHECK_FALSE(ends_with(l, "· "));
    }
    const auto lines = wrap_every("秦皇岛市志愿者协会 · 海港区", 29);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "秦皇岛市志愿者协会 ");
    CHECK(lines[1] == "· 海港区");
}

TEST_CASE("a break that cannot be kept within a few characters stays where it was", "[linebreak]") {
    const std::string s = "。。。。。。。。";  // nothing but marks: no allowed break exists
    const char* b = s.data();
    CHECK(linebreak::adjust(b, b + 6, b + s.size()) == b + 6);
    CHECK(linebreak::adjust(b, b, b + s.size()) == b);
    CHECK(linebreak::adjust(b, b + s.size(), b + s.size()) == b + s.size());
}

// The real wrapper (ui/text_layout.h) with a real ImGui font (the harness's; every CJK
// character there is the fallback glyph, all of one width). A "·" that ImGui's word wrap
// leaves alone on a line — the CJK run after it is too long to join it, and nothing before it
// on the line to move back to — takes CJK characters of that run with it instead (found by
// the e2e layout walk on a 320 px phone in 关怀版: "公共服务中心 / · / 秦皇岛经济技术开发区").
TEST_CASE("a middle dot before a long CJK run is not left alone at a line's end", "[linebreak]") {
    zygc::native::Harness h;
    h.frame();
    const std::string s = "海港区公共服务中心 · 秦皇岛经济技术开发区 · 公交出行";
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const float one = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, "海").x;
    for (float chars : {6.0f, 8.0f, 9.5f, 12.0f}) {
        const float wrap = one * chars;
        ImVector<Line> lines;
        layout_lines(s.data(), s.data() + s.size(), wrap, lines);
        std::string joined;
        for (const Line& l : lines) {
            const std::string t(l.b, l.e);
            INFO(chars << " characters wide: [" << t << "]");
            CHECK_FALSE(ends_with(t, "·"));
            CHECK_FALSE(ends_with(t, "· "));
            CHECK(t != "·");
            CHECK(font->CalcTextSizeA(fs, FLT_MAX, 0.0f, l.b, l.e).x <= wrap + 0.5f);
            joined += t;
        }
        CHECK(lines.Size >= 3);
        CHECK(joined.find("秦皇岛") != std::string::npos);  // nothing lost (blanks at breaks aside)
    }
}
