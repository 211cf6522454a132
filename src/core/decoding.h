// The decoder toolkit every codec builds on (codec.cpp, hours_codec.cpp, points_codec.cpp,
// care_codec.cpp): each decoder checks the JSON type before reading, so nothing throws, and
// the first problem found is kept with the path of its field. Defined in codec.cpp; only
// codecs include this (the rest of the app uses decode<T>() from decode.h and its siblings).
// A codec derives its own context in its unnamed namespace (struct Ctx : decoding::Ctx {})
// and writes its dec() overloads for that Ctx: the templates below, called with it, find
// that codec's decoders by the argument's type, and two codecs' decoders never meet.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec.h"

namespace zygc::decoding {

using nlohmann::json;

struct Ctx {
    std::string path;
    std::optional<DecodeError> error;

    bool fail(const char* message) {
        if (!error) error = DecodeError{path, message};
        return false;
    }
};

// Appends ".key" or "[i]" to the path for as long as it lives.
struct Scope {
    Ctx& c;
    size_t len;
    Scope(Ctx& ctx, const char* key) : c(ctx), len(ctx.path.size()) {
        if (!c.path.empty()) c.path += '.';
        c.path += key;
    }
    Scope(Ctx& ctx, size_t index) : c(ctx), len(ctx.path.size()) {
        c.path += '[' + std::to_string(index) + ']';
    }
    ~Scope() { c.path.resize(len); }
};

bool dec(const json& j, int64_t& out, Ctx& c);
bool dec(const json& j, int& out, Ctx& c);
bool dec(const json& j, double& out, Ctx& c);
bool dec(const json& j, bool& out, Ctx& c);
bool dec(const json& j, std::string& out, Ctx& c);
bool dec(const json& j, std::optional<std::string>& out, Ctx& c);  // null → nullopt

bool object(const json& j, Ctx& c);

// Nullable: present-or-null both fine; null → nullopt.
bool nullable(const json& o, const char* key, std::optional<std::string>& out, Ctx& c);

// "params": {"name": "value" | number | bool}; numbers and booleans are kept as their text.
bool dec_params(const json& j, Params& out, Ctx& c);

// The document: nullopt when `text` is JSON within json_guard's limits (then in j), else why not.
std::optional<DecodeError> parse(std::string_view text, json& j);

template <class T, class C>
bool dec(const json& j, std::vector<T>& out, C& c) {
    if (!j.is_array()) return c.fail("expected array");
    out.clear();
    out.resize(j.size());
    for (size_t i = 0; i < j.size(); ++i) {
        Scope s(c, i);
        if (!dec(j[i], out[i], c)) return false;
    }
    return true;
}

// A required field: missing or null is an error.
template <class T, class C>
bool req(const json& o, const char* key, T& out, C& c) {
    Scope s(c, key);
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return c.fail("missing");
    return dec(*it, out, c);
}

// An optional field: missing or null leaves the default.
template <class T, class C>
bool opt(const json& o, const char* key, T& out, C& c) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return true;
    Scope s(c, key);
    return dec(*it, out, c);
}

// Missing or null → nullopt; otherwise decoded as T.
template <class T, class C>
bool maybe(const json& o, const char* key, std::optional<T>& out, C& c) {
    auto it = o.find(key);
    out.reset();
    if (it == o.end() || it->is_null()) return true;
    Scope s(c, key);
    T v{};
    if (!dec(*it, v, c)) return false;
    out = std::move(v);
    return true;
}

// The whole document as T with the codec's context C; on an error T{} and the error.
template <class T, class C>
Decoded<T> decode_as(const json& j) {
    Decoded<T> out;
    C c;
    if (!dec(j, out.value, c)) {
        out.error = c.error;
        out.value = T{};
    }
    return out;
}

}  // namespace zygc::decoding
