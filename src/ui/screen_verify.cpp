// 证明核验 (#/verify/SERIAL, public, no login): whether a 志愿服务记录证明 with this serial was
// issued and is unchanged — 真实有效 with its content, or 未找到该证明.
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_verify(const State& state) {
    const auto& r = state.verification;
    char serial[160];
    std::snprintf(serial, sizeof serial, tr(S::VerifySerialFmt), state.route.slug.c_str());
    if (r.failed() && r.error().status == 404) {
        heading(tr(S::VerifyNotFound));
        text_muted(serial);
        return;
    }
    const bool current = r.key() == state.route.slug && r.data().certificate.serial == state.route.slug;
    if (placeholder(r, Target::Verify, current, 4)) return;
    const CertificateCheck& check = r.data();
    if (check.genuine) {
        text_line(tr(S::Genuine), color::Success, true, sem::Role::Heading);
        text_muted(tr(S::GenuineNote));
    } else {
        text_line(tr(S::NotGenuine), color::Danger, true, sem::Role::Heading);
    }
    text_muted(serial);
    spacing(6);
    certificate_document(check.certificate, false);
}

}  // namespace zygc::ui
