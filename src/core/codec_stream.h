// The fast path of decode<T>() for the pages the app reads most (projects, teams, brands,
// sign-ups, and what the home screen reads first: the city's figures, its dashboard, a
// problem): straight from the text into the structs with core/json_reader.h. Only codec.cpp and
// care_codec.cpp (and their tests) use it: decode<T>() tries it first and, when it says no, decodes the same
// text the slow way (nlohmann's tree), which finds and names the error exactly as before.
//
// read_document() says yes only when the text is JSON that nlohmann accepts, has the shape
// the slow path accepts, and has no key twice in one object (nlohmann keeps the last one;
// left to it); then `out` holds what the slow path would have produced, field for field.
#pragma once
#include <string_view>
#include <vector>

#include "core/care_model.h"
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
// first-visit (issue 11): with these the home screen's first answers need no nlohmann, whose
// code then stays out of the wasm a first visit downloads (scripts/split-wasm.mjs).
bool read_document(std::string_view text, std::vector<District>& out);  // the list's filter
bool read_document(std::string_view text, CityStats& out);
bool read_document(std::string_view text, CityDashboard& out);
bool read_document(std::string_view text, Problem& out);  // not with errors or params: no

// Every other payload: no fast path.
template <class T>
bool read_document(std::string_view, T&) {
    return false;
}

}  // namespace zygc::stream
