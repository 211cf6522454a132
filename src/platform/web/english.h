// The English words (zygc-en.json, ui/strings.h): the shell fetches the file once, early when
// the saved language is English, and hands its text to the app, which then draws in English.
#pragma once

namespace zygc::web::english {

// Asks for the words if they are not here yet (each time a resident picks English: a failed
// fetch is tried again). The answer wakes the loop.
void want();

}  // namespace zygc::web::english
