// UTF-8 measured and cut on code points.
#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace zygc;

TEST_CASE("utf8 counts code points", "[utf8]") {
    CHECK(utf8::count("") == 0);
    CHECK(utf8::count("abc") == 3);
    CHECK(utf8::count("小候鸟") == 3);
    CHECK(utf8::count("㑇😀") == 2);
}

TEST_CASE("utf8 cuts only between characters", "[utf8]") {
    CHECK(utf8::truncate_bytes("小候鸟", 5) == "小");  // 3-byte characters
    CHECK(utf8::truncate_bytes("小候鸟", 6) == "小候");
    CHECK(utf8::truncate_bytes("ab", 9) == "ab");
    CHECK(utf8::truncate_chars("小候鸟ab", 2) == "小候");
    CHECK(utf8::truncate_chars("小候鸟ab", 4) == "小候鸟a");
    CHECK(utf8::truncate_chars("ab", 5) == "ab");
    char buf[6];
    utf8::copy(buf, sizeof buf, "小候鸟");
    CHECK(std::string(buf) == "小");
    utf8::copy(buf, sizeof buf, "abcdefgh");
    CHECK(std::string(buf) == "abcde");
}

TEST_CASE("utf8 reads one code point at a time", "[utf8]") {
    const std::string s = "a\xc3\xa9\xe5\xb0\x8f\xf0\x9f\x98\x80";  // a é 小 😀
    size_t i = 0;
    CHECK(utf8::next(s, i) == 0x61);
    CHECK(i == 1);
    CHECK(utf8::next(s, i) == 0xE9);
    CHECK(i == 3);
    CHECK(utf8::next(s, i) == 0x5C0F);
    CHECK(i == 6);
    CHECK(utf8::next(s, i) == 0x1F600);
    CHECK(i == s.size());
    const std::string cut = "\xe5\xb0";  // a character cut short stops at the end
    i = 0;
    utf8::next(cut, i);
    CHECK(i == cut.size());
}

TEST_CASE("utf8 validation", "[utf8]") {
    CHECK(utf8::valid("小候鸟 ok 😀"));
    CHECK_FALSE(utf8::valid("\xE5\xB0"));          // cut short
    CHECK_FALSE(utf8::valid("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(utf8::valid("\xED\xA0\x80"));      // a surrogate
    CHECK_FALSE(utf8::valid("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(utf8::valid("\x80"));
}
