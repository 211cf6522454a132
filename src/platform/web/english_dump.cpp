// Writes zygc-en.json (ui/strings.h english_json()) at build time: compiled with ui/strings.cpp
// with its English words in, run by node (src/platform/web/CMakeLists.txt).
//   node zygc_english_dump.js OUT
#include <cstdio>
#include <string>

#include "ui/strings.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: zygc_english_dump OUT\n");
        return 2;
    }
    const std::string json = zygc::ui::english_json();
    std::FILE* f = std::fopen(argv[1], "wb");
    if (!f || std::fwrite(json.data(), 1, json.size(), f) != json.size() || std::fclose(f) != 0) {
        std::fprintf(stderr, "zygc_english_dump: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
