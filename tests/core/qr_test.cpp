// QR encoding: sizes by version, the fixed patterns every reader looks for, the format
// information (error correction level M), and text too long for any version.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/qr.h"
#include "scanner/decode.h"

using namespace zygc;

namespace {

// A 7×7 finder pattern with its top-left module at (x, y): dark ring, light ring, 3×3 core.
bool finder_at(const qr::Matrix& m, int x, int y) {
    for (int dy = 0; dy < 7; ++dy)
        for (int dx = 0; dx < 7; ++dx) {
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
            const bool want = ring != 2;
            if (m.at(x + dx, y + dy) != want) return false;
        }
    return true;
}

// The 15 format bits next to the top-left finder, unmasked (ISO/IEC 18004 7.9).
int format_bits(const qr::Matrix& m) {
    int bits = 0;
    auto put = [&](int i, int x, int y) { if (m.at(x, y)) bits |= 1 << i; };
    for (int i = 0; i <= 5; ++i) put(i, 8, i);
    put(6, 8, 7);
    put(7, 8, 8);
    put(8, 7, 8);
    for (int i = 9; i < 15; ++i) put(i, 14 - i, 8);
    return bits ^ 0x5412;
}

// The matrix as a greyscale picture: `scale` pixels a module, a 4-module white quiet zone.
std::vector<uint8_t> picture(const qr::Matrix& m, int scale, int& side) {
    side = (m.size + 8) * scale;
    std::vector<uint8_t> px(size_t(side) * side, 255);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            if (m.at(x / scale - 4, y / scale - 4)) px[size_t(y) * side + x] = 0;
    return px;
}

std::string round_trip(const std::string& text, int scale = 4) {
    const auto m = qr::encode(text);
    int side = 0;
    const auto px = picture(m, scale, side);
    return scan::decode_gray(px.data(), side, side);
}

}  // namespace

TEST_CASE("a check-in payload encodes to a version 2 code with level M") {
    const auto m = qr::encode("zygc:checkin:7:482913");  // 21 bytes: over 1-M's 14, within 2-M's 26
    REQUIRE(m.size == 25);
    REQUIRE(m.dark.size() == 25u * 25u);
    CHECK(finder_at(m, 0, 0));
    CHECK(finder_at(m, m.size - 7, 0));
    CHECK(finder_at(m, 0, m.size - 7));
    CHECK_FALSE(finder_at(m, m.size - 7, m.size - 7));  // no finder bottom-right
    // Timing patterns alternate between the finders, dark on even indices.
    for (int i = 8; i < m.size - 8; ++i) {
        CHECK(m.at(i, 6) == (i % 2 == 0));
        CHECK(m.at(6, i) == (i % 2 == 0));
    }
    CHECK(m.at(8, m.size - 8));  // the always-dark module
    // Version 2 has one alignment pattern centred at (18, 18).
    CHECK(m.at(18, 18));
    CHECK_FALSE(m.at(17, 18));
    CHECK(m.at(16, 18));
    const int format = format_bits(m);
    CHECK((format >> 13) == 0);  // 00 = level M
    const int mask = (format >> 10) & 7;
    CHECK(mask >= 0);
    CHECK(mask <= 7);
}

TEST_CASE("longer text takes a larger version; the same text gives the same code") {
    const auto a = qr::encode("https://zygc.example.cn/#/verify/ZYGC-2026-0000123-AB12");
    CHECK(a.size == 33);  // 55 bytes: version 4 (4-M holds 62)
    const auto b = qr::encode("https://zygc.example.cn/#/verify/ZYGC-2026-0000123-AB12");
    CHECK(a.dark == b.dark);
    const auto c = qr::encode("https://zygc.example.cn/#/verify/ZYGC-2026-0000123-AB13");
    CHECK(c.size == a.size);
    CHECK(c.dark != a.dark);
    CHECK(qr::encode("").size == 21);
}

TEST_CASE("text beyond version 40 gives an empty matrix, not a crash") {
    CHECK(qr::encode(std::string(2331, 'x')).size == 177);
    const auto m = qr::encode(std::string(2332, 'x'));
    CHECK(m.size == 0);
    CHECK(m.dark.empty());
    CHECK_FALSE(m.at(0, 0));
}

TEST_CASE("the scanner's reader decodes what the encoder drew") {
    CHECK(round_trip("zygc:checkin:7:482913") == "zygc:checkin:7:482913");
    CHECK(round_trip("https://zygc.example.cn/#/verify/ZYGC-2026-0000123-AB12", 3) ==
          "https://zygc.example.cn/#/verify/ZYGC-2026-0000123-AB12");
#ifndef __EMSCRIPTEN__
    // UTF-8 bytes survive with the system iconv. Not yet in wasm: iconv_lite.c lets zbar's
    // Latin-1 guess win for CJK text (the app's own payloads are ASCII).
    CHECK(round_trip("志愿港城 证明 ZYGC-2026") == "志愿港城 证明 ZYGC-2026");
#endif
}

TEST_CASE("RGBA frames decode too; a blank frame gives no text") {
    const auto m = qr::encode("zygc:checkin:12:000042");
    int side = 0;
    const auto gray = picture(m, 5, side);
    std::vector<uint8_t> rgba(gray.size() * 4);
    for (size_t i = 0; i < gray.size(); ++i) {
        // A tinted, low-contrast print: dark blue on cream, as a phone camera sees paper.
        const bool dark = gray[i] == 0;
        rgba[i * 4 + 0] = dark ? 30 : 235;
        rgba[i * 4 + 1] = dark ? 40 : 225;
        rgba[i * 4 + 2] = dark ? 90 : 200;
        rgba[i * 4 + 3] = 255;
    }
    CHECK(scan::decode_rgba(rgba.data(), side, side) == "zygc:checkin:12:000042");
    std::vector<uint8_t> blank(size_t(side) * side * 4, 255);
    CHECK(scan::decode_rgba(blank.data(), side, side).empty());
    CHECK(scan::decode_rgba(nullptr, 0, 0).empty());
}
