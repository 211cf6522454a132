// The camera scanner's decoder: finds and reads a QR code in a camera frame. Built twice:
// natively (tests decode what core/qr.h encodes) and as its own small wasm module
// (zygc_scanner.js/.wasm) that the page loads only when the scanner opens. Uses zbar's QR
// reader (Debian source package zbar), nothing else of zbar.
#pragma once
#include <cstdint>
#include <string>

namespace zygc::scan {

// Decodes the first QR code in an 8-bit greyscale image (w×h, row-major). "" when none.
std::string decode_gray(const uint8_t* gray, int w, int h);
// The same for RGBA pixels as a canvas gives them (ImageData.data).
std::string decode_rgba(const uint8_t* rgba, int w, int h);

}  // namespace zygc::scan

// The wasm module's C API (exported as _scan_rgba, _scan_alloc, _scan_free): the page
// copies a frame into memory from scan_alloc, calls scan_rgba, reads the NUL-terminated
// UTF-8 text (empty when no code was found; valid until the next call).
extern "C" {
uint8_t* scan_alloc(int bytes);
void scan_free(uint8_t* p);
const char* scan_rgba(const uint8_t* rgba, int w, int h);
}
