// The real loop without a browser (harness ↔ Runtime ↔ fake transport) with a device host
// that records the effects the store asks of the platform (ticks, scans, images): what the
// points and certification tests share.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "../core/fake_transport.h"
#include "core/runtime.h"
#include "platform/native/harness.h"

namespace fixtures {

struct DeviceApp {
    FakeTransport transport;
    std::vector<zygc::Effect> device;
    zygc::Runtime runtime{transport,
                          zygc::Runtime::Host{[](const std::string&) {}, [](const std::string&) {},
                                              [](const zygc::Settings&) {},
                                              [this](const zygc::Effect& e) { device.push_back(e); }}};
    zygc::native::Harness ui;
    explicit DeviceApp(const zygc::native::HarnessDesc& d) : ui(d) {
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
    // The recorded effects of type E, in order.
    template <class E>
    std::vector<E> effects() const {
        std::vector<E> out;
        for (const zygc::Effect& e : device)
            if (const E* x = std::get_if<E>(&e)) out.push_back(*x);
        return out;
    }
};

}  // namespace fixtures
