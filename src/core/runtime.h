// Runs the store: dispatch(action) → update → effects. Requests go out through the
// Transport; their responses come back as Received actions. Hash changes go to a callback
// supplied by the platform.
#pragma once
#include <functional>

#include "http.h"
#include "store.h"

namespace zygc {

class Runtime {
public:
    // What the platform does for the effects that are not requests.
    struct Host {
        std::function<void(const std::string& hash)> set_hash;
        std::function<void(const std::string& fallback_hash)> go_back;
        std::function<void(const Settings&)> save_settings;
        // Device effects (core/device.h): scanner, location, durable storage, images, ticks.
        std::function<void(const Effect&)> device;
        // search typing: SetUrlHash{replace}: rewrite the current entry (set_hash when missing)
        std::function<void(const std::string& hash)> replace_hash;
    };

    Runtime(Transport& transport, std::function<void(const std::string&)> set_hash)
        : transport_(transport) {
        host_.set_hash = std::move(set_hash);
    }
    Runtime(Transport& transport, Host host) : transport_(transport), host_(std::move(host)) {}

    const State& state() const { return state_; }
    void start(const Route& route, uint64_t key_seed = 0, Settings settings = {}) {
        run(zygc::start(state_, route, key_seed, std::move(settings)));
    }
    void dispatch(const Action& action) { run(update(state_, action)); }

private:
    void run(std::vector<Effect> effects);

    State state_;
    Transport& transport_;
    Host host_;
};

}  // namespace zygc
