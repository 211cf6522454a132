// 志愿服务记录证明 (the volunteer's certificate), laid out like a document: the name and
// masked ID, each organisation that recorded hours with its projects (dates, times,
// minutes), the total, the issue date, the serial and the QR of the public verification
// link; 保存图片 asks the platform to render and offer it as a PNG (SaveImage).
#include <cstdio>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/qr_view.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

std::string hours_minutes(int64_t minutes) {
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(S::HoursMinutesFmt), static_cast<long long>(minutes / 60),
                  static_cast<long long>(minutes % 60));
    return buf;
}

}  // namespace

void certificate_document(const Certificate& c, bool with_qr) {
    begin_panel();
    heading(tr(S::TitleCertificate));
    spacing(4);
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(S::CertIntroFmt), c.name.c_str(), c.id_masked.c_str());
    text(buf);
    for (const CertificateOrganisation& o : c.organisations) {
        spacing(6);
        const std::string org = o.team.name + " · " + hours_minutes(o.minutes);
        heading(org.c_str());
        for (const CertificateProject& p : o.projects) {
            bullet(p.title.c_str());
            ImGui::Indent(px(16));
            std::snprintf(buf, sizeof buf, tr(S::CertProjectDatesFmt), fmt::long_date_of(p.first_date).c_str(),
                          fmt::long_date_of(p.last_date).c_str());
            std::string line = buf;
            std::snprintf(buf, sizeof buf, tr(S::CertTimesFmt), static_cast<long long>(p.records));
            line += std::string(" · ") + buf + " · " + hours_minutes(p.minutes);
            text_muted(line.c_str());
            ImGui::Unindent(px(16));
        }
    }
    spacing(6);
    field(tr(S::CertTotal), hours_minutes(c.total_minutes));
    field(tr(S::CertIssuedOn), fmt::long_date_of(c.issued_on));
    field(tr(S::CertSerial), c.serial);
    text_muted(tr(S::CertIssuer));
    if (with_qr && !c.qr_payload.empty()) {
        spacing(6);
        const float side = ImMin(ImGui::GetContentRegionAvail().x, px(160));
        draw_qr(c.qr_payload, side);
        text_muted(tr(S::CertQrLabel));
    }
    end_panel();
}

void screen_certificate(const State& state) {
    const auto& r = state.certificate;
    if (r.failed() && r.error().status == 404) {  // no certified hours yet: where they come from
        empty_state(tr(S::NoCertificate));
        if (primary_button(tr(S::LinkMyHours), true)) emit(Navigate{route_my_hours()});
        if (secondary_button(tr(S::FindProjects), true)) emit(Navigate{route_projects()});
        return;
    }
    if (placeholder(r, Target::Certificate, r.loaded() || !r.data().serial.empty(), 6)) return;
    certificate_document(r.data(), true);
    spacing(8);
    if (primary_button(tr(S::SaveImage), true)) emit(SaveCertificate{});
}

}  // namespace zygc::ui
