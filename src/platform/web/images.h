// Pictures for the store (issue 10): LoadImage → fetch → createImageBitmap → a texture of the
// app's WebGL2 context (the one ImGui draws with) → ImageLoaded{url, texture, w, h}; an HTTP
// error, a network failure or an undecodable body → ImageFailed. FreeImage deletes the
// texture. The answers arrive from JS promises and are handed to the store at the next frame.
#pragma once
#include <string>
#include <vector>

#include "core/store.h"

namespace zygc::web::images {

bool handle(const Effect& e);  // true when it was an image effect
void drain(std::vector<Action>& out);
std::string take(int handle);  // the URL a JS answer is for ("" when unknown)
extern std::vector<Action> g_answers;

}  // namespace zygc::web::images
