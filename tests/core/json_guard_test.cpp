// Hostile payloads: deep nesting, huge documents, wrong types. decode() must answer with
// an error value every time, natively and as wasm under node (no abort, no stack overflow).
#include <catch2/catch.hpp>

#include "core/codec.h"
#include "core/json_guard.h"

using namespace zygc;

TEST_CASE("json_guard measures nesting outside strings") {
    CHECK(json_guard("[[[]]]", {.max_depth = 3}) == JsonGuard::Ok);
    CHECK(json_guard("[[[[]]]]", {.max_depth = 3}) == JsonGuard::TooDeep);
    CHECK(json_guard(R"({"a":"[[[[[[[["})", {.max_depth = 2}) == JsonGuard::Ok);
    CHECK(json_guard(R"({"a":"\"[[[[[[["})", {.max_depth = 2}) == JsonGuard::Ok);
    CHECK(json_guard(R"(["\\",[[[]]]])", {.max_depth = 3}) == JsonGuard::TooDeep);
    CHECK(json_guard("12345", {.max_depth = 1, .max_bytes = 4}) == JsonGuard::TooLarge);
}

TEST_CASE("decode refuses 100,000-deep nesting with an error value") {
    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    auto a = decode<Page<Project>>(deep);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error->message == "nested too deeply");
    std::string objs;
    for (int i = 0; i < 100000; ++i) objs += "{\"a\":";
    objs += "1" + std::string(100000, '}');
    CHECK_FALSE(decode<Problem>(objs).ok());
    // Deep but unterminated, and deep inside an otherwise valid page.
    CHECK_FALSE(decode<Project>(std::string(200000, '{')).ok());
    std::string inner = R"({"items":[{"id":1,"title":)" + deep + "}],\"next_cursor\":null,\"total\":1}";
    CHECK_FALSE(decode<Page<Project>>(inner).ok());
}

TEST_CASE("decode answers wrong types, invalid UTF-8 and huge arrays with an error value") {
    CHECK_FALSE(decode<Page<Project>>(R"({"items":"x","next_cursor":null,"total":1})").ok());
    CHECK_FALSE(decode<Page<Project>>("{\"items\":[{\"id\":1,\"title\":\"\xff\xfe\"}]}").ok());
    CHECK_FALSE(decode<Problem>("\xc3\x28").ok());
    std::string many = "{\"items\":[";
    for (int i = 0; i < 200000; ++i) many += i ? ",1" : "1";
    many += "],\"next_cursor\":null,\"total\":1}";
    CHECK_FALSE(decode<Page<Project>>(many).ok());
}

TEST_CASE("problem code and params survive a round trip") {
    Problem p;
    p.title = "Conflict";
    p.status = 409;
    p.code = "overlap";
    p.params = {{"project", "小候鸟驿站"}};
    p.errors = {{"shift_id", "时间冲突", "overlap", {{"project", "小候鸟驿站"}}}};
    auto back = decode<Problem>(encode(p).dump());
    REQUIRE(back.ok());
    CHECK(back.value.code == "overlap");
    CHECK(back.value.params == p.params);
    REQUIRE(back.value.errors.size() == 1);
    CHECK(back.value.errors[0].code == "overlap");
    CHECK(back.value.errors[0].params == p.params);
    // Numbers in params are kept as their text.
    auto n = decode<Problem>(R"({"title":"x","status":429,"code":"rate_limited","params":{"retry_after":30}})");
    REQUIRE(n.ok());
    CHECK(n.value.params == Params{{"retry_after", "30"}});
    CHECK_FALSE(decode<Problem>(R"({"title":"x","status":4,"params":{"a":[1]}})").ok());
}
