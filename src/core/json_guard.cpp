#include "core/json_guard.h"

namespace zygc {

JsonGuard json_guard(std::string_view text, JsonLimits limits) {
    if (text.size() > limits.max_bytes) return JsonGuard::TooLarge;
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (in_string) {
            if (ch == '\\') ++i;             // skip the escaped character
            else if (ch == '"') in_string = false;
            continue;
        }
        switch (ch) {
        case '"': in_string = true; break;
        case '[':
        case '{':
            if (++depth > limits.max_depth) return JsonGuard::TooDeep;
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;
            break;
        default: break;
        }
    }
    return JsonGuard::Ok;
}

}  // namespace zygc
