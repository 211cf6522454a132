#include "core/qr.h"

#include <qrcodegen.hpp>

#include <string>

namespace zygc::qr {

Matrix encode(std::string_view text) {
    using qrcodegen::QrCode;
    std::vector<uint8_t> bytes(text.begin(), text.end());
    // Version 40 at level M holds 2331 bytes: checked here, so the library never throws
    // data_too_long (the wasm build has no exceptions: a throw there would abort).
    if (bytes.size() > 2331) return {};
    Matrix m;
    // Byte mode keeps the text exactly as given (UTF-8 included); numeric and alphanumeric
    // segments would only pay off for long digit runs.
    const std::vector<qrcodegen::QrSegment> segs{qrcodegen::QrSegment::makeBytes(bytes)};
    const QrCode code = QrCode::encodeSegments(segs, QrCode::Ecc::MEDIUM, QrCode::MIN_VERSION, QrCode::MAX_VERSION,
                                               -1, /*boostEcl=*/false);
    m.size = code.getSize();
    m.dark.resize(size_t(m.size) * m.size);
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x) m.dark[size_t(y) * m.size + x] = code.getModule(x, y) ? 1 : 0;
    return m;
}

}  // namespace zygc::qr
