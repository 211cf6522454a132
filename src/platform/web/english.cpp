#include "platform/web/english.h"

#include <emscripten/emscripten.h>

#include "platform/web/wake.h"
#include "ui/strings.h"

// Module.zygcEnglish (shell/zygc-shell.js) calls back with the file's text, or null if it
// could not be fetched.
EM_JS(void, zygc_js_want_english, (), {
    if (!Module.zygcEnglish) return;
    Module.zygcEnglish(function(text) {
        if (text === null) return;
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        _zygc_on_english(p);
        _free(p);
    });
});

namespace zygc::web::english {

void want() {
    if (!ui::english_ready()) zygc_js_want_english();
}

}  // namespace zygc::web::english

extern "C" EMSCRIPTEN_KEEPALIVE void zygc_on_english(const char* json) {
    if (zygc::ui::english_ready()) return;
    if (!zygc::ui::set_english(json))
        EM_ASM({ console.error("zygc-en.json does not fit this build"); });
    zygc_wake();
}
