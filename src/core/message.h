// What core tells the user, as a code with arguments: {code:"overlap", params:{project:"净滩"}}.
// The UI words it in the user's language (ui/strings.cpp); core never writes display text.
#pragma once
#include <string>
#include <string_view>

#include "core/model.h"

namespace zygc {

struct Message {
    std::string code;    // "signed_up", "overlap", a server problem's code …
    Params params;       // its arguments, by name
    std::string detail;  // the server's Chinese text: shown (in Chinese only) when the code is unknown
    bool empty() const { return code.empty() && detail.empty(); }
    bool operator==(const Message&) const = default;
    // The value of a parameter ("" when absent).
    std::string param(std::string_view name) const {
        for (const Param& p : params)
            if (p.name == name) return p.value;
        return "";
    }
};

// A field error as a message (FieldError carries the same code/params/Chinese text).
inline Message message_of(const FieldError& e) { return {e.code, e.params, e.message}; }

}  // namespace zygc
