#include "platform/web/english.h"

#include <emscripten/emscripten.h>

#include "platform/web/wake.h"
#include "ui/strings.h"

// Module.zygcEnglish (shell/zygc-shell.js) calls back with the file's text, or null if it
// could not be fetched.
EM_JS(void, zygc_js_want_english, (), {
    if (!Module.zygcEnglish) return;
    Module.zygcEnglish(function(text) {
        if (text === null) {
            _zygc_on_english(0);
            return;
        }
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        _zygc_on_english(p);
        _free(p);
    });
});

namespace zygc::web::english {
std::vector<Action> g_answers;

void want() {
    if (!ui::english_ready()) zygc_js_want_english();
}

void drain(std::vector<Action>& out) {
    for (Action& a : g_answers) out.push_back(std::move(a));
    g_answers.clear();
}

}  // namespace zygc::web::english

extern "C" EMSCRIPTEN_KEEPALIVE void zygc_on_english(const char* json) {
    if (zygc::ui::english_ready()) return;
    if (!json || !zygc::ui::set_english(json)) {
        if (json) EM_ASM({ console.error("zygc-en.json does not fit this build"); });
        zygc::web::english::g_answers.push_back(zygc::LanguageUnavailable{"en"});
    }
    zygc_wake();
}
