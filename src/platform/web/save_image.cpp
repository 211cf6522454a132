#include "platform/web/save_image.h"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/qr.h"
#include "platform/web/js_string.h"

namespace {

// Loads zygc-certificate.js once, then draws and saves. `qr` is the matrix as '0'/'1' rows.
EM_JS(void, zygc_js_save_certificate, (const char* json_p, const char* name_p, int qr_size, const char* qr_p), {
    var json = UTF8ToString(json_p), name = UTF8ToString(name_p), bits = UTF8ToString(qr_p);
    var go = function() {
        window.zygcCertificate.save(JSON.parse(json), name, {size: qr_size, bits: bits});
    };
    if (window.zygcCertificate) return go();
    var s = document.createElement("script");
    s.src = "zygc-certificate.js";
    s.onload = go;
    s.onerror = function() { s.remove(); console.warn("zygc-certificate.js failed to load"); };
    document.head.appendChild(s);
});

// "https://host:port" of the page, for a qr_payload the server gave as a path.
EM_JS(char*, zygc_js_origin, (), {
    var v = location.origin || "";
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

}  // namespace

namespace zygc::web::save_image {

bool handle(const Effect& effect) {
    const auto* save = std::get_if<SaveImage>(&effect);
    if (!save || save->kind != "certificate") return false;
    const auto doc = nlohmann::json::parse(save->json, nullptr, false);
    std::string payload;
    if (doc.is_object() && doc.contains("qr_payload") && doc["qr_payload"].is_string())
        payload = doc["qr_payload"].get<std::string>();
    if (!payload.empty() && payload[0] == '/') payload = web::take_js_string(zygc_js_origin()) + payload;
    const qr::Matrix m = qr::encode(payload);
    std::string bits(m.dark.size(), '0');
    for (size_t i = 0; i < m.dark.size(); ++i)
        if (m.dark[i]) bits[i] = '1';
    zygc_js_save_certificate(save->json.c_str(), save->file_name.c_str(), m.size, bits.c_str());
    return true;
}

}  // namespace zygc::web::save_image
