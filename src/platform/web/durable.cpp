#include "platform/web/durable.h"

#include <emscripten/emscripten.h>

#include <cstdlib>

EM_JS(int, zygc_js_durable_store, (const char* key_p, const char* json_p), {
    var key = UTF8ToString(key_p), json = UTF8ToString(json_p);
    try {
        if (json.length) window.localStorage.setItem(key, json);
        else window.localStorage.removeItem(key);
        return 1;
    } catch (e) {
        return 0;
    }
});

EM_JS(char*, zygc_js_durable_load, (const char* key_p), {
    var v = "";
    try {
        v = window.localStorage.getItem(UTF8ToString(key_p)) || "";
    } catch (e) {
    }
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

namespace zygc::web::durable {

void store(const std::string& key, const std::string& json) { zygc_js_durable_store(key.c_str(), json.c_str()); }

std::string load(const std::string& key) {
    char* p = zygc_js_durable_load(key.c_str());
    std::string out = p ? p : "";
    std::free(p);
    return out;
}

}  // namespace zygc::web::durable
