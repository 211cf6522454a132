// Strings handed over by EM_JS shims: the JS side allocates them with _malloc; the caller
// takes ownership here, once.
#pragma once
#include <cstdlib>
#include <string>

namespace zygc::web {

inline std::string take_js_string(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

}  // namespace zygc::web
