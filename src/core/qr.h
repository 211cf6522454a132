// QR codes as plain data: the organizer's rotating check-in code and the certificate's
// verification link are encoded here (nayuki's qrcodegen, Debian's qr-code-generator
// source) and drawn by ui::draw_qr or the certificate image. No quiet zone: the drawer
// adds it.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace zygc::qr {

struct Matrix {
    int size = 0;               // modules per side (21 for version 1, +4 per version); 0: empty
    std::vector<uint8_t> dark;  // size*size, row-major, 1 = dark module
    bool at(int x, int y) const {
        return x >= 0 && y >= 0 && x < size && y < size && dark[size_t(y) * size + x] != 0;
    }
};

// Error correction level medium (15 %), the smallest version that fits, automatic mask.
// Text that cannot fit any version (over ~2300 bytes) gives an empty Matrix.
Matrix encode(std::string_view text);

}  // namespace zygc::qr
