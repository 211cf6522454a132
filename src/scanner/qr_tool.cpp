// zygc-qr: QR helper for the e2e tests (tests/e2e/scanner.test.mjs) and by hand.
//   zygc-qr y4m TEXT OUT.y4m   a short 640×480 video of TEXT's QR code (core/qr.h) on
//                              paper-white, for Chromium's --use-file-for-fake-video-capture
//   zygc-qr decode FILE.pgm    prints the text of the QR code in a binary PGM (P5) image
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/qr.h"
#include "scanner/decode.h"

namespace {

int write_y4m(const std::string& text, const char* path) {
    const int W = 640, H = 480, frames = 10, module = 8;
    const auto m = zygc::qr::encode(text);
    if (m.size == 0) return 2;
    std::vector<uint8_t> y(size_t(W) * H, 235);
    const int side = m.size * module, x0 = (W - side) / 2, y0 = (H - side) / 2;
    for (int py = 0; py < side; ++py)
        for (int px = 0; px < side; ++px)
            if (m.at(px / module, py / module)) y[size_t(y0 + py) * W + x0 + px] = 16;
    const std::vector<uint8_t> chroma(size_t(W / 2) * (H / 2), 128);
    std::ofstream out(path, std::ios::binary);
    out << "YUV4MPEG2 W" << W << " H" << H << " F10:1 Ip A1:1 C420jpeg\n";
    for (int f = 0; f < frames; ++f) {
        out << "FRAME\n";
        out.write(reinterpret_cast<const char*>(y.data()), std::streamsize(y.size()));
        out.write(reinterpret_cast<const char*>(chroma.data()), std::streamsize(chroma.size()));
        out.write(reinterpret_cast<const char*>(chroma.data()), std::streamsize(chroma.size()));
    }
    return out ? 0 : 1;
}

int decode_pgm(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    if (magic != "P5" || w <= 0 || h <= 0 || max != 255) return 2;
    std::vector<uint8_t> px(size_t(w) * h);
    in.read(reinterpret_cast<char*>(px.data()), std::streamsize(px.size()));
    const std::string text = zygc::scan::decode_gray(px.data(), w, h);
    if (text.empty()) return 1;
    std::cout << text << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "y4m") == 0) return write_y4m(argv[2], argv[3]);
    if (argc == 3 && std::strcmp(argv[1], "decode") == 0) return decode_pgm(argv[2]);
    std::fprintf(stderr, "usage: zygc-qr y4m TEXT OUT.y4m | zygc-qr decode FILE.pgm\n");
    return 2;
}
