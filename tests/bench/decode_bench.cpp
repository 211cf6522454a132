// The app's decode of a project page (core/codec.h decode<Page<Project>>), timed. Built for
// wasm and run under node by tests/bench/decode.mjs, which times JSON.parse of the same bytes
// in the same engine beside it. Figures only, never assertions.
//   node build/wasm/tests/decode_bench.js page.json [iterations]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/codec.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: decode_bench page.json [iterations]\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 2000;

    auto first = zygc::decode<zygc::Page<zygc::Project>>(text);
    if (!first.ok()) {
        std::fprintf(stderr, "decode failed: %s\n", first.error->to_string().c_str());
        return 1;
    }
    size_t sink = 0;
    for (int i = 0; i < iterations / 10; ++i) sink += zygc::decode<zygc::Page<zygc::Project>>(text).value.items.size();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i) sink += zygc::decode<zygc::Page<zygc::Project>>(text).value.items.size();
    const auto t1 = std::chrono::steady_clock::now();
    const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / iterations;
    std::printf("{\"items\":%zu,\"bytes\":%zu,\"iterations\":%d,\"us_per_decode\":%.2f,\"sink\":%zu}\n",
                first.value.items.size(), text.size(), iterations, us, sink);
    return 0;
}
