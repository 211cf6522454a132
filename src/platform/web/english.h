// The English words (zygc-en.json, ui/strings.h): the shell fetches the file once, early when
// the saved language is English, and hands its text to the app, which then draws in English.
// A fetch that fails becomes LanguageUnavailable (back to Chinese, with a notice).
#pragma once
#include <vector>

#include "core/store.h"

namespace zygc::web::english {

// Asks for the words if they are not here yet. The answer wakes the loop.
void want();
void drain(std::vector<Action>& out);  // LanguageUnavailable, at the next frame

}  // namespace zygc::web::english
