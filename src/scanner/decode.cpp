#include "scanner/decode.h"

#include <zbar.h>

#include <cstdlib>
#include <vector>

namespace zygc::scan {

using namespace ::zbar;  // zbar.h declares its C API inside namespace zbar for C++

std::string decode_gray(const uint8_t* gray, int w, int h) {
    if (!gray || w <= 0 || h <= 0) return {};
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    // QR only: every other symbology is compiled out, and switched off here as well.
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, unsigned(w), unsigned(h));
    zbar_image_set_data(image, gray, size_t(w) * size_t(h), nullptr);
    std::string text;
    if (zbar_scan_image(scanner, image) > 0) {
        const zbar_symbol_t* sym = zbar_image_first_symbol(image);
        if (sym) text.assign(zbar_symbol_get_data(sym), zbar_symbol_get_data_length(sym));
    }
    zbar_image_destroy(image);
    zbar_image_scanner_destroy(scanner);
    return text;
}

std::string decode_rgba(const uint8_t* rgba, int w, int h) {
    if (!rgba || w <= 0 || h <= 0) return {};
    std::vector<uint8_t> gray(size_t(w) * size_t(h));
    for (size_t i = 0; i < gray.size(); ++i) {
        const uint8_t* p = rgba + i * 4;
        gray[i] = uint8_t((p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8);  // BT.601 luma
    }
    return decode_gray(gray.data(), w, h);
}

}  // namespace zygc::scan

extern "C" {

uint8_t* scan_alloc(int bytes) { return bytes > 0 ? static_cast<uint8_t*>(std::malloc(size_t(bytes))) : nullptr; }
void scan_free(uint8_t* p) { std::free(p); }

const char* scan_rgba(const uint8_t* rgba, int w, int h) {
    static std::string last;
    last = zygc::scan::decode_rgba(rgba, w, h);
    return last.c_str();
}

}
