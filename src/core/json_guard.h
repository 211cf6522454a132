// A cheap look at JSON text before it is parsed: how deep it nests and how big it is.
// Parsers and the destructors of parsed trees recurse per nesting level, so a hostile
// document ("[[[[…") must be refused before anything recursive sees it — on the server
// (request bodies) and in the app (API payloads) alike.
#pragma once
#include <cstddef>
#include <string_view>

namespace zygc {

struct JsonLimits {
    int max_depth = 64;                 // arrays/objects inside each other
    size_t max_bytes = 8 * 1024 * 1024; // the whole text
};

enum class JsonGuard { Ok, TooDeep, TooLarge };

// Scans brackets outside strings (escapes honoured). Does not validate the JSON: the
// parser still does that; this only guarantees the parser is safe to run.
JsonGuard json_guard(std::string_view text, JsonLimits limits = {});

}  // namespace zygc
