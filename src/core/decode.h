// What every reader of an API answer needs, without the JSON library: decode<T>(text) and
// the error it reports. The app's headers (api.h, store.h, the screens) include this, not
// codec.h: nlohmann/json.hpp costs ~2 s of compile time in each file that includes it.
// decode() never throws and never aborts: malformed or wrongly typed input becomes a
// DecodeError naming the field path ("items[3].shifts[0].capacity").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zygc {

struct DecodeError {
    std::string path;     // "" for the document itself
    std::string message;  // "expected integer", "missing", "not valid JSON"
    std::string to_string() const { return path.empty() ? message : path + ": " + message; }
};

template <class T>
struct Decoded {
    T value{};
    std::optional<DecodeError> error;
    bool ok() const { return !error; }
};

// Decoders for every payload the API returns (defined with the codecs). Unknown fields are
// ignored.
template <class T>
Decoded<T> decode(std::string_view json_text);

// Project categories: code → Chinese label. The API filters by code.
struct Category {
    const char* code;
    const char* label_zh;
    const char* label_en;
};
const std::vector<Category>& categories();
const Category* find_category(std::string_view code);

}  // namespace zygc
