// The real loop without a browser: harness ↔ Runtime ↔ fake transport, with helpers for
// answering the account endpoints.
#pragma once
#include <string>

#include "../core/fake_transport.h"
#include "core/codec.h"
#include "core/runtime.h"
#include "fixtures.h"
#include "platform/native/harness.h"

namespace fixtures {

struct App {
    FakeTransport transport;
    std::vector<std::string> hashes;
    std::vector<std::string> backs;
    zygc::Runtime runtime{transport, zygc::Runtime::Host{[this](const std::string& h) { hashes.push_back(h); },
                                                         [this](const std::string& h) { backs.push_back(h); },
                                                         [](const zygc::Settings&) {}}};
    zygc::native::Harness ui;
    explicit App(const zygc::native::HarnessDesc& d = {}) : ui(d) {
        ui.source = &runtime.state();
        ui.dispatch = [this](const zygc::Action& a) { runtime.dispatch(a); };
    }
    const zygc::State& state() const { return runtime.state(); }

    // The pending request with this method and path prefix (nullptr when none).
    const FakeTransport::Pending* pending(const std::string& method, const std::string& prefix) const {
        for (const auto& p : transport.pending)
            if (p.request.method == method && p.request.path.rfind(prefix, 0) == 0) return &p;
        return nullptr;
    }
    static std::string header(const zygc::HttpRequest& r, const std::string& name) {
        for (const auto& [k, v] : r.headers)
            if (k == name) return v;
        return "";
    }
};

inline zygc::Me resident(zygc::Id id = 5) {
    zygc::Me m;
    m.id = id;
    m.phone_masked = "138****0001";
    m.display_name = "138****0001";
    m.roles = {"resident"};
    return m;
}

inline zygc::Me volunteer(zygc::Id id = 5) {
    zygc::Me m = resident(id);
    m.roles = {"resident", "volunteer"};
    zygc::VolunteerProfile v;
    v.real_name = "张三";
    v.id_number_masked = "1303**********123X";
    v.district_id = 1;
    m.volunteer = v;
    return m;
}

inline std::string problem(int status, const std::string& detail) {
    zygc::Problem p;
    p.status = status;
    p.title = "Conflict";
    p.detail = detail;
    return zygc::encode(p).dump();
}

}  // namespace fixtures
