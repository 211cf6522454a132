// The fast path of decode<T>() for the pages the app reads most (projects, teams, brands,
// sign-ups): straight from the text into the structs with core/json_reader.h. Only codec.cpp
// (and its tests) use it: decode<T>() tries it first and, when it says no, decodes the same
// text the slow way (nlohmann's tree), which finds and names the error exactly as before.
//
// read_document() says yes only when the text is JSON that nlohmann accepts, has the shape
// the slow path accepts, and has no key twice in one object (nlohmann keeps the last one;
// left to it); then `out` holds what the slow path would have produced, field for field.
#pragma once
#include <string_view>
#include <vector>

#include "core/model.h"

namespace zygc::stream {

bool read_document(std::string_view text, Page<Project>& out);
bool read_document(std::string_view text, Project& out);
bool read_document(std::string_view text, Page<Team>& out);
bool read_document(std::string_view text, Team& out);
bool read_document(std::string_view text, std::vector<Brand>& out);
bool read_document(std::string_view text, Brand& out);
bool read_document(std::string_view text, Page<Signup>& out);
bool read_document(std::string_view text, std::vector<Signup>& out);

// Every other payload: no fast path.
template <class T>
bool read_document(std::string_view, T&) {
    return false;
}

}  // namespace zygc::stream
